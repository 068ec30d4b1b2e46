/** `d.externalTaskMarker`: the DAG (`dag`, kept as `externalDag`) and task (`task`, kept as `externalTask`) it clears. */
import type { FieldsOf } from "../../ir/kinds/index.js";
import type { ExternalTaskMarkerOptions } from "../types.js";
import type { Complete, Conforms } from "../conformance.js";
import { defined, type KindBuilder, type OwnOptions } from "./types.js";
import { isExternal } from "./other-dag.js";

type Own = OwnOptions<ExternalTaskMarkerOptions>;
const KEYS = ["dag", "task", "logicalDate", "recursionDepth"] as const;
const complete: Complete<(typeof KEYS)[number], Own> = true;
const RENAMES = { dag: "externalDag", task: "externalTask" } as const;
const conforms: Conforms<Own, FieldsOf<"external_task_marker">, typeof RENAMES, "external"> = true;
void complete, conforms;

export const externalTaskMarker: KindBuilder<"external_task_marker", Own> = {
  keys: KEYS,
  renames: RENAMES,
  config: (own) => ({
    config: {
      kind: "external_task_marker",
      externalDag: own.dag?.id,
      externalTask: own.task,
      ...defined({ external: isExternal(own.dag) || undefined, logicalDate: own.logicalDate, recursionDepth: own.recursionDepth }),
    },
  }),
};
