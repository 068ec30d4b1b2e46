/** A Python task: its callable, what it maps over, and the outputs it takes as arguments. */
import { checkCallable } from "../callables.js";
import { about, type KindRule } from "../context.js";
import { checkMappedLists, checkOutputSources } from "./mapping.js";

export const checkPython: KindRule<"python"> = (task, context) => {
  const { config } = task.ir;
  return [
    ...checkCallable(about(task), config.callable, task.ir.location),
    ...checkMappedLists(task, [config.expand?.kwargs]),
    ...checkOutputSources(task, Object.values(config.kwargsFromOutputs ?? {}), context),
  ];
};
