/** Wait until a time after the run's data interval (Airflow's TimeDeltaSensor). */
import { z } from "zod";
import { DurationText } from "../common.js";
import { SensorFields } from "./sensor.js";

export const TimeDeltaSensorConfig = z.object({ kind: z.literal("time_delta_sensor"), delta: DurationText, ...SensorFields }).strict();
export type TimeDeltaSensorConfig = z.infer<typeof TimeDeltaSensorConfig>;
