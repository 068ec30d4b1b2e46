/**
 * Any other operator, by import path, with its arguments: the escape hatch. Arguments are JSON;
 * a dict tagged "$py" (what the DSL's `py.*` helpers make) stands for a Python value that is
 * not JSON: a timedelta, a date, a time, a datetime or a lazily imported callable
 * (src/values/python.ts reads them).
 */
import { z } from "zod";
import { JsonObject } from "../common.js";

export const OperatorConfig = z.object({ kind: z.literal("operator"), import: z.string(), args: JsonObject }).strict();
export type OperatorConfig = z.infer<typeof OperatorConfig>;
