/** Wait for a task or a run of another DAG (Airflow's ExternalTaskSensor). */
import { z } from "zod";
import { DagReference } from "../common.js";
import { DurationText } from "../common.js";
import { SensorFields } from "./sensor.js";

export const ExternalTaskSensorConfig = z
  .object({
    kind: z.literal("external_task_sensor"),
    externalDag: DagReference,
    externalTask: z.string().optional(),
    /** The DAG lives outside this project, so it cannot be checked. */
    external: z.boolean().optional(),
    executionDelta: DurationText.optional(),
    externalTaskGroup: z.string().optional(),
    allowedStates: z.array(z.string()).optional(),
    failedStates: z.array(z.string()).optional(),
    skippedStates: z.array(z.string()).optional(),
    ...SensorFields,
  })
  .strict();
export type ExternalTaskSensorConfig = z.infer<typeof ExternalTaskSensorConfig>;
