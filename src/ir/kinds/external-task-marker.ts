/** Clear a task of another DAG when this task is cleared (Airflow's ExternalTaskMarker). */
import { z } from "zod";
import { DagReference } from "../common.js";

export const ExternalTaskMarkerConfig = z
  .object({
    kind: z.literal("external_task_marker"),
    externalDag: DagReference,
    externalTask: z.string(),
    /** The DAG lives outside this project, so it cannot be checked. */
    external: z.boolean().optional(),
    /** The other run's logical date, Jinja allowed (`execution_date` on Airflow 2, `logical_date` on 3). */
    logicalDate: z.string().optional(),
    recursionDepth: z.number().optional(),
  })
  .strict();
export type ExternalTaskMarkerConfig = z.infer<typeof ExternalTaskMarkerConfig>;
