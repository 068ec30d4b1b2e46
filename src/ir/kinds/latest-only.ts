/** Skip what follows unless the run is the latest one (Airflow's LatestOnlyOperator). */
import { z } from "zod";

export const LatestOnlyConfig = z.object({ kind: z.literal("latest_only") }).strict();
export type LatestOnlyConfig = z.infer<typeof LatestOnlyConfig>;
