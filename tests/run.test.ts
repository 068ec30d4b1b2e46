/**
 * `dagwright run`: a DAG's run planned without Airflow. Trigger rules decide as Airflow's
 * scheduler does on the states of the upstream tasks, a branch skips the targets it did not
 * choose, mapped tasks count their instances, a teardown runs after failed work, and the run's
 * state is its leaves' (looking through a teardown at the end).
 */
import { describe, expect, it } from "vitest";
import { dag } from "../src/dsl/index.js";
import { simulateRun, type SimulationOptions } from "../src/run/simulate.js";
import { plan } from "../src/testing/index.js";
import { runCli } from "./helpers/project.js";

async function states(value: ReturnType<typeof dag>, options: SimulationOptions = {}) {
  const planned = await plan(value);
  expect(planned.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const run = simulateRun(planned.dag().resolved, options);
  return { run: run.state, tasks: Object.fromEntries(run.tasks.map((task) => [task.id, task.state])) };
}

describe("a planned run", () => {
  it("applies each trigger rule to a failure upstream", async () => {
    const rules = ["all_success", "all_failed", "all_done", "one_success", "one_failed", "none_failed", "none_failed_min_one_success", "none_skipped", "always", "all_done_min_one_success", "one_done", "all_skipped"] as const;
    const fanIn = dag("rules", { schedule: null }, (d) => {
      const ok = d.empty("ok");
      const bad = d.empty("bad");
      for (const rule of rules) d.empty(`after_${rule}`, { triggerRule: rule }).after([ok, bad]);
    });
    const { tasks } = await states(fanIn, { failures: new Set(["bad"]) });
    expect(tasks).toEqual({
      ok: "success",
      bad: "failed",
      after_all_success: "upstream_failed",
      after_all_failed: "skipped",
      after_all_done: "success",
      after_one_success: "success",
      after_one_failed: "success",
      after_none_failed: "upstream_failed",
      after_none_failed_min_one_success: "upstream_failed",
      after_none_skipped: "success",
      after_always: "success",
      after_all_done_min_one_success: "success",
      after_one_done: "success",
      after_all_skipped: "skipped",
    });
  });

  it("skips what a branch did not choose, and joins again with none_failed_min_one_success", async () => {
    const branching = dag("branching", { schedule: null }, (d) => {
      const a = d.empty("a");
      const b = d.empty("b");
      const pick = d.branch("pick", { callable: "pkg.mod:pick", targets: [a, b] });
      a.after(pick);
      b.after(pick);
      d.empty("after_b").after(b);
      d.empty("join", { triggerRule: "none_failed_min_one_success" }).after([a, b]);
    });
    expect((await states(branching)).tasks).toEqual({ pick: "success", a: "success", b: "skipped", after_b: "skipped", join: "success" });
    expect((await states(branching, { branches: new Map([["pick", ["b"]]]) })).tasks).toEqual({ pick: "success", a: "skipped", b: "success", after_b: "success", join: "success" });
  });

  it("runs a teardown after failed work, and fails the run on the work, not on the teardown", async () => {
    const withTeardown = dag("cleanup", { schedule: null }, (d) => {
      const create = d.bash("create", { command: "echo create", setup: true });
      const work = d.bash("work", { command: "echo work" }).after(create);
      d.bash("drop", { command: "echo drop", teardown: { setups: [create] } }).after(work);
    });
    expect(await states(withTeardown, { failures: new Set(["work"]) })).toEqual({ run: "failed", tasks: { create: "success", work: "failed", drop: "success" } });
    expect((await states(withTeardown)).run).toBe("success");
  });

  it("counts a mapped task's instances from its literal lists", async () => {
    const mapped = dag("mapped", { schedule: null }, (d) => {
      d.bash("each", { command: "echo {{ params.x }}", expand: { env: [{ A: "1" }, { A: "2" }, { A: "3" }] } });
    });
    const run = simulateRun((await plan(mapped)).dag().resolved);
    expect(run.tasks[0]).toMatchObject({ id: "each", instances: 3, state: "success" });
  });
});

describe("dagwright run", () => {
  it("prints the run as a timeline, with the branch and failures asked for", () => {
    const run = runCli(["run", "report_builder", "--date", "2026-01-01", "--branch", "pick_format=render_html"]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("run of DAG report_builder for 2026-01-01, planned (nothing runs)\n\nstep 1  list_regions ");
    expect(run.stdout).toMatch(/\nstep 2  extract\.fetch \[3x\] +success\n/);
    expect(run.stdout).toMatch(/\nstep 7  pick_format +success +chose render_html\n/);
    expect(run.stdout).toMatch(/\nstep 8  render_pdf +skipped +not chosen by pick_format\n/);
    expect(run.stdout).toMatch(/\nthe run succeeds: 14 succeeded, 0 failed, 0 upstream failed, 1 skipped\n$/);
    const failing = runCli(["run", "report_builder", "--fail", "summarize"]);
    expect(failing.status).toBe(1);
    expect(failing.stdout).toMatch(/\nthe run fails: 4 succeeded, 1 failed, 10 upstream failed, 0 skipped\n$/);
    expect(runCli(["run", "report_builder", "--branch", "pick_format=nowhere"]).stderr).toBe("error: --branch pick_format: it chooses among render_pdf, render_html, not nowhere\n");
    expect(runCli(["run", "report_builder", "--fail", "nope"]).status).toBe(2);
    expect(runCli(["run", "nope"]).stderr).toMatch(/^error: no DAG named "nope"; the project's DAGs are /);
  });
});
