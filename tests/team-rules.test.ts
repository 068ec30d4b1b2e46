/**
 * The repository's own team rules (rules/team.ts), tested as a team tests its rules: with the
 * test kit's plan().check() on DAGs made for the test, and on the examples as compile runs them.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../src/api/index.js";
import { dag } from "../src/dsl/index.js";
import { plan } from "../src/testing/index.js";
import { executorsFit, mlStepsRetry, ownedAndTagged } from "../rules/team.js";
import { REPO_ROOT } from "./helpers/project.js";

describe("rules/team.ts", () => {
  it("ACME001 wants an owner and a tag on every DAG", async () => {
    const bare = await plan(dag("bare", { schedule: null }, (d) => void d.empty("noop")));
    expect(bare.check(ownedAndTagged)).toEqual([
      { code: "ACME001", dag: "bare", message: 'DAG "bare" has no owner' },
      { code: "ACME001", dag: "bare", message: 'DAG "bare" has no tag', option: "tags" },
    ]);
    // An owner from the DAG's defaults counts too.
    const owned = await plan(dag("owned", { schedule: null, tags: ["ops"], defaults: { owner: "platform" } }, (d) => void d.empty("noop")));
    expect(owned.check(ownedAndTagged)).toEqual([]);
  });

  it("ACME002 wants every ML step to retry, at the task's retries", async () => {
    const steps = await plan(
      dag("steps", { schedule: null, defaults: { retries: 1 } }, (d) => {
        d.python("train", { callable: "ml.train:main", stage: "train" });
        d.python("publish", { callable: "ml.publish:main", stage: "publish", retries: 0 });
        d.bash("ingest", { command: "true", stage: "ingest", retries: 0 });
      }),
    );
    expect(steps.check(mlStepsRetry)).toEqual([
      { code: "ACME002", dag: "steps", task: "publish", option: "retries", message: 'publish step "publish" of DAG "steps" never retries', hint: "give it retries: 1 or more, or say why not with suppress" },
    ]);
  });

  it("ACME003 keeps Spark executors at 16g or less", async () => {
    const jobs = await plan(
      dag("jobs", { schedule: null }, (d) => {
        d.spark("fits", { application: "fit.py", executor: { memory: "16g" } });
        d.spark("too_big", { application: "fit.py", executor: { memory: "17408m" } });
      }),
    );
    expect(jobs.check(executorsFit)).toEqual([
      {
        code: "ACME003",
        dag: "jobs",
        task: "too_big",
        option: "executor.memory",
        message: 'Spark task "too_big" of DAG "jobs" asks for 17408m per executor, above 16g',
        hint: "use a smaller executor and more of them",
      },
    ]);
  });

  it("hold for the examples, but for the two findings their DAGs suppress, with the reasons in the manifest", async () => {
    const result = await compile(REPO_ROOT, { typecheck: false });
    if (!result.ok) throw new Error(`the examples do not compile: ${result.diagnostics.map((d) => d.message).join("; ")}`);
    expect(result.diagnostics.filter((d) => d.toolCode?.startsWith("ACME"))).toEqual([]);
    expect(result.manifest.rules?.map((rule) => rule.code)).toEqual(["ACME001", "ACME002", "ACME003"]);
    expect(result.manifest.suppressed?.map((each) => `${each.code} ${each.dag}${each.task ? `.${each.task}` : ""}: ${each.reason}`)).toEqual([
      "ACME002 churn_training.publish_model: a retry would register a second model version; a failed publish is redone by hand",
      "ACME001 daily_at_midnight: the twin of tests/airflow/twins/daily_at_midnight.py, which sets no owner",
    ]);
  });
});
