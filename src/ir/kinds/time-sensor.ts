/** Wait until a time of day (Airflow's TimeSensor). */
import { z } from "zod";
import { SensorFields } from "./sensor.js";

/** A time of day, "HH:MM" or "HH:MM:SS" (checked by DW160). */
export const TimeOfDay = z.string();

export const TimeSensorConfig = z.object({ kind: z.literal("time_sensor"), targetTime: TimeOfDay, ...SensorFields }).strict();
export type TimeSensorConfig = z.infer<typeof TimeSensorConfig>;
