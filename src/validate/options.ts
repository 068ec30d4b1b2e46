/** DW301-DW305: option values that have the right type but a value Airflow would reject. */
import type { Diagnostic } from "../ir/diagnostic.js";
import type { AirflowTarget, Dag, Location, TaskOptions } from "../ir/schema.js";
import { atLeast } from "../ir/target.js";
import { durationSeconds } from "../ir/values.js";
import { diagnose, q } from "./diagnose.js";
import { PYTHON_CALLABLE } from "./patterns.js";

const DURATION_OPTIONS = ["retryDelay", "maxRetryDelay", "executionTimeout"] as const;
const MAX_TAG_LENGTH = 100;
const INT32_MAX = 2 ** 31 - 1;

/** Trigger rules that only some Airflow versions know, with the first version that does. */
const TRIGGER_RULE_SINCE: Record<string, AirflowTarget> = { all_done_min_one_success: "3.1" };

export function checkOptions(dag: Dag, target: AirflowTarget): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const where = `DAG ${q(dag.id)}`;
  if (dag.dagrunTimeout !== undefined) checkDuration(diagnostics, where, "dagrunTimeout", dag.dagrunTimeout, dag.location);
  checkWhole(diagnostics, where, "maxActiveRuns", dag.maxActiveRuns, 1, INT32_MAX, dag.location);
  checkWhole(diagnostics, where, "maxActiveTasks", dag.maxActiveTasks, 1, INT32_MAX, dag.location);
  for (const tag of dag.tags) {
    if (tag.length === 0 || tag.length > MAX_TAG_LENGTH) {
      const what = tag.length === 0 ? "an empty tag" : `a tag of ${tag.length} characters (at most ${MAX_TAG_LENGTH})`;
      diagnostics.push(diagnose("DW305", `${where} has ${what}`, dag.location));
    }
  }
  checkTaskOptions(diagnostics, `${where}, defaults`, dag.defaults, dag.location);
  for (const group of dag.groups) checkTaskOptions(diagnostics, `task group ${q(group.id)} of DAG ${q(dag.id)}, defaults`, group.defaults, group.location);
  for (const task of dag.tasks) {
    const taskWhere = `task ${q(task.id)} of DAG ${q(dag.id)}`;
    checkTaskOptions(diagnostics, taskWhere, task.options, task.location);
    const rule = task.options.triggerRule;
    const since = rule === undefined ? undefined : TRIGGER_RULE_SINCE[rule];
    if (since !== undefined && !atLeast(target, since)) {
      diagnostics.push(
        diagnose("DW303", `${taskWhere} uses trigger rule ${q(rule)}, which needs Airflow ${since}+; the project targets ${target}`, task.location),
      );
    }
    if (task.config.kind === "python" && !PYTHON_CALLABLE.test(task.config.callable)) {
      diagnostics.push(diagnose("DW304", `${taskWhere} has callable ${q(task.config.callable)}, not "package.module:function"`, task.location));
    }
  }
  return diagnostics;
}

function checkTaskOptions(diagnostics: Diagnostic[], where: string, options: TaskOptions, location: Location): void {
  for (const name of DURATION_OPTIONS) {
    const value = options[name];
    if (value !== undefined) checkDuration(diagnostics, where, name, value, location);
  }
  checkWhole(diagnostics, where, "retries", options.retries, 0, INT32_MAX, location);
  checkWhole(diagnostics, where, "poolSlots", options.poolSlots, 1, INT32_MAX, location);
  checkWhole(diagnostics, where, "priorityWeight", options.priorityWeight, -INT32_MAX - 1, INT32_MAX, location);
}

function checkDuration(diagnostics: Diagnostic[], where: string, name: string, value: string, location: Location): void {
  if (durationSeconds(value) === undefined) {
    diagnostics.push(diagnose("DW301", `${where}: ${name} ${q(value)} is not a duration`, location));
  }
}

function checkWhole(
  diagnostics: Diagnostic[],
  where: string,
  name: string,
  value: number | undefined,
  min: number,
  max: number,
  location: Location,
): void {
  if (value === undefined || (Number.isInteger(value) && value >= min && value <= max)) return;
  // Name the bound that matters: most counts only have a lower one in practice.
  const range = min >= 0 && value <= max ? `${min} or more` : `between ${min} and ${max}`;
  diagnostics.push(diagnose("DW302", `${where}: ${name} is ${value}; it must be a whole number, ${range}`, location));
}
