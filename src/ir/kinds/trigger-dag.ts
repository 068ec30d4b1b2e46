/** Start a run of another DAG (Airflow's TriggerDagRunOperator). */
import { z } from "zod";
import { DagReference } from "../common.js";
import { DurationText, JsonObject } from "../common.js";

export const TriggerDagConfig = z
  .object({
    kind: z.literal("trigger_dag"),
    targetDag: DagReference,
    /** The DAG lives outside this project, so it cannot be checked. */
    external: z.boolean().optional(),
    conf: JsonObject.optional(),
    waitForCompletion: z.boolean().optional(),
    pokeInterval: DurationText.optional(),
  })
  .strict();
export type TriggerDagConfig = z.infer<typeof TriggerDagConfig>;
