/**
 * The type-check's persistent cache (node_modules/.cache/dagwright/): a clean check is skipped
 * while every file it read is unchanged, redone after any change, and an entry that does not
 * match the disk (tampered, corrupt) is ignored.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileProject } from "../src/compiler.js";
import { makeProject, runCli, source } from "./helpers/project.js";

const HELPER = source`
  export const tables = ["orders", "customers"];
`;

const dagUsing = (id: string) => source`
  import { dag } from "dagwright";
  import { tables } from "./helpers/tables.js";
  export default dag("${id}", { schedule: null }, (d) => {
    for (const table of tables) d.empty(\`load_\${table}\`);
  });
`;

function project(): string {
  return makeProject({ "dags-src/helpers/tables.ts": HELPER, "dags-src/a.ts": dagUsing("a"), "dags-src/b.ts": dagUsing("b") });
}

async function checked(root: string, options: { cache?: boolean } = {}) {
  const result = await compileProject(root, { evaluation: "in-process", emit: false, ...options });
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return result.checker;
}

const ENTRY = (root: string) => path.join(root, "node_modules", ".cache", "dagwright", "typecheck-result.json");

describe("the type-check cache", () => {
  it("answers for a project whose files did not change, and names the TypeScript either way", async () => {
    const root = project();
    expect(await checked(root)).toEqual({ version: expect.stringMatching(/^7\./), source: "bundled", cached: false });
    expect(await checked(root)).toEqual({ version: expect.stringMatching(/^7\./), source: "bundled", cached: true });
  });

  it("checks again after a helper that two DAGs import changes, and then reports its type error", async () => {
    const root = project();
    await checked(root);
    fs.writeFileSync(path.join(root, "dags-src/helpers/tables.ts"), HELPER.replace('"customers"', '"customers", "refunds"'));
    expect((await checked(root))?.cached).toBe(false);
    fs.writeFileSync(path.join(root, "dags-src/helpers/tables.ts"), "export const tables = 42;\n");
    const broken = await compileProject(root, { evaluation: "in-process", emit: false });
    expect(broken.checker?.cached).toBe(false);
    expect(broken.diagnostics.map((d) => `${d.code} ${d.location?.file}:${d.location?.line}`)).toEqual(["DW001 dags-src/a.ts:4", "DW001 dags-src/b.ts:4"]);
    // Errors are never remembered: the next compile checks again.
    expect((await compileProject(root, { evaluation: "in-process", emit: false })).checker?.cached).toBe(false);
  });

  it("checks again when a file appears beside one the program read", async () => {
    const root = project();
    await checked(root);
    fs.writeFileSync(path.join(root, "dags-src/helpers/tables.js"), "export const tables = [];\n");
    expect((await checked(root))?.cached).toBe(false);
  });

  it("ignores an entry that does not match the disk: tampered hashes, corrupt JSON, another format", async () => {
    const root = project();
    await checked(root);
    const entry = JSON.parse(fs.readFileSync(ENTRY(root), "utf8")) as { files: Record<string, string>; format: number };
    const [first] = Object.keys(entry.files);
    fs.writeFileSync(ENTRY(root), JSON.stringify({ ...entry, files: { ...entry.files, [first!]: "0".repeat(64) } }));
    expect((await checked(root))?.cached).toBe(false);
    fs.writeFileSync(ENTRY(root), "{ not json");
    expect((await checked(root))?.cached).toBe(false);
    fs.writeFileSync(ENTRY(root), JSON.stringify({ ...entry, format: 99 }));
    expect((await checked(root))?.cached).toBe(false);
    expect((await checked(root))?.cached).toBe(true);
  });

  it("is neither read nor written with cache: false (--no-cache)", async () => {
    const root = project();
    expect((await checked(root, { cache: false }))?.cached).toBe(false);
    expect(fs.existsSync(ENTRY(root))).toBe(false);
    await checked(root);
    expect((await checked(root, { cache: false }))?.cached).toBe(false);
  });

  it("shows in --verbose, with each stage's time", () => {
    const root = project();
    const first = runCli(["compile", "--verbose", "-C", root]);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/^type-check +\d+\.\d\ds \(TypeScript 7\.\d+\.\d+, bundled\)\nevaluate +\d+\.\d\ds \(4 modules run, 0 unchanged, answered by the cache\)\nresolve +\d+\.\d\ds\nvalidate +\d+\.\d\ds\nemit +\d+\.\d\ds\n$/);
    // With its output gone, the compile has work to do, but not the type-check's.
    fs.rmSync(path.join(root, "generated"), { recursive: true });
    const second = runCli(["compile", "--verbose", "-C", root]);
    expect(second.stderr).toMatch(/^type-check +\d+\.\d\ds \(TypeScript 7\.\d+\.\d+, bundled; unchanged, answered by the cache\)\n/);
    const bypassed = runCli(["compile", "--verbose", "--no-cache", "-C", root]);
    expect(bypassed.stderr).toMatch(/^type-check +\d+\.\d\ds \(TypeScript 7\.\d+\.\d+, bundled\)\n/);
  });
});
