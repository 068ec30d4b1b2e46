/** BranchDateTimeOperator: bounds as datetime.time or datetime.datetime, and the ids of each side. */
import { literal } from "../../python/expr.js";
import { optionalLiteral } from "../context.js";
import { kw } from "../keywords.js";
import { bound } from "./time-of-day.js";
import type { OperatorEmitter } from "./types.js";

export const branchDateTime: OperatorEmitter<"branch_date_time"> = {
  operator: () => "BranchDateTimeOperator",
  fields: {
    // Both bounds are required arguments; an unset one is None (validation needs at least one).
    targetLower: (t, c) => kw("target_lower", bound(t.ir.config.targetLower, c)),
    targetUpper: (t, c) => kw("target_upper", bound(t.ir.config.targetUpper, c)),
    followIfTrue: (t) => kw("follow_task_ids_if_true", literal(t.ir.config.followIfTrue)),
    followIfFalse: (t) => kw("follow_task_ids_if_false", literal(t.ir.config.followIfFalse)),
    useTaskLogicalDate: (t) => kw("use_task_logical_date", optionalLiteral(t.ir.config.useTaskLogicalDate)),
  },
};
