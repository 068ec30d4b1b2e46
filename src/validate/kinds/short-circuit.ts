/** A short-circuit: its callable. */
import { checkCallable } from "../callables.js";
import { about, type KindRule } from "../context.js";

export const checkShortCircuit: KindRule<"short_circuit"> = (task) => checkCallable(about(task), task.ir.config.callable, task.ir.location);
