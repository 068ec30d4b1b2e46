/** Wait until a moment (Airflow's DateTimeSensor). */
import { z } from "zod";
import { SensorFields } from "./sensor.js";

export const DateTimeSensorConfig = z.object({ kind: z.literal("date_time_sensor"), targetTime: z.string(), ...SensorFields }).strict();
export type DateTimeSensorConfig = z.infer<typeof DateTimeSensorConfig>;
