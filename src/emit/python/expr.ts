/**
 * Python expressions as data, and the one helper through which every user value enters
 * generated Python: {@link literal}. Strings come back exactly in Python: quotes,
 * backslashes, newlines, NUL, lone surrogates and Jinja braces included.
 */

export type PyExpr =
  | { kind: "code"; text: string }
  | { kind: "call"; callee: string; args: PyArg[] }
  | { kind: "list"; items: PyExpr[] }
  | { kind: "dict"; entries: Array<[PyExpr, PyExpr]> }
  /** A method called on the result of a call, such as `Op.partial(...).expand(...)`. */
  | { kind: "method"; target: Extract<PyExpr, { kind: "call" }>; name: string; args: PyArg[] };

export interface PyArg {
  name?: string;
  value: PyExpr;
}

/** Trusted Python source: names and expressions dagwright itself writes, never user text. */
export function code(text: string): PyExpr {
  return { kind: "code", text };
}

export function call(callee: string, args: Array<PyArg | PyExpr>): PyExpr {
  return { kind: "call", callee, args: args.map((arg) => ("kind" in arg ? { value: arg } : arg)) };
}

export function method(target: PyExpr, name: string, args: PyArg[]): PyExpr {
  if (target.kind !== "call") throw new Error("a method is called on a call's result");
  return { kind: "method", target, name, args };
}

/** Keyword arguments in the given order, leaving out those whose value is undefined. */
export function keywords(entries: Array<[string, PyExpr | undefined]>): PyArg[] {
  return entries.flatMap(([name, value]) => (value === undefined ? [] : [{ name, value }]));
}

export type JsonLike = string | number | boolean | null | readonly JsonLike[] | { readonly [key: string]: JsonLike };

/** The Python literal of a JSON-like value: str, int, float, bool, None, list, dict. */
export function literal(value: JsonLike): PyExpr {
  if (value === null) return code("None");
  if (typeof value === "boolean") return code(value ? "True" : "False");
  if (typeof value === "number") return code(numberLiteral(value));
  if (typeof value === "string") return code(stringLiteral(value));
  if (Array.isArray(value)) return { kind: "list", items: value.map(literal) };
  const entries = Object.entries(value as Record<string, JsonLike>);
  return { kind: "dict", entries: entries.map(([key, item]) => [code(stringLiteral(key)), literal(item)]) };
}

function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`${value} has no Python literal`);
  if (Object.is(value, -0)) return "0";
  // JavaScript writes 1e+21 and 1.5e-7, which Python reads as the same floats; ruff drops the "+".
  return String(value).replace("e+", "e");
}

/**
 * A Python string literal, quoted as `ruff format` would: double quotes unless the text holds
 * more double quotes than single ones. Printable characters stay as they are; control,
 * format and unassigned characters, and lone surrogates, become escapes.
 */
export function stringLiteral(text: string): string {
  let doubles = 0;
  let singles = 0;
  for (const char of text) {
    if (char === '"') doubles++;
    else if (char === "'") singles++;
  }
  const quote = doubles > singles ? "'" : '"';
  let body = "";
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    // A surrogate pair is one character; a lone surrogate must be escaped, since UTF-8 cannot hold it.
    if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
      const low = text.charCodeAt(index + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        const char = text.slice(index, index + 2);
        body += PRINTABLE.test(char) ? char : `\\U${(((unit - 0xd800) << 10) + (low - 0xdc00) + 0x10000).toString(16).padStart(8, "0")}`;
        index++;
        continue;
      }
    }
    body += escapeChar(text[index]!, unit, quote);
  }
  return quote + body + quote;
}

const NAMED_ESCAPES: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };
/** Letters, marks, numbers, punctuation, symbols and the plain space: safe to write as themselves. */
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

function escapeChar(char: string, unit: number, quote: string): string {
  if (char === quote) return "\\" + quote;
  const named = NAMED_ESCAPES[char];
  if (named) return named;
  if (unit < 0x80) return unit >= 0x20 && unit < 0x7f ? char : `\\x${unit.toString(16).padStart(2, "0")}`;
  if (unit >= 0xd800 && unit <= 0xdfff) return `\\u${unit.toString(16)}`;
  if (PRINTABLE.test(char)) return char;
  return unit <= 0xff ? `\\x${unit.toString(16).padStart(2, "0")}` : `\\u${unit.toString(16).padStart(4, "0")}`;
}
