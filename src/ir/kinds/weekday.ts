/** Days of the week as Airflow's WeekDay takes them by name. */
import { z } from "zod";

export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;
export const Weekday = z.enum(WEEKDAYS);
export type Weekday = z.infer<typeof Weekday>;
/** One day, or a set of days. */
export const WeekDays = z.union([Weekday, z.array(Weekday)]);
