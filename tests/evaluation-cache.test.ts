/**
 * The evaluation's persistent cache: a module whose inputs (its source, what it imports, the
 * files it reads, the folders its imports resolve in) are unchanged is not run again; one
 * change reruns exactly the modules that depend on it; an entry that does not check out is ignored.
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

function project(extra: Record<string, string> = {}): string {
  return makeProject({ "dags-src/helpers/tables.ts": HELPER, "dags-src/a.ts": dagUsing("a"), "dags-src/b.ts": dagUsing("b"), ...extra });
}

/** Compile as the CLI does (evaluation in its own process), without the type-check this file is not about. */
async function compiled(root: string, options: { cache?: boolean } = {}) {
  const result = await compileProject(root, { skipTypecheck: true, ...options });
  return {
    errors: result.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.location?.file}:${d.location?.line}`),
    warnings: result.diagnostics.filter((d) => d.severity === "warning").map((d) => d.code),
    evaluation: result.evaluation,
    tasks: Object.fromEntries((result.project?.dags ?? []).map((dag) => [dag.id, dag.tasks.map((task) => task.id)])),
    files: result.files?.map((file) => `${file.path}\n${String(file.contents)}`),
  };
}

const write = (root: string, file: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
};
const entries = (root: string) => fs.readdirSync(path.join(root, "node_modules/.cache/dagwright/evaluation")).map((name) => path.join(root, "node_modules/.cache/dagwright/evaluation", name));

describe("the evaluation cache", () => {
  it("runs nothing for a project that did not change, and gives the same output", async () => {
    const root = project();
    const first = await compiled(root);
    expect(first.errors).toEqual([]);
    expect(first.evaluation).toEqual({ evaluated: 4, cached: 0 });
    const second = await compiled(root);
    expect(second.evaluation).toEqual({ evaluated: 0, cached: 4 });
    expect(second.files).toEqual(first.files);
  });

  it("reruns the helper and both DAGs that import it after the helper changes, and only those", async () => {
    const root = project({ "dags-src/c.ts": source`
      import { dag } from "dagwright";
      export default dag("c", { schedule: null }, (d) => { d.empty("alone"); });
    ` });
    await compiled(root);
    write(root, "dags-src/helpers/tables.ts", HELPER.replace('"customers"', '"customers", "refunds"'));
    const after = await compiled(root);
    expect(after.evaluation).toEqual({ evaluated: 3, cached: 2 });
    expect(after.tasks).toEqual({
      a: ["load_orders", "load_customers", "load_refunds"],
      b: ["load_orders", "load_customers", "load_refunds"],
      c: ["alone"],
    });
  });

  it("reruns a module when a file its code read, or a folder it listed, changes", async () => {
    const root = project({
      "dags-src/tables.json": '["orders"]\n',
      "dags-src/from_json.ts": source`
        import fs from "node:fs";
        import { dag } from "dagwright";
        const tables: string[] = JSON.parse(fs.readFileSync(new URL("./tables.json", "file://" + __filename), "utf8"));
        export default dag("from_json", { schedule: null }, (d) => { for (const t of tables) d.empty(t); });
      `,
      "sql/orders.sql": "select 1\n",
      "dags-src/from_folder.ts": source`
        import fs from "node:fs";
        import path from "node:path";
        import { dag } from "dagwright";
        const scripts = fs.readdirSync(path.join(__dirname, "..", "sql")).sort();
        export default dag("from_folder", { schedule: null }, (d) => { for (const s of scripts) d.empty(s.replace(".sql", "")); });
      `,
    });
    await compiled(root);
    write(root, "dags-src/tables.json", '["orders", "refunds"]\n');
    write(root, "sql/refunds.sql", "select 2\n");
    const after = await compiled(root);
    expect(after.evaluation).toEqual({ evaluated: 2, cached: 4 });
    expect(after.tasks.from_json).toEqual(["orders", "refunds"]);
    expect(after.tasks.from_folder).toEqual(["orders", "refunds"]);
  });

  it("reruns a module when a new file wins its import's resolution", async () => {
    const root = makeProject({
      "dags-src/tables/index.ts": HELPER,
      "dags-src/a.ts": dagUsing("a").replace("./helpers/tables.js", "./tables"),
    });
    await compiled(root);
    write(root, "dags-src/tables.ts", 'export const tables = ["moved"];\n');
    const after = await compiled(root);
    expect(after.tasks.a).toEqual(["load_moved"]);
  });

  it("keeps nothing the modules gave when the type-check fails, though they ran beside it", async () => {
    const root = project({ "dags-src/typo.ts": `import { dag } from "dagwright";\nexport default dag("typo", { schedule: null }, (d) => { d.empty("a", { retries: "2" }); });\n` });
    const result = await compileProject(root, {});
    expect(result.diagnostics.map((d) => `${d.toolCode} ${d.location?.file}:${d.location?.line}`)).toEqual(["TS2322 dags-src/typo.ts:2"]);
    // Only the config, evaluated before the modules, is remembered.
    expect(entries(root).map((file) => path.basename(file).split(".")[0])).toEqual(["config"]);
  });

  it("never keeps a module that read the clock or the environment, nor one that failed", async () => {
    const root = project({
      "dags-src/clock.ts": source`
        import { dag } from "dagwright";
        const stamp = Date.now() > 0 ? "now" : "never";
        export default dag("clock", { schedule: null }, (d) => { d.empty(stamp); });
      `,
      "dags-src/broken.ts": 'throw new Error("not yet");\n',
    });
    const first = await compiled(root);
    expect(first.errors).toEqual(["DW002 dags-src/broken.ts:1"]);
    write(root, "dags-src/broken.ts", "export {};\n");
    const second = await compiled(root);
    expect(second.errors).toEqual([]);
    expect(second.warnings).toEqual(["DW013"]);
    // The clock's module and the fixed one ran; the others were answered.
    expect(second.evaluation).toEqual({ evaluated: 2, cached: 4 });
    expect((await compiled(root)).evaluation).toEqual({ evaluated: 1, cached: 5 });
  });

  it("counts a DAG re-exported by a second module once, and a factory's two DAGs of one id twice, cached or not", async () => {
    const root = project({
      "dags-src/again.ts": 'export { default } from "./a.js";\n',
      "dags-src/lib/factory.ts": source`
        import { dag } from "dagwright";
        export const standard = (id: string) => dag(id, { schedule: null }, (d) => { d.empty("only"); });
      `,
      "dags-src/x.ts": 'import { standard } from "./lib/factory.js";\nexport default standard("same");\n',
      "dags-src/y.ts": 'import { standard } from "./lib/factory.js";\nexport default standard("same");\n',
    });
    const first = await compileProject(root, { skipTypecheck: true });
    const second = await compileProject(root, { skipTypecheck: true });
    expect(second.evaluation?.evaluated).toBe(0);
    for (const result of [first, second]) {
      expect(result.project?.dags.map((dag) => dag.id)).toEqual(["a", "b", "same", "same"]);
      expect(result.diagnostics.filter((d) => d.severity === "error").map((d) => d.code)).toContain("DW103");
    }
  });

  it("names a DAG created but never exported on a cached compile too", async () => {
    const root = project({ "dags-src/forgot.ts": 'import { dag } from "dagwright";\ndag("forgot", { schedule: null }, (d) => { d.empty("t"); });\nexport {};\n' });
    const first = await compiled(root);
    const second = await compiled(root);
    expect(second.evaluation?.evaluated).toBe(0);
    for (const result of [first, second]) expect(result.warnings).toEqual(["DW012"]);
  });

  it("ignores an entry that does not check out: edited, cut short, or for another key", async () => {
    const root = project();
    await compiled(root);
    const [entry] = entries(root).filter((file) => fs.readFileSync(file, "utf8").includes('"dags-src/a.ts#0"'));
    const text = fs.readFileSync(entry!, "utf8");
    fs.writeFileSync(entry!, text.replace('"load_orders"', '"load_tampered"'));
    const edited = await compiled(root);
    expect(edited.evaluation).toEqual({ evaluated: 1, cached: 3 });
    expect(edited.tasks.a).toEqual(["load_orders", "load_customers"]);
    fs.writeFileSync(entry!, text.slice(0, text.length / 2));
    expect((await compiled(root)).evaluation).toEqual({ evaluated: 1, cached: 3 });
    // Another key: the project's package.json is part of it (installed packages change with it).
    write(root, "package.json", '{ "name": "changed" }\n');
    expect((await compiled(root)).evaluation).toEqual({ evaluated: 4, cached: 0 });
  });

  it("is neither read nor written with cache: false, and lives in DAGWRIGHT_CACHE_DIR when set", async () => {
    const root = project();
    expect((await compiled(root, { cache: false })).evaluation).toEqual({ evaluated: 4, cached: 0 });
    expect(fs.existsSync(path.join(root, "node_modules/.cache/dagwright/evaluation"))).toBe(false);
    const elsewhere = runCli(["compile", "--no-typecheck", "--verbose", "-C", root], { env: { DAGWRIGHT_CACHE_DIR: ".dagwright-cache" } });
    expect(elsewhere.status, elsewhere.stderr).toBe(0);
    expect(fs.readdirSync(path.join(root, ".dagwright-cache/evaluation")).length).toBe(4);
    fs.rmSync(path.join(root, "generated"), { recursive: true });
    const again = runCli(["compile", "--no-typecheck", "--verbose", "-C", root], { env: { DAGWRIGHT_CACHE_DIR: ".dagwright-cache" } });
    expect(again.stderr).toMatch(/^evaluate +\d+\.\d\ds \(0 modules run, 4 unchanged, answered by the cache\)$/m);
  });
});
