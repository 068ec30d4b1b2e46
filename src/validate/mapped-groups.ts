/**
 * Mapped task groups: what each maps over (DW127, DW113, DW140), and the shapes Airflow's
 * @task_group(...).expand() cannot take (DW154): a mapped group inside another, a mapped task
 * inside one, an argument that cannot be a Python parameter.
 */
import { isUsableArgumentName } from "../capabilities/index.js";
import { diagnose, type Diagnostic } from "../diagnostics/index.js";
import type { RunTimeValue } from "../ir/common.js";
import type { ResolvedDag } from "../ir/resolved.js";
import { about, type RuleContext } from "./context.js";
import { checkMappedArguments } from "./kinds/mapping.js";

export function checkMappedGroups(dag: ResolvedDag, context: RuleContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const mapped = new Set(dag.groups.filter((group) => group.ir.expand).map((group) => group.id));
  for (const group of dag.groups) {
    if (!group.ir.expand) continue;
    diagnostics.push(...checkMappedArguments({ dag: dag.id, group: group.id }, group.ir.location, group.ir.expand, context, true));
    for (const argument of Object.keys(group.ir.expand)) {
      if (!isUsableArgumentName(argument)) diagnostics.push(diagnose("DW154", { dag: dag.id, group: group.id, badArgument: argument }, group.ir.location));
    }
    for (let parent = group.ir.parent; parent !== undefined; parent = dag.group(parent)?.ir.parent) {
      if (mapped.has(parent)) diagnostics.push(diagnose("DW154", { dag: dag.id, group: parent, nested: group.id }, group.ir.location));
    }
  }
  for (const task of dag.tasks) {
    const around = task.groups.find((id) => mapped.has(id));
    const config = task.ir.config as { expand?: unknown; kwargsAtRunTime?: Record<string, RunTimeValue> };
    if (around !== undefined && config.expand !== undefined) diagnostics.push(diagnose("DW154", { ...about(task), group: around, mappedInside: true }, task.ir.location));
    // A group's argument is its function's parameter: it exists only for the tasks inside.
    for (const value of Object.values(config.kwargsAtRunTime ?? {})) {
      if ("group" in value && !task.groups.includes(value.group)) diagnostics.push(diagnose("DW154", { ...about(task), group: value.group, argument: value.argument }, task.ir.location));
    }
  }
  return diagnostics;
}
