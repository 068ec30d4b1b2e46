/** A function run in a virtual environment: see other-interpreter.ts. */
import type { KindRule } from "../context.js";
import { checkOtherInterpreter } from "./other-interpreter.js";

export const checkPythonVirtualenv: KindRule<"python_virtualenv"> = (task, context) => checkOtherInterpreter(task, context);
