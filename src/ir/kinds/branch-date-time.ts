/** Follow one set of tasks or another by whether now is between two times (Airflow's BranchDateTimeOperator). */
import { z } from "zod";

export const BranchDateTimeConfig = z
  .object({
    kind: z.literal("branch_date_time"),
    /** A time of day ("HH:MM[:SS]") or a UTC date; one bound at least (DW161). */
    targetLower: z.string().optional(),
    targetUpper: z.string().optional(),
    /** Ids of the tasks and groups followed inside the bounds. */
    followIfTrue: z.array(z.string()),
    /** Ids of the tasks and groups followed outside them. */
    followIfFalse: z.array(z.string()),
    useTaskLogicalDate: z.boolean().optional(),
  })
  .strict();
export type BranchDateTimeConfig = z.infer<typeof BranchDateTimeConfig>;
