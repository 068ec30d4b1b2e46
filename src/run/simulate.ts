/**
 * A DAG run planned without Airflow: which tasks start in which step, which a branch skips,
 * how many instances a task mapped over a literal list runs as, and what each trigger rule
 * makes of simulated failures, as Airflow's scheduler decides them. Nothing runs: a task that
 * starts succeeds unless it is named to fail.
 */
import { branchTargets } from "../graph/model.js";
import type { ResolvedDag, ResolvedTask } from "../ir/resolved.js";

export type TaskState = "success" | "failed" | "upstream_failed" | "skipped";

export interface SimulatedTask {
  id: string;
  /** The step it starts in (1 for the first tasks); for a task that never starts, the step it was decided in. */
  step: number;
  state: TaskState;
  /** Why it ended so: the branch that skipped it, the rule that held it, the failure asked for. */
  reason?: string;
  /** For a mapped task: the instances it runs as, when its values are literal lists; "dynamic" when they come from a task at run time. */
  instances?: number | "dynamic";
  /** For a branch that ran: the targets it chose. */
  chose?: string[];
}

export interface SimulatedRun {
  dagId: string;
  tasks: SimulatedTask[];
  state: "success" | "failed";
}

export interface SimulationOptions {
  /** A branch's choice: task id -> the targets it follows (default: its first target). */
  branches?: ReadonlyMap<string, readonly string[]>;
  /** Tasks that fail when they run. */
  failures?: ReadonlySet<string>;
}


/** A mapped task's instances: the product of its literal lists' lengths; "dynamic" when any comes from a task. */
function instancesOf(task: ResolvedTask, dag: ResolvedDag): number | "dynamic" | undefined {
  const expansions = [task.ir.config as { expand?: Record<string, unknown> }, ...task.groups.map((id) => dag.group(id)?.ir ?? {})]
    .map((owner) => (owner as { expand?: Record<string, unknown> }).expand)
    .filter((expand): expand is Record<string, unknown> => expand !== undefined);
  if (expansions.length === 0) return undefined;
  let count = 1;
  for (const expand of expansions) {
    for (const values of Object.values(expand)) {
      if (!Array.isArray(values)) return "dynamic";
      count *= values.length;
    }
  }
  return count;
}

type Counts = { success: number; failed: number; skipped: number; total: number };

/** What a trigger rule makes of the upstream states: run, or the state the task takes without running. */
function decide(rule: string, upstream: Counts): "run" | TaskState {
  const { success, failed, skipped, total } = upstream;
  const done = success + failed + skipped;
  switch (rule) {
    case "all_success":
      return failed > 0 ? "upstream_failed" : skipped > 0 ? "skipped" : "run";
    case "all_failed":
      return failed === total ? "run" : "skipped";
    case "all_done":
    case "all_done_setup_success":
    case "always":
      return "run";
    case "all_done_min_one_success":
      return success > 0 ? "run" : "skipped";
    case "all_skipped":
      return skipped === total ? "run" : "skipped";
    case "one_success":
      return success > 0 ? "run" : failed > 0 ? "upstream_failed" : "skipped";
    case "one_failed":
      return failed > 0 ? "run" : "skipped";
    case "one_done":
      return success + failed > 0 ? "run" : "skipped";
    case "none_failed":
      return failed > 0 ? "upstream_failed" : "run";
    case "none_failed_min_one_success":
      return failed > 0 ? "upstream_failed" : success > 0 || done === 0 ? "run" : "skipped";
    case "none_skipped":
      return skipped > 0 ? "skipped" : "run";
    default:
      return "run";
  }
}

export function simulateRun(dag: ResolvedDag, options: SimulationOptions = {}): SimulatedRun {
  const results = new Map<string, SimulatedTask>();
  /** Targets a branch did not choose: skipped whatever their rule says, as Airflow's branch operators skip them. */
  const notChosen = new Map<string, string>();
  const order = topological(dag);
  for (const task of order) {
    const upstream = task.upstream.map((id) => results.get(id)!);
    const counts: Counts = {
      success: upstream.filter((entry) => entry.state === "success").length,
      failed: upstream.filter((entry) => entry.state === "failed" || entry.state === "upstream_failed").length,
      skipped: upstream.filter((entry) => entry.state === "skipped").length,
      total: upstream.length,
    };
    const step = 1 + Math.max(0, ...upstream.map((entry) => entry.step));
    const instances = instancesOf(task, dag);
    const base = { id: task.id, step, ...(instances !== undefined ? { instances } : {}) };
    const skippedBy = notChosen.get(task.id);
    if (skippedBy !== undefined) {
      results.set(task.id, { ...base, state: "skipped", reason: `not chosen by ${skippedBy}` });
      continue;
    }
    const rule = task.effective.triggerRule ?? "all_success";
    const decision = upstream.length === 0 ? "run" : decide(rule, counts);
    if (decision !== "run") {
      results.set(task.id, { ...base, state: decision, reason: `trigger rule ${rule}` });
      continue;
    }
    if (options.failures?.has(task.id)) {
      results.set(task.id, { ...base, state: "failed", reason: "failed, as asked" });
      continue;
    }
    const targets = branchTargets(task.ir);
    if (targets.length > 0) {
      const chose = [...(options.branches?.get(task.id) ?? targets.slice(0, 1))];
      for (const target of targets) if (!chose.includes(target)) notChosen.set(target, task.id);
      results.set(task.id, { ...base, state: "success", chose });
      continue;
    }
    results.set(task.id, { ...base, state: "success" });
  }
  const tasks = dag.tasks.map((task) => results.get(task.id)!).sort((a, b) => a.step - b.step || order.findIndex((task) => task.id === a.id) - order.findIndex((task) => task.id === b.id));
  // As Airflow decides a run: failed when a leaf task failed or could not run for a failure.
  // A teardown left at the end does not decide it: the work before it does (Airflow looks through it).
  const leaves = new Set<ResolvedTask>();
  const lookThrough = (task: ResolvedTask): void => {
    if (!task.ir.options.teardown) leaves.add(task);
    else for (const id of task.upstream) lookThrough(dag.task(id)!);
  };
  for (const task of dag.tasks) if (task.downstream.length === 0) lookThrough(task);
  const failed = [...leaves].some((task) => ["failed", "upstream_failed"].includes(results.get(task.id)!.state));
  return { dagId: dag.id, tasks, state: failed ? "failed" : "success" };
}

/** The tasks with every upstream task before them, in declaration order where the graph allows. */
function topological(dag: ResolvedDag): ResolvedTask[] {
  const placed = new Set<string>();
  const order: ResolvedTask[] = [];
  while (order.length < dag.tasks.length) {
    const next = dag.tasks.find((task) => !placed.has(task.id) && task.upstream.every((id) => placed.has(id)));
    // A cycle cannot get here: validation reports it first.
    if (!next) break;
    placed.add(next.id);
    order.push(next);
  }
  return order;
}
