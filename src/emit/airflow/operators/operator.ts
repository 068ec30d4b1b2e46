/** The escape hatch: any operator class by its import path, with JSON arguments under their own names. */
import { literal } from "../../python/expr.js";
import { elsewhere } from "../keywords.js";
import type { OperatorEmitter } from "./types.js";

export const operator: OperatorEmitter<"operator"> = {
  operator: (t) => ({ import: t.ir.config.import }),
  fields: {
    import: elsewhere("the operator class, imported from its module"),
    args: (t) => Object.entries(t.ir.config.args).map(([name, value]) => ({ name, value: literal(value) })),
  },
};
