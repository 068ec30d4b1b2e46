/**
 * The up-to-date check: a compile whose every input is as the last compile read it, and whose
 * output folder is as that compile left it, does nothing and says so; any difference in what
 * could change the output (a module, a file a module reads, a new module, the templates, the
 * options, the environment, the output itself, the record) means a real compile.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeProject, runCli, source, snapshotDir } from "./helpers/project.js";

const UP_TO_DATE = /^up to date: nothing the last compile read has changed/m;

function project(): string {
  return makeProject({
    "dagwright.config.ts": `import { defineConfig } from "dagwright";\nexport default defineConfig({ airflow: "3.3", templates: "my-templates" });\n`,
    "my-templates/airflow/python_callable.py.hbs": "def _Callable(target):\n    raise RuntimeError(target)\n",
    "dags-src/tables.json": `["orders", "customers"]\n`,
    "dags-src/etl.ts": source`
      import fs from "node:fs";
      import { dag } from "dagwright";
      const tables: string[] = JSON.parse(fs.readFileSync(new URL("./tables.json", "file://" + __filename), "utf8"));
      export default dag("etl", { schedule: null }, (d) => {
        for (const table of tables) d.empty(\`load_\${table}\`);
      });
      export const idle = dag("idle", { schedule: null }, () => {});
    `,
  });
}

const compile = (root: string, ...args: string[]) => runCli(["compile", "--no-typecheck", "--verbose", ...args, "-C", root]);
const write = (root: string, file: string, text: string) => fs.writeFileSync(path.join(root, file), text);

describe("the up-to-date check", () => {
  it("does nothing when nothing changed, and reports what the last compile reported, warnings and all", () => {
    const root = project();
    const first = compile(root);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).not.toMatch(UP_TO_DATE);
    const before = snapshotDir(path.join(root, "generated"));
    const second = compile(root);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stderr).toMatch(UP_TO_DATE);
    expect(second.stderr).toContain('warning DW107: DAG "idle" has no tasks');
    expect(second.stdout).toMatch(/^compiled 2 DAGs, 2 tasks for Airflow 3\.3 in \d+\.\d\ds \(generated\/: no changes\)\n$/);
    expect(snapshotDir(path.join(root, "generated"))).toEqual(before);
    // --strict fails on the remembered warning as it would on a fresh one.
    expect(compile(root, "--strict").status).toBe(1);
    // Type-checked, the record also holds which TypeScript checked it, asked of the type-check's cache.
    expect(runCli(["compile", "--verbose", "-C", root]).stderr).not.toMatch(UP_TO_DATE);
    expect(runCli(["compile", "--verbose", "-C", root]).stderr).toMatch(/^up to date: .*, type-checked by TypeScript 7\.\d+\.\d+ \(bundled\);/m);
    const checked = runCli(["compile", "--check", "--format", "json", "-C", root]);
    expect(checked.status).toBe(0);
    expect(JSON.parse(checked.stdout)).toMatchObject({ ok: true, summary: { dags: 2, tasks: 2, errors: 0, warnings: 1 } });
  });

  it("compiles again after a change to a module, a file it reads, the module list, the templates or the options", () => {
    const root = project();
    expect(compile(root).status).toBe(0);
    const changes: Array<[string, () => void, string[]?]> = [
      ["a module", () => write(root, "dags-src/etl.ts", fs.readFileSync(path.join(root, "dags-src/etl.ts"), "utf8").replace('"idle"', '"idle2"'))],
      ["a file a module reads", () => write(root, "dags-src/tables.json", `["orders"]\n`)],
      ["a new module", () => write(root, "dags-src/more.ts", `import { dag } from "dagwright";\nexport default dag("more", { schedule: null }, (d) => { d.empty("a"); });\n`)],
      ["a template", () => write(root, "my-templates/airflow/python_callable.py.hbs", "def _Callable(target):\n    raise ValueError(target)\n")],
      ["the target", () => undefined, ["--airflow", "2.10"]],
    ];
    for (const [what, change, args = []] of changes) {
      change();
      const run = compile(root, ...args);
      expect(run.status, `${what}: ${run.stderr}`).toBe(0);
      expect(run.stderr, what).not.toMatch(UP_TO_DATE);
      expect(compile(root, ...args).stderr, `${what}, then nothing`).toMatch(UP_TO_DATE);
    }
    const epoch = runCli(["compile", "--no-typecheck", "--verbose", "-C", root], { env: { SOURCE_DATE_EPOCH: "86400" } });
    expect(epoch.stderr, "another SOURCE_DATE_EPOCH").not.toMatch(UP_TO_DATE);
  });

  it("compiles again when the output is not as it was left: a file edited or removed, a file added", () => {
    const root = project();
    expect(compile(root).status).toBe(0);
    const original = fs.readFileSync(path.join(root, "generated/airflow/etl.py"), "utf8");
    write(root, "generated/airflow/etl.py", original.replace("load_orders", "load_0rders"));
    const edited = compile(root);
    expect(edited.stderr).not.toMatch(UP_TO_DATE);
    expect(edited.stdout).toContain("(generated/: 1 written, 0 removed)");
    expect(fs.readFileSync(path.join(root, "generated/airflow/etl.py"), "utf8")).toBe(original);
    fs.rmSync(path.join(root, "generated/airflow/idle.py"));
    expect(compile(root).stdout).toContain("(generated/: 1 written, 0 removed)");
    write(root, "generated/notes.txt", "mine\n");
    const foreign = compile(root);
    expect(foreign.stderr).not.toMatch(UP_TO_DATE);
    expect(foreign.stderr).toContain("warning: generated/notes.txt was not written by dagwright; left as it is");
  });

  it("ignores a record that was tampered with, --no-cache, and runs whose reads cannot be trusted", () => {
    const root = project();
    expect(compile(root).status).toBe(0);
    const record = path.join(root, "node_modules/.cache/dagwright/last-compile.json");
    const entry = JSON.parse(fs.readFileSync(record, "utf8")) as { dags: number };
    fs.writeFileSync(record, JSON.stringify({ ...entry, dags: 7 }));
    const tampered = compile(root);
    expect(tampered.stderr).not.toMatch(UP_TO_DATE);
    expect(tampered.stdout).toMatch(/^compiled 2 DAGs/);
    expect(compile(root).stderr).toMatch(UP_TO_DATE);
    expect(compile(root, "--no-cache").stderr).not.toMatch(UP_TO_DATE);

    // A module that reads the clock gives what it gives now: never taken from a record.
    write(root, "dags-src/clock.ts", `import { dag } from "dagwright";\nexport default dag(\`at_\${Date.now() % 2}\`, { schedule: null }, (d) => { d.empty("a"); });\n`);
    expect(compile(root).status).toBe(0);
    expect(compile(root).stderr).not.toMatch(UP_TO_DATE);
  });
});
