/** A short-circuit: a falsy result skips what follows (Airflow's ShortCircuitOperator). */
import { z } from "zod";
import { Callable, JsonObject } from "../common.js";

export const ShortCircuitConfig = z
  .object({ kind: z.literal("short_circuit"), callable: Callable, kwargs: JsonObject.optional(), ignoreDownstreamTriggerRules: z.boolean().optional() })
  .strict();
export type ShortCircuitConfig = z.infer<typeof ShortCircuitConfig>;
