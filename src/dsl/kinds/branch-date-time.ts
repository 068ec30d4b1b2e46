/** `d.branchDateTime`: the bounds, and the task handles of each side, kept as their ids. */
import type { FieldsOf } from "../../ir/kinds/index.js";
import type { BranchDateTimeOptions } from "../types.js";
import type { Complete, Conforms } from "../conformance.js";
import { defined, type KindBuilder, type OwnOptions } from "./types.js";

type Own = OwnOptions<BranchDateTimeOptions>;
const KEYS = ["targetLower", "targetUpper", "followTaskIdsIfTrue", "followTaskIdsIfFalse", "useTaskLogicalDate"] as const;
const complete: Complete<(typeof KEYS)[number], Own> = true;
const RENAMES = { followTaskIdsIfTrue: "followIfTrue", followTaskIdsIfFalse: "followIfFalse" } as const;
const conforms: Conforms<Own, FieldsOf<"branch_date_time">, typeof RENAMES> = true;
void complete, conforms;

export const branchDateTime: KindBuilder<"branch_date_time", Own> = {
  keys: KEYS,
  renames: RENAMES,
  config: (own) => ({
    config: {
      kind: "branch_date_time",
      ...defined({ targetLower: own.targetLower, targetUpper: own.targetUpper }),
      followIfTrue: (own.followTaskIdsIfTrue ?? []).map((target) => target.id),
      followIfFalse: (own.followTaskIdsIfFalse ?? []).map((target) => target.id),
      ...defined({ useTaskLogicalDate: own.useTaskLogicalDate }),
    },
  }),
};
