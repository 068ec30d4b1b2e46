/** DW120-DW121: a day-of-week branch's targets. */
import type { KindRule } from "../context.js";
import { checkBranchTargets } from "./branch-targets.js";
import { checkImportWarning } from "./import-warning.js";

export const checkBranchDayOfWeek: KindRule<"branch_day_of_week"> = (task, context) => [
  ...checkBranchTargets(task, [...task.ir.config.followIfTrue, ...task.ir.config.followIfFalse], context),
  ...checkImportWarning(task, "BranchDayOfWeekOperator", context),
];
