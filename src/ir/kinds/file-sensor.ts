/** Wait for a file or folder (Airflow's FileSensor). */
import { z } from "zod";
import { SensorFields } from "./sensor.js";

export const FileSensorConfig = z
  .object({ kind: z.literal("file_sensor"), filepath: z.string(), fsConnId: z.string().optional(), recursive: z.boolean().optional(), ...SensorFields })
  .strict();
export type FileSensorConfig = z.infer<typeof FileSensorConfig>;
