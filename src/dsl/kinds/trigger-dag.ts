/** `d.triggerDag`: the DAG it starts (`dag`, kept as `targetDag`), its conf, and whether to wait. */
import type { JsonValue } from "../../ir/common.js";
import type { FieldsOf } from "../../ir/kinds/index.js";
import type { TriggerDagOptions } from "../types.js";
import type { Complete, Conforms } from "../conformance.js";
import { isExternal } from "./other-dag.js";
import { copy, defined, type KindBuilder, type OwnOptions } from "./types.js";

type Own = OwnOptions<TriggerDagOptions>;
const KEYS = ["dag", "conf", "waitForCompletion", "pokeInterval"] as const;
const complete: Complete<(typeof KEYS)[number], Own> = true;
const RENAMES = { dag: "targetDag" } as const;
const conforms: Conforms<Own, FieldsOf<"trigger_dag">, typeof RENAMES, "external"> = true;
void complete, conforms;

export const triggerDag: KindBuilder<"trigger_dag", Own> = {
  keys: KEYS,
  renames: RENAMES,
  config: ({ dag, conf, waitForCompletion, pokeInterval }) => ({
    config: {
      kind: "trigger_dag",
      targetDag: dag?.id,
      ...defined({ external: isExternal(dag) || undefined, conf: conf && (copy(conf) as Record<string, JsonValue>), waitForCompletion, pokeInterval }),
    },
  }),
};
