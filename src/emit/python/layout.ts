/**
 * Lays out Python expressions the way `ruff format` (and black) would, so generated files are
 * left unchanged by the formatter teams already run: a line of at most 88 columns when it
 * fits; else a call's arguments on one indented line; else one item per line with a
 * trailing comma.
 */
import { eastAsianWidth } from "get-east-asian-width";
import type { PyExpr } from "./expr.js";

export const LINE_LENGTH = 88;
const INDENT = "    ";

/**
 * The expression as source text for a line that starts at `indent` columns with `prefix`
 * (for example `name = `) already written and `suffix` (for example ` as dag:`) still to come.
 */
export function layout(expr: PyExpr, indent: string, prefix = "", suffix = ""): string {
  return render(expr, indent, indent.length + width(prefix), width(suffix));
}

const ASCII = /^[\x00-\x7f]*$/;

/**
 * Columns a text takes, as ruff counts them (its unicode-width crate: Unicode's East Asian
 * Width): wide and full-width characters take two (CJK, Hangul, emoji such as 🚀, ⚡ and ✅),
 * combining marks and zero-width joiners none. get-east-asian-width reads the same table.
 */
export function width(text: string): number {
  // Nearly every line of a DAG file is plain ASCII, one column a character: no per-character look.
  if (ASCII.test(text)) return text.length;
  let columns = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (/\p{Mn}|\p{Me}|\u200B/u.test(char)) continue;
    columns += eastAsianWidth(code);
  }
  return columns;
}

/** One statement, `prefix` + expression + `suffix`, indented. */
export function statement(expr: PyExpr, indent: string, prefix = "", suffix = ""): string {
  return indent + prefix + layout(expr, indent, prefix, suffix) + suffix;
}

export function flat(expr: PyExpr): string {
  switch (expr.kind) {
    case "code":
      return expr.text;
    case "call":
      return `${expr.callee}(${expr.args.map((arg) => (arg.name ? `${arg.name}=` : "") + flat(arg.value)).join(", ")})`;
    case "list":
      return `[${expr.items.map(flat).join(", ")}]`;
    case "dict":
      return `{${expr.entries.map(([key, value]) => `${flat(key)}: ${flat(value)}`).join(", ")}}`;
    case "method":
      return `${flat(expr.target)}.${expr.name}(${expr.args.map((arg) => (arg.name ? `${arg.name}=` : "") + flat(arg.value)).join(", ")})`;
  }
}

interface Part {
  /** Written before the part's value, such as `name=` or `"key": `. */
  label: string;
  value: PyExpr;
}

function render(expr: PyExpr, indent: string, start: number, after: number): string {
  const text = flat(expr);
  if (expr.kind === "code" || start + width(text) + after <= LINE_LENGTH) return text;
  if (expr.kind === "method") return renderMethod(expr, indent, start, after);
  const [open, close, parts] = brackets(expr);
  if (parts.length === 0) return text;
  const inner = indent + INDENT;
  const body = parts.map((part) => part.label + flat(part.value)).join(", ");
  // Black and ruff put a call's arguments on one indented line when they fit there; a list or
  // dict literal of several items is always exploded one item per line.
  const mayHug = expr.kind === "call" || parts.length === 1;
  if (mayHug && inner.length + width(body) <= LINE_LENGTH) return `${open}\n${inner}${body}\n${indent}${close}`;
  if (parts.length === 1) {
    const [only] = parts as [Part];
    return `${open}\n${inner}${only.label}${render(only.value, inner, inner.length + width(only.label), 0)}\n${indent}${close}`;
  }
  const lines = parts.map((part) => `${inner}${part.label}${render(part.value, inner, inner.length + width(part.label), 1)},`);
  return `${open}\n${lines.join("\n")}\n${indent}${close}`;
}

/**
 * `target(...).name(...)` as black splits it: at the last bracket when everything before it
 * fits on the first line; otherwise at the target's bracket, with the method call after its
 * closing bracket, split in turn if it is too long.
 */
function renderMethod(expr: Extract<PyExpr, { kind: "method" }>, indent: string, start: number, after: number): string {
  const outer: PyExpr = { kind: "call", callee: `${flat(expr.target)}.${expr.name}`, args: expr.args };
  if (start + width(flat(expr.target)) + expr.name.length + 2 <= LINE_LENGTH) return render(outer, indent, start, after);
  // Room for `.name(` after the target: when the target alone fits but not with it, the
  // target's own brackets split (as ruff does), and the method call follows its closing one.
  const target = render(expr.target, indent, start, expr.name.length + 2);
  const lastBreak = target.lastIndexOf("\n");
  if (lastBreak === -1) return render(outer, indent, start, after); // a target that cannot split
  const closing = target.slice(lastBreak + 1).trimStart();
  const tail: PyExpr = { kind: "call", callee: `${closing}.${expr.name}`, args: expr.args };
  return target.slice(0, lastBreak + 1) + indent + render(tail, indent, indent.length, after);
}

function brackets(expr: Exclude<PyExpr, { kind: "code" | "method" }>): [string, string, Part[]] {
  switch (expr.kind) {
    case "call":
      return [`${expr.callee}(`, ")", expr.args.map((arg) => ({ label: arg.name ? `${arg.name}=` : "", value: arg.value }))];
    case "list":
      return ["[", "]", expr.items.map((value) => ({ label: "", value }))];
    case "dict":
      return ["{", "}", expr.entries.map(([key, value]) => ({ label: `${flat(key)}: `, value }))];
  }
}
