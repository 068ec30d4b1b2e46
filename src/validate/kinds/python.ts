/**
 * A Python task: its callable, what it maps over, the outputs and group arguments it takes, and
 * the context it declares (DW151, DW152, DW156).
 */
import type { Capabilities } from "../../capabilities/index.js";
import type { TaskOutput } from "../../ir/common.js";
import { diagnose, type Diagnostic } from "../../diagnostics/index.js";
import { checkCallable } from "../callables.js";
import { about, type KindRule, type TaskOf } from "../context.js";
import { checkMappedArguments, checkMappedLists, checkOutputSources, checkReturnValues } from "./mapping.js";

/** What a removed context value became, for the hint. */
const REPLACEMENTS: Readonly<Record<string, string>> = {
  execution_date: "logical_date",
  triggering_dataset_events: "triggering_asset_events",
  triggering_asset_events: "triggering_dataset_events",
};

export const checkPython: KindRule<"python"> = (task, context) => {
  const { config } = task.ir;
  const { expand } = config;
  const outputs: TaskOutput[] = Object.values(config.kwargsAtRunTime ?? {}).filter((value): value is TaskOutput => "output" in value);
  if (expand && "kwargsFrom" in expand) outputs.push(expand.kwargsFrom);
  const mappedOver = expand && "kwargsFrom" in expand ? [expand.kwargsFrom] : [];
  return [
    ...checkCallable(about(task), config.callable, task.ir.location),
    ...checkMappedLists(task, [expand && "kwargs" in expand ? expand.kwargs : undefined]),
    ...(expand && "arguments" in expand ? checkMappedArguments(about(task), task.ir.location, expand.arguments, context, false) : []),
    ...checkOutputSources(about(task), task.ir.location, outputs, context),
    ...checkReturnValues(about(task), task.ir.location, mappedOver),
    ...checkContext(task, context.capabilities),
    ...checkKwargsArgument(task),
  ];
};

/** `expand: { kwargs: [{...}] }` maps an argument named kwargs; sets of arguments are expandKwargs (DW156). */
function checkKwargsArgument(task: TaskOf<"python">): Diagnostic[] {
  const expand = task.ir.config.expand;
  const source = expand && "arguments" in expand ? expand.arguments.kwargs : undefined;
  const dicts = source && "values" in source && source.values.length > 0 && source.values.every((value) => typeof value === "object" && value !== null && !Array.isArray(value));
  return dicts ? [diagnose("DW156", about(task), task.ir.location)] : [];
}

/** Declared context values exist on the target, and no keyword argument replaces one. */
function checkContext(task: TaskOf<"python">, { contextKeys: available, target }: Capabilities): Diagnostic[] {
  const { config } = task.ir;
  const expand = config.expand;
  const argumentNames = new Set([
    ...Object.keys(config.kwargs ?? {}),
    ...Object.keys(config.kwargsAtRunTime ?? {}),
    ...(expand && "arguments" in expand ? Object.keys(expand.arguments) : []),
    ...(expand && "kwargs" in expand ? expand.kwargs.flatMap(Object.keys) : []),
  ]);
  return (config.context ?? []).flatMap((key) => [
    ...(available.has(key as never) ? [] : [diagnose("DW151", { ...about(task), key, airflow: target, ...(REPLACEMENTS[key] && available.has(REPLACEMENTS[key] as never) ? { replacement: REPLACEMENTS[key] } : {}) }, task.ir.location)]),
    ...(argumentNames.has(key) ? [diagnose("DW152", { ...about(task), key }, task.ir.location)] : []),
  ]);
}
