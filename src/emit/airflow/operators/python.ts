/**
 * PythonOperator through the lazy `_Callable` helper.
 *
 * A mapped task keeps its constant arguments in partial() and maps op_kwargs in expand(): over
 * a literal list of keyword-argument sets (constants merged in, so Airflow renders their Jinja),
 * or over an upstream output, turned into keyword-argument sets by a small generated function
 * (`output.map(fn)`). Outputs, and constants beside an output-mapped op_kwargs, travel in
 * partial()'s op_args, which Airflow renders and never maps over; the helper hands them to the
 * function by name.
 */
import type { JsonValue, MappedValues, RunTimeValue } from "../../../ir/common.js";
import type { ResolvedTaskOf } from "../../../ir/resolved.js";
import { code, literal, type PyExpr } from "../../python/expr.js";
import { statement } from "../../python/layout.js";
import type { EmitContext } from "../context.js";
import { elsewhere, kw, type Keyword } from "../keywords.js";
import { kwargsDict, lazyCallable, mappedSource, runTimeValue } from "./lazy-call.js";
import type { OperatorEmitter } from "./types.js";

type PythonTask = ResolvedTaskOf<"python">;

export const python: OperatorEmitter<"python"> = {
  operator: () => "PythonOperator",
  helpers: ["python_callable"],
  prelude: (task, context) => {
    const mapper = kwargsMapper(task);
    if (!mapper) return [];
    const name = context.names.get(`kwargs:${task.id}`)!;
    const body: PyExpr = { kind: "dict", entries: [[literal(mapper.argument), code("value")]] };
    return [`def ${name}(value):`, `    """One instance's keyword arguments, from one item of the list it maps over."""`, statement(body, "    ", "return "), ""];
  },
  fields: {
    callable: (task, context) => callableFields(task, context),
    args: elsewhere("op_args, written with the callable (after the carried arguments of a mapped task)"),
    kwargs: elsewhere("op_kwargs, written with the callable (in every mapped instance, or carried in op_args, when mapped)"),
    kwargsAtRunTime: elsewhere("XComArgs and group arguments in op_kwargs, or for a mapped task in partial()'s op_args, written with the callable"),
    context: elsewhere("_Callable(..., context=[...]), which checks the function takes them when the task runs"),
    expand: elsewhere("the mapped op_kwargs of expand(), written with the callable"),
    templatesDict: ({ ir: { config } }) => kw("templates_dict", config.templatesDict && literal(config.templatesDict)),
    templatesExts: ({ ir: { config } }) => kw("templates_exts", config.templatesExts && literal(config.templatesExts)),
    multipleOutputs: ({ ir: { config } }) => kw("multiple_outputs", config.multipleOutputs === undefined ? undefined : literal(config.multipleOutputs)),
    showReturnValueInLogs: ({ ir: { config } }) => kw("show_return_value_in_logs", config.showReturnValueInLogs === undefined ? undefined : literal(config.showReturnValueInLogs)),
  },
};

/** When op_kwargs maps one argument over an output: that argument, whose values become keyword-argument sets. */
function kwargsMapper({ ir: { config } }: PythonTask): { argument: string } | undefined {
  const expand = config.expand;
  if (!expand) return undefined;
  if ("arguments" in expand) {
    const entries = Object.entries(expand.arguments);
    return entries.length === 1 && "outputs" in entries[0]![1] ? { argument: entries[0]![0] } : undefined;
  }
  return undefined;
}

function callableFields(task: PythonTask, context: EmitContext): Keyword[] {
  const { config } = task.ir;
  const declared = config.context ?? [];
  const args = config.args ?? [];
  if (!config.expand) {
    const given = Object.keys(config.kwargs ?? {}).length + Object.keys(config.kwargsAtRunTime ?? {}).length > 0;
    return [
      ...kw("python_callable", lazyCallable(config.callable, [], declared)),
      ...kw("op_args", args.length ? literal(args) : undefined),
      ...kw("op_kwargs", given ? kwargsDict(config.kwargs, config.kwargsAtRunTime, context) : undefined),
    ];
  }
  const expand = config.expand;
  // Literal sets take the constants into each set; mapping over an output carries them in op_args.
  const mergesConstants = "kwargs" in expand || ("arguments" in expand && Object.values(expand.arguments).every((source) => "values" in source));
  const carried: Array<[string, PyExpr]> = [
    ...Object.entries(config.kwargsAtRunTime ?? {}).map(([name, value]): [string, PyExpr] => [name, runTimeValue(value as RunTimeValue, context)]),
    ...(mergesConstants ? [] : Object.entries(config.kwargs ?? {}).map(([name, value]): [string, PyExpr] => [name, literal(value)])),
  ];
  const constants = mergesConstants ? config.kwargs : undefined;
  const opArgs = [...carried.map(([, value]) => value), ...args.map((arg) => literal(arg))];
  return [
    ...kw("python_callable", lazyCallable(config.callable, carried.map(([name]) => name), declared)),
    ...kw("op_args", opArgs.length ? { kind: "list", items: opArgs } : undefined),
    ...kw("op_kwargs", mappedKwargs(task, constants, context), true),
  ];
}

/** What expand(op_kwargs=...) maps over. */
function mappedKwargs(task: PythonTask, constants: Record<string, JsonValue> | undefined, context: EmitContext): PyExpr {
  const expand = task.ir.config.expand!;
  if ("kwargs" in expand) return { kind: "list", items: expand.kwargs.map((entry) => kwargsDict(constants, undefined, context, entry)) };
  if ("kwargsFrom" in expand) return mappedSource({ outputs: [expand.kwargsFrom] }, context);
  const entries = Object.entries(expand.arguments);
  if (entries.length === 1 && "outputs" in entries[0]![1]) {
    const source = mappedSource(entries[0]![1], context) as { text: string };
    return code(`${source.text}.map(${context.names.get(`kwargs:${task.id}`)})`);
  }
  // Literal lists only (validation refuses crossing an output): their cross product, last argument fastest, as Airflow's expand.
  return { kind: "list", items: crossProduct(entries as Array<[string, Extract<MappedValues, { values: unknown }>]>).map((entry) => kwargsDict(constants, undefined, context, entry)) };
}

function crossProduct(entries: ReadonlyArray<[string, { values: JsonValue[] }]>): Array<Record<string, JsonValue>> {
  return entries.reduce<Array<Record<string, JsonValue>>>(
    (sets, [name, { values }]) => sets.flatMap((set) => values.map((value) => ({ ...set, [name]: value }))),
    [{}],
  );
}

