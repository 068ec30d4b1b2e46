/** Any other operator, by import path, with JSON arguments: the escape hatch. */
import { z } from "zod";
import { JsonObject } from "../common.js";

export const OperatorConfig = z.object({ kind: z.literal("operator"), import: z.string(), args: JsonObject }).strict();
export type OperatorConfig = z.infer<typeof OperatorConfig>;
