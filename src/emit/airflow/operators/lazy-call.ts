/**
 * Python callables through the generated `_Callable` helper, which imports "module:function"
 * only when the task runs and shows Airflow the function's own signature: the operator's
 * `op_kwargs` are the function's keyword arguments, as in a hand-written DAG.
 */
import type { JsonValue, MappedValues, RunTimeValue, TaskOutput } from "../../../ir/common.js";
import { call, code, literal, stringLiteral, type PyArg, type PyExpr } from "../../python/expr.js";
import type { EmitContext } from "../context.js";
import { kw, type Keyword } from "../keywords.js";

/**
 * `_Callable("module:function")`, with the names of keyword arguments that arrive as its first
 * positional arguments, and the context values its task declares.
 */
export function lazyCallable(callable: string, keywords: readonly string[] = [], context: readonly string[] = []): PyExpr {
  const names = (items: readonly string[]) => ({ kind: "list" as const, items: items.map((name) => literal(name)) });
  const args: PyArg[] = [{ value: literal(callable) }];
  if (keywords.length) args.push({ name: "keywords", value: names(keywords) });
  if (context.length) args.push({ name: "context", value: names(context) });
  return call("_Callable", args);
}

/** An upstream task's output (its XCom) as Python: `task.output`, or `task.output["key"]` for one key. */
export function outputOf(source: TaskOutput, { names }: EmitContext): PyExpr {
  return code(`${names.get(source.output)}.output${source.key === undefined ? "" : `[${stringLiteral(source.key)}]`}`);
}

/** A value known when the task runs: an upstream output, or the mapped group's argument (its function's parameter). */
export function runTimeValue(value: RunTimeValue, context: EmitContext): PyExpr {
  return "output" in value ? outputOf(value, context) : code(value.argument);
}

/** What a mapped argument takes its values from: a literal list, an output, or outputs one after the other. */
export function mappedSource(source: MappedValues, context: EmitContext): PyExpr {
  if ("values" in source) return literal(source.values);
  const [first, ...rest] = source.outputs.map((output) => (outputOf(output, context) as { text: string }).text);
  return code(rest.length ? `${first}.concat(${rest.join(", ")})` : first!);
}

/**
 * Keyword arguments as a dict: literal values, then run-time values (XComArgs and group
 * arguments that Airflow resolves when the task runs), then `overrides` (one mapped instance's).
 */
export function kwargsDict(
  kwargs: Record<string, JsonValue> | undefined,
  atRunTime: Record<string, RunTimeValue> | undefined,
  context: EmitContext,
  overrides: Record<string, JsonValue> = {},
): PyExpr {
  const entries = new Map<string, PyExpr>();
  for (const [key, value] of Object.entries(kwargs ?? {})) entries.set(key, literal(value));
  for (const [key, value] of Object.entries(atRunTime ?? {})) entries.set(key, runTimeValue(value, context));
  for (const [key, value] of Object.entries(overrides)) entries.set(key, literal(value));
  return { kind: "dict", entries: [...entries].map(([key, value]): [PyExpr, PyExpr] => [literal(key), value]) };
}

/** `python_callable` and `op_kwargs` of a task that calls one function with its arguments. */
export function callableKeywords(
  callable: string,
  kwargs: Record<string, JsonValue> | undefined,
  context: EmitContext,
  atRunTime?: Record<string, RunTimeValue>,
  declaredContext: readonly string[] = [],
): Keyword[] {
  const given = Object.keys(kwargs ?? {}).length + Object.keys(atRunTime ?? {}).length > 0;
  return [...kw("python_callable", lazyCallable(callable, [], declaredContext)), ...kw("op_kwargs", given ? kwargsDict(kwargs, atRunTime, context) : undefined)];
}
