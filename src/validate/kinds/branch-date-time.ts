/** DW160-DW161, DW120-DW121: a date-time branch's bounds, and its targets. */
import { diagnose } from "../../diagnostics/index.js";
import { about, type KindRule } from "../context.js";
import { checkBranchTargets } from "./branch-targets.js";
import { checkImportWarning } from "./import-warning.js";
import { checkTimeOfDay } from "./time-of-day.js";

export const checkBranchDateTime: KindRule<"branch_date_time"> = (task, context) => {
  const { config } = task.ir;
  return [
    ...(config.targetLower === undefined && config.targetUpper === undefined ? [diagnose("DW161", about(task), task.ir.location)] : []),
    ...checkTimeOfDay(task, "targetLower", config.targetLower, { dates: true }),
    ...checkTimeOfDay(task, "targetUpper", config.targetUpper, { dates: true }),
    ...checkBranchTargets(task, [...config.followIfTrue, ...config.followIfFalse], context),
    ...checkImportWarning(task, "BranchDateTimeOperator", context),
  ];
};
