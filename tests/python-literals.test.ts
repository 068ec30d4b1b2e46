/**
 * The one literal-rendering helper: whatever string goes in, Python reads back exactly the
 * same string, written the way ruff format would write it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { literal, stringLiteral } from "../src/emit/python/expr.js";
import { flat } from "../src/emit/python/layout.js";
import { python } from "./helpers/python.js";

/** Python's view of many literals at once: one interpreter, JSON back (surrogates survive as \\u escapes). */
async function evaluate(sources: string[]): Promise<unknown[]> {
  const program = `import json, sys\nvalues = [\n${sources.map((s) => `    ${s},`).join("\n")}\n]\njson.dump(values, sys.stdout)\n`;
  return JSON.parse(await python(`exec(compile(open(0, encoding="utf-8", errors="surrogatepass").read(), "<literals>", "exec"))`, program)) as unknown[];
}

const HOSTILE = [
  "",
  "plain",
  `it's "quoted"`,
  `'''triple''' and """triple"""`,
  "back\\slash\\",
  "trailing backslash \\",
  "line\nbreak\r\nand\rreturns",
  "tab\there",
  "nul\u0000byte",
  "lone \ud800 high and \udfff low surrogate",
  "emoji 😀 and 中文 and é",
  "{{ ds }} and {% raw %} and {# comment #}",
  "line separator \u2028 paragraph \u2029",
  "bidi \u202e override and zero width \u200b",
  "delete \u007f and c1 \u0085 control",
  "private use \ue000",
  `"`,
  `'`,
  `"'"`,
  "\\N{EM DASH} is not an escape here",
];

describe("Python string literals", () => {
  it("round-trip hostile strings exactly", async () => {
    expect(await evaluate(HOSTILE.map(stringLiteral))).toEqual(HOSTILE);
  });

  it("round-trip arbitrary strings, including lone surrogates and control characters", async () => {
    const samples = fc.sample(fc.oneof(fc.string({ unit: "binary", maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 20 })), {
      numRuns: 2000,
      seed: 20261126,
    });
    expect(await evaluate(samples.map(stringLiteral))).toEqual(samples);
  });

  it("prefer double quotes, as ruff format does, unless that needs more escapes", () => {
    expect(stringLiteral("a")).toBe('"a"');
    expect(stringLiteral(`say "hi"`)).toBe(`'say "hi"'`);
    expect(stringLiteral(`it's "x"`)).toBe(`'it\\'s "x"'`);
    expect(stringLiteral(`it's "x" 'y'`)).toBe(`"it's \\"x\\" 'y'"`);
    expect(stringLiteral("é\u200b\ud800")).toBe('"é\\u200b\\ud800"');
    expect(stringLiteral("\u0000\u007f")).toBe('"\\x00\\x7f"');
  });

  it("render JSON-like values as Python literals", async () => {
    const value = { a: [1, 2.5, -3, true, false, null], "b\"c": { nested: "x" }, big: 1e21, tiny: 1.5e-7 };
    expect(flat(literal(value))).toBe(`{"a": [1, 2.5, -3, True, False, None], 'b"c': {"nested": "x"}, "big": 1e21, "tiny": 1.5e-7}`);
    expect(await evaluate([flat(literal(value))])).toEqual([value]);
  });
});
