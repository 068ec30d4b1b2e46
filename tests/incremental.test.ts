/**
 * Incremental builds give what a cold compile gives: after each edit of a sequence (a task's
 * option, a DAG renamed, the config's defaults, a helper two DAGs import, an asset another DAG
 * is scheduled on, a template override), every file a watch rebuild or a fresh compile with the
 * cache writes is byte for byte what `compile --no-cache` of the same sources writes. And an
 * entry of the remembered output that does not check out is ignored, never used.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BIN, makeProject, runCli, source } from "./helpers/project.js";

const CONFIG = (retries: number) => source`
  import { defineConfig } from "dagwright";
  export default defineConfig({ airflow: "3.3", templates: "templates", defaults: { retries: ${retries} } });
`;
const HELPER = (tables: string) => source`
  export const tables = [${tables}];
`;
const PRODUCER = (id: string, uri: string, pool = "default_pool") => source`
  import { asset, dag } from "dagwright";
  import { tables } from "./helpers/tables.js";
  export const events = asset("${uri}");
  export default dag("${id}", { schedule: "@daily", startDate: "2026-01-01" }, (d) => {
    for (const table of tables) d.bash(\`load_\${table}\`, { command: "echo load", pool: "${pool}", outputs: [events] });
  });
`;
const CONSUMER = (uri: string) => source`
  import { asset, dag } from "dagwright";
  import { tables } from "./helpers/tables.js";
  export default dag("consumer", { schedule: [asset("${uri}")], startDate: "2026-01-01" }, (d) => {
    for (const table of tables) d.bash(\`read_\${table}\`, { command: "echo read", inputs: [asset("${uri}")] });
  });
`;
const ALONE = source`
  import { dag } from "dagwright";
  export default dag("alone", { schedule: null }, (d) => { d.empty("only"); });
`;

const BUILT_IN_TEMPLATE = fs.readFileSync(path.join(import.meta.dirname, "..", "templates", "airflow", "dag.py.hbs"), "utf8");

type Files = Record<string, string>;

const START: Files = {
  "dagwright.config.ts": CONFIG(1),
  "dags-src/helpers/tables.ts": HELPER(`"orders", "customers"`),
  "dags-src/producer.ts": PRODUCER("producer", "s3://lake/events"),
  "dags-src/consumer.ts": CONSUMER("s3://lake/events"),
  "dags-src/alone.ts": ALONE,
};

/** Each edit: the files it writes (null removes one). */
const EDITS: Array<{ what: string; files: Record<string, string | null> }> = [
  { what: "a task's option", files: { "dags-src/producer.ts": PRODUCER("producer", "s3://lake/events", "etl") } },
  { what: "a DAG renamed", files: { "dags-src/producer.ts": PRODUCER("producer_v2", "s3://lake/events", "etl") } },
  { what: "the config's defaults", files: { "dagwright.config.ts": CONFIG(3) } },
  { what: "a helper two DAGs import", files: { "dags-src/helpers/tables.ts": HELPER(`"orders", "customers", "payments"`) } },
  {
    what: "an asset another DAG is scheduled on",
    files: { "dags-src/producer.ts": PRODUCER("producer_v2", "s3://lake/events_v2", "etl"), "dags-src/consumer.ts": CONSUMER("s3://lake/events_v2") },
  },
  { what: "a template override added", files: { "templates/airflow/dag.py.hbs": `# house header\n${BUILT_IN_TEMPLATE}` } },
  { what: "a template override changed", files: { "templates/airflow/dag.py.hbs": `# house header, second edition\n${BUILT_IN_TEMPLATE}` } },
  { what: "a template override removed", files: { "templates/airflow/dag.py.hbs": null } },
];

const made: string[] = [];
const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) child.kill("SIGINT");
  for (const root of made.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

function project(files: Files): string {
  const root = makeProject(files);
  made.push(root);
  return root;
}

function apply(root: string, files: Record<string, string | null>): void {
  for (const [file, text] of Object.entries(files)) {
    const full = path.join(root, file);
    if (text === null) fs.rmSync(full, { force: true });
    else {
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, text);
    }
  }
}

/** Every file under `dir`, relative, with its text. */
function tree(dir: string): Files {
  const found: Files = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) found[path.relative(dir, path.join(entry.parentPath, entry.name))] = fs.readFileSync(path.join(entry.parentPath, entry.name), "utf8");
  }
  return found;
}

/** What a cold `compile --no-cache` of these sources writes. */
function coldOutput(files: Files): Files {
  const root = project(files);
  const run = runCli(["compile", "--no-cache", "-C", root]);
  expect(run.status, run.stderr + run.stdout).toBe(0);
  return tree(path.join(root, "generated"));
}

/** The sources after `count` edits. */
function sourcesAfter(count: number): Files {
  const files: Files = { ...START };
  for (const edit of EDITS.slice(0, count)) {
    for (const [file, text] of Object.entries(edit.files)) {
      if (text === null) delete files[file];
      else files[file] = text;
    }
  }
  return files;
}

describe("incremental builds", () => {
  it("write what a cold compile writes after every edit, as fresh processes with the cache", () => {
    const root = project(START);
    expect(runCli(["compile", "-C", root]).status).toBe(0);
    for (const [index, edit] of EDITS.entries()) {
      apply(root, edit.files);
      const run = runCli(["compile", "-C", root]);
      expect(run.status, `${edit.what}: ${run.stderr}${run.stdout}`).toBe(0);
      expect(tree(path.join(root, "generated")), edit.what).toEqual(coldOutput(sourcesAfter(index + 1)));
    }
    // The remembered output was used: a DAG entry per DAG compiled, under the cache folder.
    expect(fs.readdirSync(path.join(root, "node_modules/.cache/dagwright/output")).length).toBeGreaterThanOrEqual(3);
  }, 120_000);

  it("write what a cold compile writes after every edit, in watch mode", async () => {
    const root = project(START);
    const child = spawn(process.execPath, [BIN, "compile", "--watch", "-C", root], { env: { ...process.env, NO_COLOR: "1" } });
    running.push(child);
    let stdout = "";
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr!.resume();
    const builds = () => (stdout.match(/Found \d+ errors?\. Watching for file changes\./g) ?? []).length;
    const idleAfter = (count: number) =>
      new Promise<void>((resolve, reject) => {
        const deadline = setTimeout(() => reject(new Error(`build ${count} not seen:\n${stdout}`)), 30_000);
        const check = () => (builds() >= count && stdout.endsWith("Watching for file changes.\n") ? (clearTimeout(deadline), resolve()) : setTimeout(check, 25));
        check();
      });
    await idleAfter(1);
    for (const [index, edit] of EDITS.entries()) {
      const before = builds();
      apply(root, edit.files);
      await idleAfter(before + 1);
      // An edit of several files may come as more than one rebuild: wait until the last is done.
      await new Promise((resolve) => setTimeout(resolve, 400));
      await idleAfter(builds());
      expect(stdout, edit.what).not.toMatch(/Found [1-9]\d* errors?/);
      expect(tree(path.join(root, "generated")), edit.what).toEqual(coldOutput(sourcesAfter(index + 1)));
    }
  }, 180_000);

  it("ignores remembered output that does not check out: tampered, cut short, or another DAG's", () => {
    const root = project(START);
    expect(runCli(["compile", "-C", root]).status).toBe(0);
    const dir = path.join(root, "node_modules/.cache/dagwright/output");
    const entries = fs.readdirSync(dir).map((name) => path.join(dir, name));
    const texts = entries.map((file) => fs.readFileSync(file, "utf8"));
    // One entry's text changed (the digest no longer matches), one cut short, one replaced by another DAG's.
    fs.writeFileSync(entries[0]!, texts[0]!.replace(/with DAG\(/g, "with TAMPERED(").replace(/"effective"/g, '"tampered"'));
    fs.writeFileSync(entries[1]!, texts[1]!.slice(0, texts[1]!.length / 2));
    fs.writeFileSync(entries[2]!, texts[0]!);
    // Forget the last compile, so the next one emits rather than finding the output up to date.
    fs.rmSync(path.join(root, "node_modules/.cache/dagwright/last-compile.json"));
    const run = runCli(["compile", "-C", root]);
    expect(run.status, run.stderr).toBe(0);
    expect(tree(path.join(root, "generated"))).toEqual(coldOutput(START));
    // And an entry whose digest was recomputed but whose key is stale is not reused either: covered
    // by the edits above, whose keys change with what each back end reads.
  }, 60_000);
});
