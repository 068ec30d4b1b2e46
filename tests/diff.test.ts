/**
 * `dagwright diff`: pairs of compiled states, each showing one change Airflow users get burned
 * by, with the exact risk reported; the formats as a reader sees them; --against a file or a
 * git ref; --fail-on. (That the backfill counts are Airflow's own is proven against Airflow's
 * timetables in tests/airflow/backfill.test.ts.)
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { diffManifests, type ManifestDiff } from "../src/diff/compare.js";
import { renderGithub, renderJson, renderMarkdown, renderPretty } from "../src/cli/diff-formats.js";
import type { Manifest } from "../src/ir/manifest.js";
import { compile, makeProject, runCli } from "./helpers/project.js";

const NOW = new Date("2026-01-11T00:00:00Z");

async function manifestOf(files: Record<string, string>, airflow = "3.3"): Promise<Manifest> {
  const result = await compile(makeProject(files, airflow));
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return JSON.parse(result.files!.find((file) => file.path === "manifest.json")!.contents) as Manifest;
}

const module = (body: string) => `import { dag } from "dagwright";\n${body}\n`;

async function diffOf(before: string, after: string, airflow = "3.3"): Promise<ManifestDiff> {
  return diffManifests(await manifestOf({ "dags-src/a.ts": module(before) }, airflow), await manifestOf({ "dags-src/a.ts": module(after) }, airflow), { now: NOW });
}

const risks = (diff: ManifestDiff) => diff.risks.filter((risk) => risk.level === "risky").map((risk) => `${risk.kind}: ${risk.message}`);

describe("dagwright diff", () => {
  it("flags a renamed task, and suggests keeping its id", async () => {
    const diff = await diffOf(
      `export default dag("etl", { schedule: null }, (d) => { d.bash("load", { command: "echo load" }).after(d.empty("start")); });`,
      `export default dag("etl", { schedule: null }, (d) => { d.bash("load_orders", { command: "echo load" }).after(d.empty("start")); });`,
    );
    expect(risks(diff)).toEqual([
      'renamed-task: task "load" of DAG "etl" renamed to "load_orders": Airflow sees a new task; the old one\'s history, logs and retry state stay behind',
    ]);
    expect(diff.risks[0]!.hint).toBe('keep the id "load" (set displayName to show another name)');
    expect(diff.dags).toEqual([{ id: "etl", status: "changed", changes: [], tasks: [{ id: "load_orders", status: "added", changes: [] }, { id: "load", status: "removed", changes: [] }] }]);
  });

  it("flags a renamed DAG, and a removed one", async () => {
    const renamed = await diffOf(`export default dag("etl", { schedule: "@daily", startDate: "2026-01-01" }, (d) => { d.empty("a"); });`, `export default dag("etl_v2", { schedule: "@daily", startDate: "2026-01-01" }, (d) => { d.empty("a"); });`);
    expect(risks(renamed)).toEqual(['renamed-dag: DAG "etl" renamed to "etl_v2": Airflow sees a new DAG; the old one\'s runs, history and pause state stay with "etl"']);
    const removed = await diffOf(`export const a = dag("a", { schedule: null }, (d) => { d.empty("x"); });\nexport const b = dag("b", { schedule: null }, (d) => { d.empty("y"); });`, `export const a = dag("a", { schedule: null }, (d) => { d.empty("x"); });`);
    expect(risks(removed)).toEqual(['removed-dag: DAG "b" removed: its file leaves the DAGs folder and Airflow stops scheduling it; its history stays in the metadata database']);
  });

  it("counts the backfill of catchup turned on, and of a start date moved earlier, for each timetable", async () => {
    const daily = (options: string) => `export default dag("etl", { schedule: "0 2 * * *", ${options} }, (d) => { d.empty("a"); });`;
    // Runs for the data intervals [Jan 1 02:00, Jan 2 02:00) ... [Jan 9, Jan 10): nine have ended by Jan 11 00:00.
    expect(risks(await diffOf(daily(`startDate: "2026-01-01"`), daily(`startDate: "2026-01-01", catchup: true`)))).toEqual([
      'backfill: DAG "etl": catchup turned on: Airflow schedules every run from the start date 2026-01-01 to now, a backfill of 9 runs',
    ]);
    // With the trigger timetable a run starts at each fire time: Jan 1 02:00 ... Jan 10 02:00.
    const trigger = (options: string) => `export default dag("etl", { schedule: "0 2 * * *", timetable: "trigger", ${options} }, (d) => { d.empty("a"); });`;
    expect(risks(await diffOf(trigger(`startDate: "2026-01-01"`), trigger(`startDate: "2026-01-01", catchup: true`)))[0]).toMatch(/a backfill of 10 runs$/);
    const moved = await diffOf(daily(`startDate: "2026-03-01", catchup: true`), daily(`startDate: "2026-02-01", catchup: true`));
    expect(risks(moved)).toEqual([
      'backfill: DAG "etl": start date moved earlier, from 2026-03-01 to 2026-02-01, with catchup on: Airflow schedules the runs in between, a backfill of 28 runs',
    ]);
    expect(moved.dags[0]!.changes).toEqual([{ field: "startDate", before: "2026-03-01", after: "2026-02-01" }]);
  });

  it("flags a schedule change, with the field by field change", async () => {
    const diff = await diffOf(`export default dag("etl", { schedule: "@daily", startDate: "2026-01-01" }, (d) => { d.empty("a"); });`, `export default dag("etl", { schedule: "@hourly", startDate: "2026-01-01" }, (d) => { d.empty("a"); });`);
    expect(risks(diff)).toEqual(['schedule: DAG "etl": schedule changed from {"expression":"@daily","kind":"cron"} to {"expression":"@hourly","kind":"cron"}']);
  });

  it("flags an asset no longer written while DAGs are scheduled on it (its URI changed on one side)", async () => {
    const producer = (uri: string) => `export const make = dag("make", { schedule: "@daily", startDate: "2026-01-01" }, (d) => { d.bash("write", { command: "echo", outputs: [asset("${uri}")] }); });`;
    const consumer = `export const use = dag("use", { schedule: [asset("s3://lake/orders")] }, (d) => { d.empty("read"); });`;
    const withAsset = (body: string) => `import { asset } from "dagwright";\n${body}`;
    const diff = await diffOf(withAsset(`${producer("s3://lake/orders")}\n${consumer}`), withAsset(`${producer("s3://lake/orders_v2")}\n${consumer}`));
    expect(risks(diff)).toEqual(['orphaned-asset: asset s3://lake/orders is no longer written by any task, but "use" is scheduled on it and will not run']);
  });

  it("notes a new DAG version on Airflow 3, and not on 2", async () => {
    const before = `export default dag("etl", { schedule: null }, (d) => { d.empty("a"); });`;
    const after = `export default dag("etl", { schedule: null, tags: ["x"] }, (d) => { d.empty("a"); });`;
    expect((await diffOf(before, after, "3.3")).risks.map((risk) => `${risk.level} ${risk.kind}`)).toEqual(["note dag-version"]);
    expect((await diffOf(before, after, "2.10")).risks).toEqual([]);
  });

  it("prints pretty, json, markdown and github annotations", async () => {
    const diff = await diffOf(
      `export default dag("etl", { schedule: null, owner: "a" }, (d) => { d.bash("load", { command: "echo", retries: 1 }); });`,
      `export default dag("etl", { schedule: null, owner: "b" }, (d) => { d.bash("load", { command: "echo", retries: 3 }); });`,
      "2.10",
    );
    expect(renderPretty(diff)).toBe(`DAG etl: changed
  owner: "a" -> "b"
  task load: changed
    effective: {"owner":"a","retries":1} -> {"owner":"b","retries":3}

0 added, 0 removed, 1 changed DAGs; 0 risky changes
`);
    expect(renderMarkdown(diff)).toBe(`### dagwright diff

0 added, 0 removed, 1 changed DAGs; 0 risky changes

| DAG | status | changes |
| --- | --- | --- |
| \`etl\` | changed | \`owner: "a" -> "b"\`<br>task \`load\` changed: \`effective: {"owner":"a","retries":1} -> {"owner":"b","retries":3}\` |
`);
    expect(JSON.parse(renderJson(diff))).toMatchObject({ formatVersion: 1, summary: { added: 0, removed: 0, changed: 1, risky: 0 }, dags: [{ id: "etl", status: "changed" }] });
    const renamed = await diffOf(`export default dag("etl", { schedule: null }, (d) => { d.empty("a"); });`, `export default dag("etl", { schedule: null }, (d) => { d.empty("b"); });`, "2.10");
    expect(renderGithub(renamed)).toBe(
      '::warning file=dags-src/a.ts,line=2,col=58,title=dagwright diff%3A renamed-task::task "a" of DAG "etl" renamed to "b": Airflow sees a new task; the old one\'s history, logs and retry state stay behind%0Ahint: keep the id "a" (set displayName to show another name)\n',
    );
  });

  it("compares with a manifest file or a git ref, and fails on risky changes when asked", () => {
    const root = makeProject({ "dags-src/a.ts": module(`export default dag("etl", { schedule: "@daily", startDate: "2026-01-01" }, (d) => { d.empty("a"); });`) });
    expect(runCli(["compile", "--no-typecheck", "-C", root]).status).toBe(0);
    const git = (...args: string[]) => execFileSync("git", args, { cwd: root, encoding: "utf8", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@t", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@t" } });
    git("init", "-q");
    git("add", "-A");
    git("commit", "-qm", "first");
    fs.copyFileSync(path.join(root, "generated/manifest.json"), path.join(root, "before.json"));
    fs.writeFileSync(path.join(root, "dags-src/a.ts"), module(`export default dag("etl", { schedule: "@hourly", startDate: "2026-01-01" }, (d) => { d.empty("a"); });`));
    for (const against of ["before.json", "HEAD"]) {
      const run = runCli(["diff", "--against", against, "--fail-on", "risky", "-C", root]);
      expect(run.status, run.stderr).toBe(1);
      expect(run.stdout).toContain('risky: DAG "etl": schedule changed from {"expression":"@daily","kind":"cron"} to {"expression":"@hourly","kind":"cron"} (dags-src/a.ts:2)');
    }
    expect(runCli(["diff", "--against", "HEAD", "-C", root]).status).toBe(0);
    const missing = runCli(["diff", "--against", "no-such-ref", "-C", root]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^error: no-such-ref is neither a manifest file nor a git ref with generated\/manifest\.json \(/);
    expect(runCli(["diff", "--against", "HEAD", "--now", "yesterday", "-C", root]).status).toBe(2);
  });
});
