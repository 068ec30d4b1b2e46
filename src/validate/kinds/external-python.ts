/** A function run with another interpreter: see other-interpreter.ts. */
import type { KindRule } from "../context.js";
import { checkOtherInterpreter } from "./other-interpreter.js";

export const checkExternalPython: KindRule<"external_python"> = (task, context) => checkOtherInterpreter(task, context);
