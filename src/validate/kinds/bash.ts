/** A Bash task: what it maps over. */
import { about, type KindRule } from "../context.js";
import { checkMappedLists, checkOutputSources, checkReturnValues } from "./mapping.js";

export const checkBash: KindRule<"bash"> = (task, context) => {
  const { expand } = task.ir.config;
  const command = expand?.command;
  return [
    ...checkMappedLists(task, [Array.isArray(command) ? command : undefined, expand?.env]),
    ...checkOutputSources(about(task), task.ir.location, command && !Array.isArray(command) ? [command] : [], context),
    ...checkReturnValues(about(task), task.ir.location, command && !Array.isArray(command) ? [command] : []),
  ];
};
