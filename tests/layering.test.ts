/**
 * Who may import whom, as the README's Contributing section says: each stage imports only the
 * stages below it, `ir` and `values` import nothing of dagwright's, and nothing imports `cli`.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./helpers/project.js";

const SRC = path.join(REPO_ROOT, "src");

/** The top-level folders under src/ each folder may import from (besides itself). */
const ALLOWED: Record<string, readonly string[]> = {
  values: [],
  version: [],
  ir: [],
  diagnostics: ["ir", "values"],
  capabilities: ["ir"],
  dsl: ["ir", "diagnostics"],
  python: ["ir", "diagnostics", "values"],
  load: ["dsl", "ir", "diagnostics", "values", "version", "python"],
  resolve: ["ir", "values"],
  validate: ["ir", "diagnostics", "capabilities", "values"],
  emit: ["ir", "capabilities", "diagnostics", "values"],
  graph: ["ir", "values"],
  diff: ["ir", "values"],
  run: ["ir", "graph"],
  api: ["compiler", "diagnostics", "ir"],
  policy: ["dsl", "ir", "diagnostics"],
  testing: ["compiler", "diagnostics", "dsl", "emit", "ir", "load", "policy", "resolve", "validate", "values", "version"],
  site: ["graph", "ir", "diagnostics", "values", "version"],
  cli: ["compiler", "version", "dsl", "ir", "diagnostics", "capabilities", "values", "load", "resolve", "validate", "emit", "graph", "site", "diff", "run", "python"],
  compiler: ["version", "dsl", "ir", "diagnostics", "capabilities", "values", "load", "resolve", "validate", "emit", "policy"],
};

function stageOf(file: string): string {
  const relative = path.relative(SRC, file).split(path.sep);
  return relative.length === 1 ? relative[0]!.replace(/\.[jt]s$/, "") : relative[0]!;
}

describe("layering", () => {
  it("keeps every import within what its stage may use", () => {
    const violations: string[] = [];
    for (const entry of fs.readdirSync(SRC, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith(".ts")) continue;
      const file = path.join(entry.parentPath, entry.name);
      const from = stageOf(file);
      const text = fs.readFileSync(file, "utf8");
      for (const match of text.matchAll(/(?:from|import)\s*\(?\s*"(\.[^"]+)"/g)) {
        const target = stageOf(path.resolve(path.dirname(file), match[1]!));
        if (target !== from && !(ALLOWED[from] ?? []).includes(target)) violations.push(`${path.relative(REPO_ROOT, file)} imports ${match[1]} (${from} -> ${target})`);
      }
    }
    expect(violations).toEqual([]);
  });
});
