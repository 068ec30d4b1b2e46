/** A shell command (Airflow's BashOperator). */
import { z } from "zod";
import { TaskOutput } from "../common.js";

export const BashConfig = z
  .object({
    kind: z.literal("bash"),
    command: z.string(),
    env: z.record(z.string(), z.string()).optional(),
    /** Whether env is added to the worker's environment or replaces it (Airflow's append_env). */
    appendEnv: z.boolean().optional(),
    cwd: z.string().optional(),
    /** Dynamic task mapping: one task instance per command or per environment. */
    expand: z
      .object({ command: z.union([z.array(z.string()), TaskOutput]).optional(), env: z.array(z.record(z.string(), z.string())).optional() })
      .strict()
      .optional(),
  })
  .strict();
export type BashConfig = z.infer<typeof BashConfig>;
