/**
 * Validation: each rule is a small pure function over the resolved project that returns
 * diagnostics with stable codes. Rule families have a module each; each task kind's own rules
 * live in kinds/.
 */
import { capabilitiesOf } from "../capabilities/index.js";
import { diagnose, sortDiagnostics, type Diagnostic } from "../diagnostics/index.js";
import type { TaskKind } from "../ir/kinds/index.js";
import type { ResolvedProject } from "../ir/resolved.js";
import type { KindRule, RuleContext, TaskOf } from "./context.js";
import { checkDependencies } from "./dependencies.js";
import { checkIds } from "./ids.js";
import { KIND_RULES } from "./kinds/index.js";
import { checkLineage } from "./lineage.js";
import { checkMappedGroups } from "./mapped-groups.js";
import { checkOptions, checkProjectDefaults } from "./options.js";
import { checkParams } from "./params.js";
import { checkPythonLimits } from "./python-limits.js";
import { checkPythonCode } from "./python-code.js";
import { checkSchedule } from "./schedule.js";
import { checkSetupTeardown } from "./setup-teardown.js";

export function validate(project: ResolvedProject): Diagnostic[] {
  const capabilities = capabilitiesOf(project.airflow);
  const diagnostics = [...checkIds(project), ...checkLineage(project, capabilities), ...checkProjectDefaults(project.ir), ...checkPythonCode(project)];
  for (const dag of project.dags) {
    const context: RuleContext = { project, dag, capabilities };
    if (dag.tasks.length === 0) diagnostics.push(diagnose("DW107", { dag: dag.id }, dag.ir.location));
    diagnostics.push(...checkDependencies(dag), ...checkSchedule(dag, capabilities), ...checkOptions(dag, capabilities));
    for (const task of dag.tasks) {
      const rule = KIND_RULES[task.ir.config.kind] as KindRule<TaskKind>;
      diagnostics.push(...rule(task as TaskOf<TaskKind>, context));
    }
    diagnostics.push(...checkMappedGroups(dag, context), ...checkSetupTeardown(dag), ...checkParams(dag.ir), ...checkPythonLimits(dag));
  }
  return sortDiagnostics(diagnostics);
}
