/** Wait until the day of the week is one of some days (Airflow's DayOfWeekSensor). */
import { z } from "zod";
import { SensorFields } from "./sensor.js";
import { WeekDays } from "./weekday.js";

export const DayOfWeekSensorConfig = z
  .object({ kind: z.literal("day_of_week_sensor"), weekDay: WeekDays, useTaskLogicalDate: z.boolean().optional(), ...SensorFields })
  .strict();
export type DayOfWeekSensorConfig = z.infer<typeof DayOfWeekSensorConfig>;
