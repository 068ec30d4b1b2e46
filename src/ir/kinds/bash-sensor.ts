/** Wait until a shell command exits 0 (Airflow's BashSensor). */
import { z } from "zod";
import { SensorFields } from "./sensor.js";

export const BashSensorConfig = z
  .object({
    kind: z.literal("bash_sensor"),
    command: z.string(),
    env: z.record(z.string(), z.string()).optional(),
    outputEncoding: z.string().optional(),
    retryExitCode: z.number().optional(),
    ...SensorFields,
  })
  .strict();
export type BashSensorConfig = z.infer<typeof BashSensorConfig>;
