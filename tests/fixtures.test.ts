/**
 * The corpus of bad inputs in tests/fixtures/ (see helpers/fixture-corpus.ts for what each
 * fixture asserts): its shape, and part 0 of the fixtures; fixtures-1.test.ts to fixtures-3.test.ts
 * run the other parts.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DIAGNOSTIC_KEYS, OPTIONAL_DIAGNOSTIC_KEYS, FIXTURES, fixtureNames, fixtureTests, readExpected } from "./helpers/fixture-corpus.js";

describe("the fixture corpus", () => {
  it("has at least 32 fixtures, each a project with a well-formed expected.json", () => {
    expect(fixtureNames.length).toBeGreaterThanOrEqual(32);
    for (const name of fixtureNames) {
      const dir = path.join(FIXTURES, name);
      expect(fs.existsSync(path.join(dir, "dagwright.config.ts")), `${name}: dagwright.config.ts`).toBe(true);
      expect(fs.existsSync(path.join(dir, "dags-src")), `${name}: dags-src/`).toBe(true);
      expect(fs.existsSync(path.join(dir, "generated")), `${name}: generated/ must not be committed`).toBe(false);
      const expected = readExpected(name);
      expect(Object.keys(expected).filter((key) => !["description", "diagnostics", "options", "knownBug"].includes(key)), name).toEqual([]);
      expect(expected.description, name).toMatch(/^\S.*\S$/);
      expect(expected.diagnostics.length, `${name}: a bad input has diagnostics`).toBeGreaterThan(0);
      for (const d of expected.diagnostics) {
        expect(Object.keys(d), name).toEqual(DIAGNOSTIC_KEYS.filter((key) => key in d || !OPTIONAL_DIAGNOSTIC_KEYS.includes(key)));
        if (d.toolCode !== undefined) expect(d.toolCode, name).toMatch(/^TS\d+$/);
        expect(d.code, name).toMatch(/^DW\d{3}$/);
        expect(["error", "warning"], name).toContain(d.severity);
        if (d.file === null) continue;
        // The location must exist in the fixture, so a typo in expected.json fails here too.
        const lines = fs.readFileSync(path.join(dir, d.file), "utf8").split("\n");
        expect(d.line! >= 1 && d.line! <= lines.length, `${name}: ${d.file}:${d.line} is a line of the file`).toBe(true);
        expect(d.column! >= 1 && d.column! <= lines[d.line! - 1]!.length + 1, `${name}: ${d.file}:${d.line}:${d.column} is on the line`).toBe(true);
      }
    }
  });
});


fixtureTests(0);
