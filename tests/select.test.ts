/** Selecting DAGs and tasks as dbt selects models: globs, tag:, owner:, folder:, dag.task, +upstream and downstream+, several at once, --exclude; on list (table and json), graph and validate. */
import { describe, expect, it } from "vitest";
import { selectDags, type SelectableDag } from "../src/graph/select.js";
import { makeProject, runCli } from "./helpers/project.js";

const task = (id: string, upstream: string[] = [], config: Record<string, unknown> = { kind: "empty" }) => ({ id, upstream, config: config as { kind: string } });
const DAGS: SelectableDag[] = [
  { id: "ingest", tags: ["etl"], owner: "data", file: "dags-src/etl/ingest.ts", tasks: [task("pull"), task("land", ["pull"]), task("check", ["land"])] },
  { id: "train", tags: ["ml"], owner: "ml", file: "dags-src/ml/train.ts", tasks: [task("fit"), task("kick", ["fit"], { kind: "trigger_dag", targetDag: "serve" })] },
  { id: "serve", tags: ["ml", "prod"], owner: "ml", file: "dags-src/ml/serve.ts", tasks: [task("deploy")] },
  { id: "report", tags: ["bi"], owner: "data", file: "dags-src/report.ts", tasks: [task("build", [], { kind: "external_task_sensor", externalDag: "serve" })] },
];
// ingest writes an asset train is scheduled on; train triggers serve; report waits for serve.
const ASSETS = [{ writers: ["ingest.land"], scheduledDags: ["train"] }];
const pick = (selectors: string[], exclude: string[] = []) => selectDags(DAGS, ASSETS, selectors, exclude);

describe("selectors", () => {
  it("pick by glob, tag, owner and folder, and add up", () => {
    expect(pick(["tr*"])).toEqual({ dags: ["train"], tasks: {} });
    expect(pick(["tag:ml"])).toEqual({ dags: ["train", "serve"], tasks: {} });
    expect(pick(["owner:data"])).toEqual({ dags: ["ingest", "report"], tasks: {} });
    expect(pick(["folder:dags-src/ml/"])).toEqual({ dags: ["train", "serve"], tasks: {} });
    expect(pick(["tag:etl", "report"])).toEqual({ dags: ["ingest", "report"], tasks: {} });
    expect(pick([])).toEqual({ dags: ["ingest", "train", "serve", "report"], tasks: {} });
  });

  it("follow the DAG-to-DAG graph upstream and downstream (assets, triggers, sensors)", () => {
    expect(pick(["+serve"])).toEqual({ dags: ["ingest", "train", "serve"], tasks: {} });
    expect(pick(["train+"])).toEqual({ dags: ["train", "serve", "report"], tasks: {} });
    expect(pick(["+train+"], ["report"])).toEqual({ dags: ["ingest", "train", "serve"], tasks: {} });
  });

  it("pick tasks by dag.task glob, with their upstream or downstream, and exclude some", () => {
    expect(pick(["ingest.l*"])).toEqual({ dags: ["ingest"], tasks: { ingest: ["land"] } });
    expect(pick(["+ingest.land"])).toEqual({ dags: ["ingest"], tasks: { ingest: ["pull", "land"] } });
    expect(pick(["ingest.land+"])).toEqual({ dags: ["ingest"], tasks: { ingest: ["land", "check"] } });
    expect(pick(["ingest"], ["ingest.check"])).toEqual({ dags: ["ingest"], tasks: { ingest: ["pull", "land"] } });
  });

  it("say what picks nothing", () => {
    expect(pick(["nope"])).toEqual({ error: 'no DAG matches "nope"' });
    expect(pick(["ingest.nope"])).toEqual({ error: 'no task of DAG "ingest" matches "ingest.nope"' });
    expect(pick(["+"])).toEqual({ error: 'empty selector "+"' });
  });
});

describe("list and graph with selectors", () => {
  it("list the selected DAGs and tasks, as a table or as JSON", () => {
    const table = runCli(["list", "--select", "churn_training.train_model+"]);
    expect(table.status, table.stderr).toBe(0);
    expect(table.stdout.split("\n").map((line) => line.trim().split(/\s+/)[0]).filter(Boolean)).toEqual(["DAG", "churn_training", "train_model", "evaluate_model", "publish_model", "score_customers"]);
    const json = JSON.parse(runCli(["list", "--format", "json", "-s", "tag:ml", "--exclude", "feature_*"]).stdout) as { dags: Array<{ id: string; tasks: Array<{ id: string }> }> };
    expect(json.dags.map((dag) => dag.id)).toEqual(["churn_training", "model_monitor"]);
    expect(json.dags[0]).toMatchObject({ id: "churn_training", schedule: "@weekly", owner: "ml-platform", file: "dags-src/churn_training.ts", line: 16 });
    expect(json.dags[0]!.tasks[0]).toEqual({ id: "ingest_events", kind: "python", upstream: [], group: null, file: "dags-src/churn_training.ts", line: 28 });
    const missing = runCli(["list", "-s", "tag:nope"]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe('error: no DAG matches "tag:nope"\n');
  });

  it("draw the project graph of the selected DAGs", () => {
    const run = runCli(["graph", "-s", "+model_monitor"]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(`project: 3 nodes, 2 edges

1  churn_training     @weekly
2  asset churn_model  file:///tmp/dagwright-churn/registry  <- churn_training "writes"
3  model_monitor      on assets                             <- churn_model "schedules"
`);
  });

  it("report what concerns the selected DAGs on validate, which checks the whole project", () => {
    const root = makeProject({
      "dags-src/a.ts": `import { dag } from "dagwright";\nexport const a = dag("a", { schedule: "0 25 * * *", startDate: "2026-01-01", tags: ["ml"] }, (d) => void d.empty("x"));\n`,
      "dags-src/b.ts": `import { dag } from "dagwright";\nexport const b = dag("b", { schedule: "0 26 * * *", startDate: "2026-01-01", tags: ["bi"] }, (d) => void d.empty("y"));\n`,
    });
    const all = runCli(["validate", "--no-cache", "-C", root]);
    expect(all.stderr.match(/error DW201/g)).toHaveLength(2);
    const ml = runCli(["validate", "--no-cache", "-s", "tag:ml", "-C", root]);
    expect(ml.status).toBe(1);
    expect(ml.stderr).toContain('dags-src/a.ts:2:39 - error DW201: DAG "a" has an invalid cron schedule "0 25 * * *": hour field "25"');
    expect(ml.stderr).not.toContain("dags-src/b.ts");
    expect(ml.stderr).toContain("1 error, 0 warnings");
    const nothing = runCli(["validate", "--no-cache", "-s", "tag:nope", "-C", root]);
    expect(nothing.status).toBe(2);
    expect(nothing.stderr).toMatch(/^error: /);
  });
});
