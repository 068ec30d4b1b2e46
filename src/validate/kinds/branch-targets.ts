/** DW120-DW121 for every branching kind: its targets right after it, and joins that a skipped path would skip. */
import { diagnose, type Diagnostic } from "../../diagnostics/index.js";
import type { ResolvedTask } from "../../ir/resolved.js";
import type { RuleContext } from "../context.js";

export function checkBranchTargets(branch: ResolvedTask, targets: readonly string[], { dag }: RuleContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const direct = new Set(branch.downstream);
  const startsOf = (target: string) => dag.group(target)?.members ?? [target];
  for (const target of new Set(targets)) {
    const reached = dag.group(target) ? startsOf(target).some((id) => direct.has(id)) : direct.has(target);
    if (!reached) diagnostics.push(diagnose("DW120", { dag: dag.id, branch: branch.id, target }, branch.ir.location));
  }
  // A task after two paths of a branch waits for both; with all_success it is skipped.
  const paths = new Map<string, Set<string>>();
  for (const target of targets) {
    const starts = startsOf(target);
    paths.set(target, new Set([...starts, ...dag.descendants(starts)]));
  }
  for (const task of dag.tasks) {
    const reachedFrom = [...paths].filter(([, seen]) => seen.has(task.id));
    const inTargets = targets.includes(task.id) || targets.some((target) => task.ir.group === target || task.ir.group?.startsWith(`${target}.`));
    if (reachedFrom.length < 2 || inTargets) continue;
    const joins = task.upstream.filter((up) => [...paths.values()].some((seen) => seen.has(up)));
    const rule = task.effective.triggerRule ?? "all_success";
    if (joins.length >= 2 && (rule === "all_success" || rule === "all_failed" || rule === "none_skipped")) {
      diagnostics.push(diagnose("DW121", { dag: dag.id, task: task.id, branch: branch.id, rule }, task.ir.location));
    }
  }
  return diagnostics;
}
