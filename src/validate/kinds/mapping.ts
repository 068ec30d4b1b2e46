/** DW127 and DW113: what a mapped task maps over, and outputs taken from tasks of another DAG. */
import { diagnose, type Diagnostic } from "../../diagnostics/index.js";
import type { ResolvedTask } from "../../ir/resolved.js";
import { about, type RuleContext } from "../context.js";

/** Airflow's `[core] max_map_length` default: more mapped instances fail the run. */
const MAX_MAP_LENGTH = 1024;

/** Each literal list a task maps over holds 1 to 1024 values. */
export function checkMappedLists(task: ResolvedTask, lists: ReadonlyArray<readonly unknown[] | undefined>): Diagnostic[] {
  return lists.flatMap((list) =>
    list !== undefined && (list.length === 0 || list.length > MAX_MAP_LENGTH)
      ? [diagnose("DW127", { ...about(task), count: list.length, max: MAX_MAP_LENGTH }, task.ir.location)]
      : [],
  );
}

/** Each task whose output this task uses is a task of the same DAG. */
export function checkOutputSources(task: ResolvedTask, sources: readonly string[], { dag }: RuleContext): Diagnostic[] {
  return sources.flatMap((source) => (dag.task(source) ? [] : [diagnose("DW113", { ...about(task), source }, task.ir.location)]));
}
