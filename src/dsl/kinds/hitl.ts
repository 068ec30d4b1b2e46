/**
 * `d.approval`, `d.hitl`, `d.hitlBranch` and `d.hitlEntry`: one kind, told apart by `variant`,
 * which the DagContext method sets. A branch's options map labels to task handles, kept as ids.
 */
import type { JsonValue } from "../../ir/common.js";
import type { FieldsOf } from "../../ir/kinds/index.js";
import type { HumanTaskOptions, SetupHandle } from "../types.js";
import type { Complete, Conforms } from "../conformance.js";
import { copy, defined, type KindBuilder, type OwnOptions } from "./types.js";

type Own = OwnOptions<HumanTaskOptions> & {
  variant: "approval" | "options" | "branch" | "entry";
  options?: readonly string[] | Readonly<Record<string, SetupHandle>>;
  defaults?: string | readonly string[];
  multiple?: boolean;
  ignoreDownstreamTriggerRules?: boolean;
  failOnReject?: boolean;
};
const KEYS = ["variant", "subject", "body", "params", "responseTimeout", "options", "defaults", "multiple", "ignoreDownstreamTriggerRules", "failOnReject"] as const;
const complete: Complete<(typeof KEYS)[number], Own> = true;
const conforms: Conforms<Own, FieldsOf<"hitl">, {}, "optionsMapping"> = true;
void complete, conforms;

export const hitl: KindBuilder<"hitl", Own> = {
  keys: KEYS,
  config: (own) => {
    const mapping = own.options && !Array.isArray(own.options) ? (own.options as Readonly<Record<string, SetupHandle>>) : undefined;
    return {
      config: {
        kind: "hitl",
        variant: own.variant,
        subject: own.subject,
        ...defined({
          body: own.body,
          options: mapping ? Object.keys(mapping) : own.options && [...(own.options as readonly string[])],
          optionsMapping: mapping && Object.fromEntries(Object.entries(mapping).map(([label, target]) => [label, target.id])),
          defaults: own.defaults === undefined ? undefined : typeof own.defaults === "string" ? [own.defaults] : [...own.defaults],
          multiple: own.multiple,
          params: own.params && (copy(own.params) as Record<string, JsonValue>),
          responseTimeout: own.responseTimeout,
          ignoreDownstreamTriggerRules: own.ignoreDownstreamTriggerRules,
          failOnReject: own.failOnReject,
        }),
      },
    };
  },
};
