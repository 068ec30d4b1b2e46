/** ExternalPythonOperator (BranchExternalPythonOperator with targets) through a generated caller function. */
import { literal } from "../../python/expr.js";
import { kw } from "../keywords.js";
import { callerLines, otherInterpreterKeywords } from "./other-interpreter.js";
import type { OperatorEmitter } from "./types.js";

export const externalPython: OperatorEmitter<"external_python"> = {
  operator: (t) => (t.ir.config.targets ? "BranchExternalPythonOperator" : "ExternalPythonOperator"),
  prelude: callerLines,
  fields: {
    python: (t) => kw("python", literal(t.ir.config.python)),
    ...otherInterpreterKeywords(),
  },
};
