/** `d.operator`: the escape hatch, an operator class by import path and its arguments (JSON and py.* values). */
import { operatorArgsAsJson } from "../py.js";
import type { FieldsOf } from "../../ir/kinds/index.js";
import type { OperatorOptions } from "../types.js";
import type { Complete, Conforms } from "../conformance.js";
import type { KindBuilder, OwnOptions } from "./types.js";

type Own = OwnOptions<OperatorOptions>;
const KEYS = ["import", "args"] as const;
const complete: Complete<(typeof KEYS)[number], Own> = true;
const conforms: Conforms<Own, FieldsOf<"operator">> = true;
void complete, conforms;

export const operator: KindBuilder<"operator", Own> = {
  keys: KEYS,
  config: (own) => ({ config: { kind: "operator", import: own.import, args: operatorArgsAsJson(own.args ?? {}) } }),
};
