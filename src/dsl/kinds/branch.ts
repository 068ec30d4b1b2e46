/** `d.branch`: the callable and the task handles it may choose, kept as their ids. */
import { callableText } from "../bindings.js";
import type { JsonValue } from "../../ir/common.js";
import type { FieldsOf } from "../../ir/kinds/index.js";
import type { BranchTaskOptions } from "../types.js";
import type { Complete, Conforms } from "../conformance.js";
import { copy, defined, type KindBuilder, type OwnOptions } from "./types.js";

type Own = OwnOptions<BranchTaskOptions>;
const KEYS = ["callable", "kwargs", "targets"] as const;
const complete: Complete<(typeof KEYS)[number], Own> = true;
const conforms: Conforms<Own, FieldsOf<"branch">> = true;
void complete, conforms;

export const branch: KindBuilder<"branch", Own> = {
  keys: KEYS,
  config: ({ callable, kwargs, targets }) => ({
    config: { kind: "branch", callable: callableText(callable), ...defined({ kwargs: kwargs && (copy(kwargs) as Record<string, JsonValue>) }), targets: (targets ?? []).map((target) => target.id) },
  }),
};
