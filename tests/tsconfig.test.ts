/**
 * The project's own tsconfig.json is honoured as tsc honours it: `paths` aliases (in the
 * type-check and in evaluation), `strict: false`, `lib`, and `extends` chains written
 * as JSONC; and a type error reads in dagwright as it reads in tsc.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { mappedCandidates, pathMapping } from "../src/load/tsconfig.js";
import { makeProject, REPO_ROOT, runCli, source } from "./helpers/project.js";

/** A project with dagwright installed (a link to this repository, as `npm install` would make) and the given tsconfig. */
function projectWith(tsconfig: object | string, files: Record<string, string>): string {
  const root = makeProject({ "tsconfig.json": typeof tsconfig === "string" ? tsconfig : JSON.stringify(tsconfig, null, 2), ...files });
  fs.mkdirSync(path.join(root, "node_modules", "@types"), { recursive: true });
  fs.symlinkSync(REPO_ROOT, path.join(root, "node_modules", "dagwright"));
  fs.symlinkSync(path.join(REPO_ROOT, "node_modules", "@types", "node"), path.join(root, "node_modules", "@types", "node"));
  return root;
}

const BASE_OPTIONS = { target: "ES2022", module: "ESNext", moduleResolution: "Bundler", lib: ["ES2022"], strict: true, skipLibCheck: true, types: ["node"] };

/** TypeScript 7's own `tsc --noEmit -p`, for comparison. */
function tsc(root: string) {
  const bin = path.join(path.dirname(createRequire(import.meta.url).resolve("typescript7/package.json")), "bin", "tsc");
  return spawnSync(process.execPath, [bin, "--noEmit", "-p", path.join(root, "tsconfig.json"), "--pretty", "false"], { cwd: root, encoding: "utf8" });
}

function expectTscAccepts(root: string): void {
  const run = tsc(root);
  expect(run.status, run.stdout).toBe(0);
}

/** The CLI compiles the project cleanly, type-checked and not: evaluation resolves what tsc resolves. */
function expectCompiles(root: string): void {
  for (const flags of [[], ["--no-typecheck"]]) {
    const run = runCli(["compile", "-C", root, ...flags]);
    expect(run.stderr, flags.join(" ")).toBe("");
    expect(run.stdout).toMatch(/^compiled 1 DAG, 2 tasks /);
  }
}

const TABLES = source`
  export const tables: readonly string[] = ["orders", "customers"];
`;

const USES_ALIAS = source`
  import { dag } from "dagwright";
  import { tables } from "@lib/tables";
  export default dag("etl", { schedule: null }, (d) => {
    for (const table of tables) d.empty(\`load_\${table}\`);
  });
`;

describe("the project's tsconfig.json", () => {
  it("resolves `paths` aliases in the type-check and in evaluation, with --no-typecheck too", () => {
    const root = projectWith({ compilerOptions: { ...BASE_OPTIONS, paths: { "@lib/*": ["./lib/*"] } } }, { "lib/tables.ts": TABLES, "dags-src/etl.ts": USES_ALIAS });
    expectTscAccepts(root);
    expectCompiles(root);
  });

  it("follows `extends` written as JSONC, with `paths` relative to the base that declares them", () => {
    // TypeScript 7 has no baseUrl: each `paths` target is relative to the tsconfig that declares it.
    const base = `{\n  // shared by every package\n  "compilerOptions": {\n    ${Object.entries(BASE_OPTIONS).map(([key, value]) => `"${key}": ${JSON.stringify(value)}`).join(",\n    ")},\n    "paths": { "@lib/*": ["../lib/*"], },\n  },\n}\n`;
    const root = projectWith(`{ "extends": "./config/tsconfig.base.json", /* local */ }\n`, {
      "config/tsconfig.base.json": base,
      "lib/tables.ts": TABLES,
      "dags-src/etl.ts": USES_ALIAS,
    });
    expectTscAccepts(root);
    expectCompiles(root);
  });

  it("checks with `strict: false` as tsc does: an implicit any is no error", () => {
    const root = projectWith({ compilerOptions: { ...BASE_OPTIONS, strict: false } }, {
      "dags-src/etl.ts": source`
        import { dag } from "dagwright";
        function idOf(table) { return "load_" + table; }
        export default dag("etl", { schedule: null }, (d) => { d.empty(idOf("orders")); });
      `,
    });
    expectTscAccepts(root);
    const run = runCli(["compile", "-C", root]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("checks with the project's `lib`: ES2023's Array.prototype.toSorted", () => {
    const code = source`
      import { dag } from "dagwright";
      const tables = ["orders", "customers"].toSorted();
      export default dag("etl", { schedule: null }, (d) => { for (const table of tables) d.empty(\`load_\${table}\`); });
    `;
    const modern = projectWith({ compilerOptions: { ...BASE_OPTIONS, lib: ["ES2023"] } }, { "dags-src/etl.ts": code });
    expectTscAccepts(modern);
    expect(runCli(["compile", "-C", modern]).status).toBe(0);
    // The same code under ES2022's lib is the error tsc reports, word for word.
    const older = projectWith({ compilerOptions: BASE_OPTIONS }, { "dags-src/etl.ts": code });
    const reference = tsc(older);
    expect(reference.stdout).toMatch(/error TS2550: /);
    const run = runCli(["compile", "-C", older]);
    expect(run.status).toBe(1);
    // tsc: "dags-src/etl.ts(2,45): error TS2550: Property ... ". dagwright: "dags-src/etl.ts:2:45 - error TS2550: Property ...", TypeScript's own header.
    const [, file, line, column, message] = /^(.+)\((\d+),(\d+)\): error (TS\d+: .*)$/m.exec(reference.stdout)!;
    expect(run.stderr).toContain(`${file}:${line}:${column} - error ${message}`);
  });
});

describe("path mapping, as tsc resolves it", () => {
  it("prefers an exact pattern, then the longest prefix, then baseUrl (TypeScript 5 and 6 projects)", () => {
    const root = makeProject({
      "tsconfig.json": `{ "compilerOptions": { "baseUrl": "./src", "paths": { "@app/*": ["./app/*"], "@app/models/*": ["./models/*", "./legacy/*"], "config": ["./settings/main.ts"] } } }`,
    });
    const mapping = pathMapping(path.join(root, "tsconfig.json"));
    const relative = (candidates: string[]) => candidates.map((candidate) => path.relative(root, candidate));
    expect(relative(mappedCandidates(mapping, "@app/models/churn"))).toEqual(["src/models/churn", "src/legacy/churn", "src/@app/models/churn"]);
    expect(relative(mappedCandidates(mapping, "@app/jobs"))).toEqual(["src/app/jobs", "src/@app/jobs"]);
    expect(relative(mappedCandidates(mapping, "config"))).toEqual(["src/settings/main.ts", "src/config"]);
    expect(relative(mappedCandidates(mapping, "lodash"))).toEqual(["src/lodash"]);
    expect(mappedCandidates(pathMapping(path.join(root, "missing.json")), "lodash")).toEqual([]);
  });
});
