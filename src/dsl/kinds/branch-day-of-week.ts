/** `d.branchDayOfWeek`: the days, and the task handles of each side, kept as their ids. */
import type { FieldsOf } from "../../ir/kinds/index.js";
import type { BranchDayOfWeekOptions } from "../types.js";
import type { Complete, Conforms } from "../conformance.js";
import { defined, type KindBuilder, type OwnOptions } from "./types.js";
import { weekDays } from "./weekday.js";

type Own = OwnOptions<BranchDayOfWeekOptions>;
const KEYS = ["weekDay", "followTaskIdsIfTrue", "followTaskIdsIfFalse", "useTaskLogicalDate"] as const;
const complete: Complete<(typeof KEYS)[number], Own> = true;
const RENAMES = { followTaskIdsIfTrue: "followIfTrue", followTaskIdsIfFalse: "followIfFalse" } as const;
const conforms: Conforms<Own, FieldsOf<"branch_day_of_week">, typeof RENAMES> = true;
void complete, conforms;

export const branchDayOfWeek: KindBuilder<"branch_day_of_week", Own> = {
  keys: KEYS,
  renames: RENAMES,
  config: (own) => ({
    config: {
      kind: "branch_day_of_week",
      weekDay: weekDays(own.weekDay),
      followIfTrue: (own.followTaskIdsIfTrue ?? []).map((target) => target.id),
      followIfFalse: (own.followTaskIdsIfFalse ?? []).map((target) => target.id),
      ...defined({ useTaskLogicalDate: own.useTaskLogicalDate }),
    },
  }),
};
