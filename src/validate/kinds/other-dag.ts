/** DW122: the DAG (and task) a sensor waits for or a trigger starts exists in the project, unless external. */
import { diagnose, type Diagnostic } from "../../diagnostics/index.js";
import type { ResolvedTask } from "../../ir/resolved.js";
import { about, type RuleContext } from "../context.js";

export function checkOtherDag(
  task: ResolvedTask,
  target: { dag: string; task?: string; external?: boolean; verb: "triggers" | "waits for" | "clears" },
  { project }: RuleContext,
): Diagnostic[] {
  if (target.external) return [];
  const other = project.dag(target.dag);
  if (!other) return [diagnose("DW122", { ...about(task), verb: target.verb, target: target.dag }, task.ir.location)];
  if (target.task !== undefined && !other.task(target.task)) {
    return [diagnose("DW122", { ...about(task), target: target.dag, missingTask: target.task, ...(target.verb === "clears" ? { clears: true as const } : {}) }, task.ir.location)];
  }
  return [];
}
