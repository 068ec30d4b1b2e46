/**
 * `d.python`: the callable, its arguments (values, or references that exist only when the task
 * runs: upstream outputs and mapped group arguments, kept apart in `kwargsAtRunTime`), the context
 * it declares, and what it maps over.
 */
import type { JsonValue, MappedValues, RunTimeValue, TaskOutput } from "../../ir/common.js";
import type { FieldsOf } from "../../ir/kinds/index.js";
import type { ConfigOf } from "../../ir/kinds/index.js";
import type { MappedValues as MappedValuesOption, PythonCallOptions, PythonKwargs, TaskOutputRef } from "../types.js";
import { diagnose } from "../../diagnostics/index.js";
import type { Complete, Conforms } from "../conformance.js";
import { DagwrightUsageError } from "../errors.js";
import { callSite } from "../site.js";
import { callableText } from "../bindings.js";
import { copy, defined, isGroupArgument, isOutput, outputRef, type KindBuilder, type OwnOptions } from "./types.js";

/** Every option of a Python task, mapped or not, as the builder receives it. */
type Own = OwnOptions<PythonCallOptions> & {
  kwargs?: Partial<PythonKwargs<Record<string, JsonValue>>>;
  expand?: Record<string, MappedValuesOption<unknown>>;
  expandKwargs?: ReadonlyArray<Record<string, JsonValue>> | TaskOutputRef;
};
const KEYS = ["callable", "args", "kwargs", "context", "multipleOutputs", "templatesDict", "templatesExts", "showReturnValueInLogs", "expand", "expandKwargs"] as const;
const complete: Complete<(typeof KEYS)[number], Own> = true;
const RENAMES = { expandKwargs: "expand" } as const;
const conforms: Conforms<Own, FieldsOf<"python">, typeof RENAMES, "kwargsAtRunTime"> = true;
void complete, conforms;

export const python: KindBuilder<"python", Own> = {
  keys: KEYS,
  renames: RENAMES,
  config: ({ callable, args, kwargs, context, multipleOutputs, templatesDict, templatesExts, showReturnValueInLogs, expand, expandKwargs }) => {
    const uses: string[] = [];
    const entries = Object.entries((kwargs ?? {}) as Record<string, unknown>);
    const atRunTime = entries.filter(([, value]) => isOutput(value) || isGroupArgument(value));
    const values = Object.fromEntries(entries.filter(([, value]) => !isOutput(value) && !isGroupArgument(value)));
    const kwargsAtRunTime = Object.fromEntries(atRunTime.map(([name, value]) => [name, runTimeValue(value, uses)]));
    const config: ConfigOf<"python"> = {
      kind: "python",
      callable: callableText(callable),
      ...defined({
        args: args && copy([...args]),
        kwargs: kwargs === undefined ? undefined : (copy(values) as Record<string, JsonValue>),
        kwargsAtRunTime: atRunTime.length ? kwargsAtRunTime : undefined,
        context: context && [...context],
        multipleOutputs,
        templatesDict: templatesDict && copy(templatesDict),
        templatesExts: templatesExts && [...templatesExts],
        showReturnValueInLogs,
        expand: expandOf(expand, expandKwargs, uses),
      }),
    };
    return { config, uses };
  },
};

function runTimeValue(value: unknown, uses: string[]): RunTimeValue {
  if (isGroupArgument(value)) return { group: value.group, argument: value.argument };
  const ref = outputRef(value as TaskOutputRef);
  uses.push(ref.output);
  return ref;
}

/** What the task maps over, as IR; shapes that fit no form travel on for the IR schema to report (DW004). */
function expandOf(expand: Own["expand"], expandKwargs: Own["expandKwargs"], uses: string[]): ConfigOf<"python">["expand"] {
  if (expandKwargs !== undefined && expand !== undefined) throw new DagwrightUsageError(diagnose("DW153", { both: true }, callSite()));
  if (expandKwargs !== undefined) {
    if (isOutput(expandKwargs)) {
      const kwargsFrom = outputRef(expandKwargs);
      uses.push(kwargsFrom.output);
      return { kwargsFrom };
    }
    return { kwargs: copy([...(expandKwargs as ReadonlyArray<Record<string, JsonValue>>)]) };
  }
  if (expand === undefined) return undefined;
  return { arguments: Object.fromEntries(Object.entries(expand).map(([name, source]) => [name, mappedValues(source, uses)])) };
}

/** A mapped argument's values: a literal list, or outputs (one, or several concatenated). */
export function mappedValues(source: MappedValuesOption<unknown>, uses: string[]): MappedValues {
  const outputs: TaskOutput[] = isOutput(source)
    ? [outputRef(source)]
    : Array.isArray(source) && source.length > 0 && source.every(isOutput)
      ? source.map(outputRef)
      : [];
  if (outputs.length) {
    uses.push(...outputs.map((output) => output.output));
    return { outputs };
  }
  if (Array.isArray(source) && source.some(isOutput)) throw new DagwrightUsageError(diagnose("DW153", { mixed: true }, callSite()));
  return { values: copy([...(source as readonly JsonValue[])]) };
}
