/** DW165: an operator whose provider module warns when the target Airflow imports it. */
import type { PythonName } from "../../capabilities/index.js";
import { diagnose, type Diagnostic } from "../../diagnostics/index.js";
import type { ResolvedTask } from "../../ir/resolved.js";
import { about, type RuleContext } from "../context.js";

export function checkImportWarning(task: ResolvedTask, operator: PythonName, { capabilities }: RuleContext): Diagnostic[] {
  const warning = capabilities.importWarnings[operator];
  return warning ? [diagnose("DW165", { ...about(task), operator, airflow: capabilities.target, warning }, task.ir.location)] : [];
}
