/** A Python function of the team's own package (Airflow's PythonOperator). */
import { z } from "zod";
import { Callable, JsonObject } from "../common.js";

export const PythonConfig = z
  .object({
    kind: z.literal("python"),
    /** "package.module:function", imported when the task runs. */
    callable: Callable,
    kwargs: JsonObject.optional(),
    /** Keyword arguments that take an upstream task's output (its XCom): argument name to task id. */
    kwargsFromOutputs: z.record(z.string(), z.string()).optional(),
    /** Dynamic task mapping: one task instance per set of keyword arguments. */
    expand: z.object({ kwargs: z.array(JsonObject) }).strict().optional(),
  })
  .strict();
export type PythonConfig = z.infer<typeof PythonConfig>;
