/** Follow one set of tasks or another by the day of the week (Airflow's BranchDayOfWeekOperator). */
import { z } from "zod";
import { WeekDays } from "./weekday.js";

export const BranchDayOfWeekConfig = z
  .object({
    kind: z.literal("branch_day_of_week"),
    weekDay: WeekDays,
    followIfTrue: z.array(z.string()),
    followIfFalse: z.array(z.string()),
    useTaskLogicalDate: z.boolean().optional(),
  })
  .strict();
export type BranchDayOfWeekConfig = z.infer<typeof BranchDayOfWeekConfig>;
