/** DW164, DW304, DW120-DW121: a function run by another interpreter, its argument names, and a branch's targets. */
import { PYTHON_KEYWORDS } from "../../capabilities/index.js";
import { diagnose, type Diagnostic } from "../../diagnostics/index.js";
import type { ResolvedTaskOf } from "../../ir/resolved.js";
import { checkCallable } from "../callables.js";
import { about, type RuleContext } from "../context.js";
import { checkBranchTargets } from "./branch-targets.js";

export function checkOtherInterpreter(task: ResolvedTaskOf<"python_virtualenv" | "external_python">, context: RuleContext): Diagnostic[] {
  const { config } = task.ir;
  const diagnostics: Diagnostic[] = [...checkCallable(about(task), config.callable, task.ir.location)];
  for (const argument of Object.keys(config.kwargs ?? {})) {
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(argument) || PYTHON_KEYWORDS.has(argument)) {
      diagnostics.push(diagnose("DW164", { ...about(task), argument }, task.ir.location));
    }
  }
  if (config.targets) diagnostics.push(...checkBranchTargets(task, config.targets, context));
  return diagnostics;
}
