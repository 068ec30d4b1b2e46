/** A branch: a Python function returns which targets run next (Airflow's BranchPythonOperator). */
import { z } from "zod";
import { Callable, JsonObject } from "../common.js";

export const BranchConfig = z
  .object({
    kind: z.literal("branch"),
    callable: Callable,
    kwargs: JsonObject.optional(),
    /** Ids of the tasks and groups the callable may choose. */
    targets: z.array(z.string()),
  })
  .strict();
export type BranchConfig = z.infer<typeof BranchConfig>;
