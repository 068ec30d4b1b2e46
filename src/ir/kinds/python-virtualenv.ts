/**
 * A Python function run in a virtual environment Airflow builds for the task
 * (PythonVirtualenvOperator, or BranchPythonVirtualenvOperator with targets).
 */
import { z } from "zod";
import { Callable, JsonObject } from "../common.js";

/** What both kinds that run a function in another interpreter have. */
export const OtherInterpreterFields = {
  /** "package.module:function", imported inside the other interpreter by a generated function. */
  callable: Callable,
  kwargs: JsonObject.optional(),
  /** With targets, a branch: the callable returns which of them run next. */
  targets: z.array(z.string()).optional(),
  expectAirflow: z.boolean().optional(),
  skipOnExitCode: z.array(z.number()).optional(),
};

export const PythonVirtualenvConfig = z
  .object({
    kind: z.literal("python_virtualenv"),
    ...OtherInterpreterFields,
    requirements: z.array(z.string()).optional(),
    pythonVersion: z.string().optional(),
    systemSitePackages: z.boolean().optional(),
    pipInstallOptions: z.array(z.string()).optional(),
    indexUrls: z.array(z.string()).optional(),
    venvCacheDir: z.string().optional(),
  })
  .strict();
export type PythonVirtualenvConfig = z.infer<typeof PythonVirtualenvConfig>;
