/** A task that does nothing (Airflow's EmptyOperator). */
import { z } from "zod";

export const EmptyConfig = z.object({ kind: z.literal("empty") }).strict();
export type EmptyConfig = z.infer<typeof EmptyConfig>;
