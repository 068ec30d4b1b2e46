/** DW126: the escape hatch names an operator class by its import path, with arguments Python can take. */
import { diagnose, type Diagnostic } from "../../diagnostics/index.js";
import { PYTHON_IDENTIFIER } from "../../values/names.js";
import { about, type KindRule } from "../context.js";

const OPERATOR_IMPORT = /^airflow(\.[A-Za-z_]\w*)+\.[A-Za-z_]\w*$/;

export const checkOperator: KindRule<"operator"> = (task) => {
  const diagnostics: Diagnostic[] = [];
  const { config, location } = task.ir;
  if (!OPERATOR_IMPORT.test(config.import)) diagnostics.push(diagnose("DW126", { ...about(task), importPath: config.import }, location));
  for (const argument of Object.keys(config.args)) {
    if (!PYTHON_IDENTIFIER.test(argument) || argument === "task_id") diagnostics.push(diagnose("DW126", { ...about(task), argument }, location));
  }
  return diagnostics;
};
