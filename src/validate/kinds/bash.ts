/** A Bash task: what it maps over. */
import type { KindRule } from "../context.js";
import { checkMappedLists, checkOutputSources } from "./mapping.js";

export const checkBash: KindRule<"bash"> = (task, context) => {
  const { expand } = task.ir.config;
  const command = expand?.command;
  return [
    ...checkMappedLists(task, [Array.isArray(command) ? command : undefined, expand?.env]),
    ...checkOutputSources(task, command && !Array.isArray(command) ? [command.output] : [], context),
  ];
};
