/** A Python function run by another, existing interpreter (ExternalPythonOperator, or BranchExternalPythonOperator with targets). */
import { z } from "zod";
import { OtherInterpreterFields } from "./python-virtualenv.js";

export const ExternalPythonConfig = z
  .object({ kind: z.literal("external_python"), python: z.string(), ...OtherInterpreterFields })
  .strict();
export type ExternalPythonConfig = z.infer<typeof ExternalPythonConfig>;
