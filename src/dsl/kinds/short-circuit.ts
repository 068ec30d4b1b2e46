/** `d.shortCircuit`: the callable, and whether only direct downstream tasks are skipped. */
import { callableText } from "../bindings.js";
import type { JsonValue } from "../../ir/common.js";
import type { FieldsOf } from "../../ir/kinds/index.js";
import type { ShortCircuitTaskOptions } from "../types.js";
import type { Complete, Conforms } from "../conformance.js";
import { copy, defined, type KindBuilder, type OwnOptions } from "./types.js";

type Own = OwnOptions<ShortCircuitTaskOptions>;
const KEYS = ["callable", "kwargs", "ignoreDownstreamTriggerRules"] as const;
const complete: Complete<(typeof KEYS)[number], Own> = true;
const conforms: Conforms<Own, FieldsOf<"short_circuit">> = true;
void complete, conforms;

export const shortCircuit: KindBuilder<"short_circuit", Own> = {
  keys: KEYS,
  config: ({ callable, kwargs, ignoreDownstreamTriggerRules }) => ({
    config: { kind: "short_circuit", callable: callableText(callable), ...defined({ kwargs: kwargs && (copy(kwargs) as Record<string, JsonValue>), ignoreDownstreamTriggerRules }) },
  }),
};
