/**
 * Lays out Python expressions the way `ruff format` (and black) would, so generated files are
 * left unchanged by the formatter teams already run: a line of at most 88 columns when it
 * fits; else a call's arguments on one indented line; else one item per line with a
 * trailing comma.
 */
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
 * Columns a text takes, as ruff counts them (Unicode's East Asian width): wide and full-width
 * characters take two, combining marks none.
 */
export function width(text: string): number {
  // Nearly every line of a DAG file is plain ASCII, one column a character: no per-character look.
  if (ASCII.test(text)) return text.length;
  let columns = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (/\p{Mn}|\p{Me}|\u200B/u.test(char)) continue;
    columns += isWide(code) ? 2 : 1;
  }
  return columns;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xa960 && code <= 0xa97f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe10 && code <= 0xfe19) ||
    (code >= 0xfe30 && code <= 0xfe6f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x16fe0 && code <= 0x18aff) ||
    (code >= 0x1b000 && code <= 0x1b2ff) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x1f900 && code <= 0x1f9ff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
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
  const target = render(expr.target, indent, start, 0);
  const lastBreak = target.lastIndexOf("\n");
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
