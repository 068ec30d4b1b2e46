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
  return render(expr, indent, indent.length + prefix.length, suffix.length);
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
  }
}

interface Part {
  /** Written before the part's value, such as `name=` or `"key": `. */
  label: string;
  value: PyExpr;
}

function render(expr: PyExpr, indent: string, start: number, after: number): string {
  const text = flat(expr);
  if (expr.kind === "code" || start + text.length + after <= LINE_LENGTH) return text;
  const [open, close, parts] = brackets(expr);
  if (parts.length === 0) return text;
  const inner = indent + INDENT;
  const body = parts.map((part) => part.label + flat(part.value)).join(", ");
  // Black and ruff put a call's arguments on one indented line when they fit there; a list or
  // dict literal of several items is always exploded one item per line.
  const mayHug = expr.kind === "call" || parts.length === 1;
  if (mayHug && inner.length + body.length <= LINE_LENGTH) return `${open}\n${inner}${body}\n${indent}${close}`;
  if (parts.length === 1) {
    const [only] = parts as [Part];
    return `${open}\n${inner}${only.label}${render(only.value, inner, inner.length + only.label.length, 0)}\n${indent}${close}`;
  }
  const lines = parts.map((part) => `${inner}${part.label}${render(part.value, inner, inner.length + part.label.length, 1)},`);
  return `${open}\n${lines.join("\n")}\n${indent}${close}`;
}

function brackets(expr: Exclude<PyExpr, { kind: "code" }>): [string, string, Part[]] {
  switch (expr.kind) {
    case "call":
      return [`${expr.callee}(`, ")", expr.args.map((arg) => ({ label: arg.name ? `${arg.name}=` : "", value: arg.value }))];
    case "list":
      return ["[", "]", expr.items.map((value) => ({ label: "", value }))];
    case "dict":
      return ["{", "}", expr.entries.map(([key, value]) => ({ label: `${flat(key)}: `, value }))];
  }
}
