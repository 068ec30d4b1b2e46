/** DW140, DW166, DW120-DW121: human-in-the-loop tasks exist from Airflow 3.1; their options and defaults; a branch's targets. */
import { firstTargetWith, HITL_OPERATORS } from "../../capabilities/index.js";
import { diagnose, type Diagnostic } from "../../diagnostics/index.js";
import { about, type KindRule } from "../context.js";
import { checkBranchTargets } from "./branch-targets.js";
import { checkImportWarning } from "./import-warning.js";

export const checkHitl: KindRule<"hitl"> = (task, context) => {
  const { config } = task.ir;
  const { capabilities } = context;
  const name = HITL_OPERATORS[config.variant];
  if (!capabilities.imports[name]) {
    const since = firstTargetWith((other) => other.imports[name] !== undefined) ?? "a newer version";
    return [diagnose("DW140", { where: about(task), feature: name, since, target: capabilities.target }, task.ir.location)];
  }
  const diagnostics: Diagnostic[] = [];
  // Options and multiple are ApprovalOperator's own; its two answers are the only options it takes.
  const misplaced =
    config.variant === "approval"
      ? (["options", "multiple"] as const).filter((option) => config[option] !== undefined)
      : (["ignoreDownstreamTriggerRules", "failOnReject"] as const).filter((option) => config[option] !== undefined);
  for (const option of misplaced) diagnostics.push(diagnose("DW166", { ...about(task), problem: "misplaced", option, operator: name }, task.ir.location));
  const options = config.variant === "approval" ? ["Approve", "Reject"] : config.variant === "entry" ? (config.options ?? ["OK"]) : (config.options ?? []);
  if (options.length === 0) diagnostics.push(diagnose("DW166", { ...about(task), problem: "noOptions" }, task.ir.location));
  const outside = (config.defaults ?? []).filter((value) => !options.includes(value));
  if (outside.length) diagnostics.push(diagnose("DW166", { ...about(task), problem: "defaults", defaults: outside }, task.ir.location));
  if ((config.defaults?.length ?? 0) > 1 && !config.multiple) diagnostics.push(diagnose("DW166", { ...about(task), problem: "multipleDefaults" }, task.ir.location));
  if (config.params && "_options" in config.params) diagnostics.push(diagnose("DW166", { ...about(task), problem: "reservedParam" }, task.ir.location));
  if (config.optionsMapping) diagnostics.push(...checkBranchTargets(task, Object.values(config.optionsMapping), context));
  return [...diagnostics, ...checkImportWarning(task, name, context)];
};
