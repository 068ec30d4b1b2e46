/** BranchDayOfWeekOperator: days by name, and the ids of each side. */
import { literal } from "../../python/expr.js";
import { optionalLiteral } from "../context.js";
import { kw } from "../keywords.js";
import type { OperatorEmitter } from "./types.js";

export const branchDayOfWeek: OperatorEmitter<"branch_day_of_week"> = {
  operator: () => "BranchDayOfWeekOperator",
  fields: {
    weekDay: (t) => kw("week_day", literal(t.ir.config.weekDay)),
    followIfTrue: (t) => kw("follow_task_ids_if_true", literal(t.ir.config.followIfTrue)),
    followIfFalse: (t) => kw("follow_task_ids_if_false", literal(t.ir.config.followIfFalse)),
    useTaskLogicalDate: (t) => kw("use_task_logical_date", optionalLiteral(t.ir.config.useTaskLogicalDate)),
  },
};
