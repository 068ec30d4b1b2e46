/**
 * Errors found after evaluation (a bad cron, a date Airflow cannot read, a "0g" memory) are
 * known at the call that made the DAG or task, since that is all V8's stack tells. This moves
 * each to the value of the option it is about, found in the call's own object literal in the
 * TypeScript source, so the underline sits under `"0g"` and not under `d.spark(`. A value that
 * is not written there (a variable, a spread, a default from the config) keeps the call.
 *
 * The sources are parsed only when a diagnostic names an option, with the TypeScript parser of
 * @ts-morph/common, loaded then and not before.
 */
import fs from "node:fs";
import path from "node:path";
import type { Diagnostic, OptionPath } from "../diagnostics/index.js";
import type { Location } from "../ir/schema.js";

type Ts = typeof import("@ts-morph/common").ts;
type SourceFile = import("@ts-morph/common").ts.SourceFile;
type Node = import("@ts-morph/common").ts.Node;

export async function pointAtValues(root: string, diagnostics: readonly Diagnostic[]): Promise<Diagnostic[]> {
  if (!diagnostics.some((diagnostic) => diagnostic.location?.option)) return [...diagnostics];
  const { ts } = await import("@ts-morph/common");
  const parsed = new Map<string, SourceFile | undefined>();
  const sourceOf = (file: string) => {
    if (!parsed.has(file)) {
      let text: string | undefined;
      try {
        text = fs.readFileSync(path.resolve(root, file), "utf8");
      } catch {
        text = undefined;
      }
      parsed.set(file, text === undefined ? undefined : ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true));
    }
    return parsed.get(file);
  };
  return diagnostics.map((diagnostic) => {
    const { location } = diagnostic;
    if (!location?.option) return diagnostic;
    const call: Location = { file: location.file, line: location.line, column: location.column };
    const source = sourceOf(location.file);
    const value = source && valueNode(ts, source, call, location.option);
    if (!source || !value || (location.written !== undefined && !writes(ts, value, location.written))) return { ...diagnostic, location: call };
    const start = source.getLineAndCharacterOfPosition(value.getStart(source));
    const end = source.getLineAndCharacterOfPosition(value.getEnd());
    return { ...diagnostic, location: { file: location.file, line: start.line + 1, column: start.character + 1 }, end: { line: end.line + 1, column: end.character + 1 } };
  });
}

/** The node of the value at `option` in the options of the call at `at`, as deep as it is written literally. */
function valueNode(ts: Ts, source: SourceFile, at: Location, option: OptionPath): Node | undefined {
  let position: number;
  try {
    position = source.getPositionOfLineAndCharacter(at.line - 1, at.column - 1);
  } catch {
    return undefined;
  }
  const call = callAt(ts, source, position);
  const options = call?.arguments.find((argument) => ts.isObjectLiteralExpression(argument));
  if (!options) return undefined;
  let node: Node = options;
  for (const [index, step] of option.entries()) {
    // A value written whole (`schedule: "@daily"` for the path schedule.cron) is as deep as it goes.
    if (index > 0 && !ts.isObjectLiteralExpression(node) && !ts.isArrayLiteralExpression(node)) return node;
    const next = stepInto(ts, node, step);
    if (!next) return undefined; // not written in this call: it came from elsewhere
    node = next;
  }
  return node;
}

/** Whether `node` is a literal of exactly `value`. */
function writes(ts: Ts, written: Node, value: string | number): boolean {
  let node = written;
  // `"4g" as MemorySize`, `("4g")`, `"4g" satisfies MemorySize` write "4g".
  while (ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isParenthesizedExpression(node) || ts.isTypeAssertionExpression(node)) node = node.expression;
  if (typeof value === "string") return (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && node.text === value;
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand)) return -Number(node.operand.text) === value;
  return ts.isNumericLiteral(node) && Number(node.text) === value;
}

/** The innermost call whose callee holds `position`: V8 places a call at its callee (`dag`, or `spark` in `d.spark`). */
function callAt(ts: Ts, source: SourceFile, position: number): import("@ts-morph/common").ts.CallExpression | undefined {
  let best: import("@ts-morph/common").ts.CallExpression | undefined;
  const visit = (node: Node): void => {
    if (position < node.getFullStart() || position > node.getEnd()) return;
    if (ts.isCallExpression(node) && position >= node.getStart(source) && position <= node.arguments.pos) {
      if (!best || node.arguments.pos - node.getStart(source) < best.arguments.pos - best.getStart(source)) best = node;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return best;
}

/** The value of property `step` of an object literal, or element `step` of an array literal. */
function stepInto(ts: Ts, node: Node, step: string | number): Node | undefined {
  if (typeof step === "number") return ts.isArrayLiteralExpression(node) ? node.elements[step] : undefined;
  if (!ts.isObjectLiteralExpression(node)) return undefined;
  // The last assignment wins, as at run time.
  for (const property of [...node.properties].reverse()) {
    if (ts.isSpreadAssignment(property)) return undefined; // the spread may have set it: not knowable here
    const name = property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name) || ts.isNumericLiteral(property.name)) ? property.name.text : undefined;
    if (name !== step) continue;
    if (ts.isPropertyAssignment(property)) return property.initializer;
    if (ts.isShorthandPropertyAssignment(property)) return property.name;
    return undefined;
  }
  return undefined;
}
