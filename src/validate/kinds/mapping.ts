/**
 * DW127, DW113, DW150, DW153 and DW155: what a mapped task or group maps over, and the outputs
 * it reads (of a task of the same DAG, that pushes them, with the key it pushes).
 */
import { firstTargetWith } from "../../capabilities/index.js";
import { diagnose, type Diagnostic } from "../../diagnostics/index.js";
import type { Subject } from "../../diagnostics/subjects.js";
import type { Location, MappedValues, TaskOutput } from "../../ir/common.js";
import type { ResolvedTask } from "../../ir/resolved.js";
import { about, type RuleContext } from "../context.js";

/** Airflow's `[core] max_map_length` default: more mapped instances fail the run. */
const MAX_MAP_LENGTH = 1024;

/** Each literal list a task maps over holds 1 to 1024 values. */
export function checkMappedLists(task: ResolvedTask, lists: ReadonlyArray<readonly unknown[] | undefined>): Diagnostic[] {
  return lists.flatMap((list) => (list !== undefined ? checkMapLength(about(task), list.length, task.ir.location) : []));
}

function checkMapLength(where: Subject, count: number, location: Location): Diagnostic[] {
  return count === 0 || count > MAX_MAP_LENGTH ? [diagnose("DW127", { where, count, max: MAX_MAP_LENGTH }, location)] : [];
}

/**
 * Mapped arguments of a task or group: literal lists whose cross product holds 1 to 1024
 * instances, outputs that exist and are pushed, joined only where the target can (concat,
 * 2.10+). `crossesOutputs` says whether an output may be crossed with other arguments: a mapped
 * group's expand can, a classic operator's single mapped keyword cannot (DW153).
 */
export function checkMappedArguments(
  where: Subject,
  location: Location,
  mapped: Readonly<Record<string, MappedValues>>,
  context: RuleContext,
  crossesOutputs: boolean,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const entries = Object.entries(mapped);
  const fromOutputs = entries.filter(([, source]) => "outputs" in source);
  if (!crossesOutputs && fromOutputs.length > 0 && entries.length > 1 && "task" in where) {
    const [first] = fromOutputs[0]!;
    diagnostics.push(diagnose("DW153", { dag: where.dag, task: where.task, outputs: first, others: entries.map(([name]) => name).filter((name) => name !== first) }, location));
  }
  const literal = entries.flatMap(([, source]) => ("values" in source ? [source.values.length] : []));
  if (literal.length) diagnostics.push(...checkMapLength(where, literal.reduce((product, count) => product * count, 1), location));
  for (const [, source] of entries) {
    if (!("outputs" in source)) continue;
    diagnostics.push(...checkOutputSources(where, location, source.outputs, context), ...checkReturnValues(where, location, source.outputs));
    if (source.outputs.length > 1 && !context.capabilities.concatOutputs) {
      const since = firstTargetWith((other) => other.concatOutputs) ?? "a newer version";
      diagnostics.push(diagnose("DW140", { where, feature: "mapping over several outputs (XComArg.concat)", since, target: context.capabilities.target }, location));
    }
  }
  return diagnostics;
}

/** Each output read is of a task of the same DAG that pushes it, with the key it pushes. */
export function checkOutputSources(where: Subject, location: Location, sources: readonly TaskOutput[], { dag }: RuleContext): Diagnostic[] {
  return sources.flatMap((source) => {
    const upstream = dag.task(source.output);
    if (!upstream) return [diagnose("DW113", { where, source: source.output }, location)];
    if (upstream.effective.doXcomPush === false) return [diagnose("DW155", { where, source: source.output }, location)];
    const config = upstream.ir.config;
    if (source.key !== undefined && !(config.kind === "python" && config.multipleOutputs)) {
      return [diagnose("DW150", { where, source: source.output, key: source.key }, location)];
    }
    return [];
  });
}

/** Airflow maps over a task's return value only (DW153 for one key of it). */
export function checkReturnValues(where: Subject, location: Location, sources: readonly TaskOutput[]): Diagnostic[] {
  return sources.flatMap((source) => (source.key === undefined ? [] : [diagnose("DW153", { where, source: source.output, key: source.key }, location)]));
}
