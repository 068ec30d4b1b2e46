/** `d.operator`: the escape hatch, an operator class by import path and its JSON arguments. */
import type { JsonValue } from "../../ir/common.js";
import type { FieldsOf } from "../../ir/kinds/index.js";
import type { OperatorOptions } from "../types.js";
import type { Complete, Conforms } from "../conformance.js";
import { copy, type KindBuilder, type OwnOptions } from "./types.js";

type Own = OwnOptions<OperatorOptions>;
const KEYS = ["import", "args"] as const;
const complete: Complete<(typeof KEYS)[number], Own> = true;
const conforms: Conforms<Own, FieldsOf<"operator">> = true;
void complete, conforms;

export const operator: KindBuilder<"operator", Own> = {
  keys: KEYS,
  config: (own) => ({ config: { kind: "operator", import: own.import, args: copy(own.args ?? {}) as Record<string, JsonValue> } }),
};
