/**
 * Python callables through the generated `_Callable` helper, which imports "module:function"
 * only when the task runs and shows Airflow the function's own signature: the operator's
 * `op_kwargs` are the function's keyword arguments, as in a hand-written DAG.
 */
import type { JsonValue } from "../../../ir/common.js";
import { call, code, literal, type PyExpr } from "../../python/expr.js";
import type { EmitContext } from "../context.js";
import { kw, type Keyword } from "../keywords.js";

/** `_Callable("module:function")`, with the names of outputs carried as positional arguments. */
export function lazyCallable(callable: string, carried: readonly string[] = []): PyExpr {
  return call("_Callable", [literal(callable), ...(carried.length ? [{ name: "outputs", value: { kind: "list" as const, items: carried.map((name) => literal(name)) } }] : [])]);
}

/** An upstream task's output (its XCom) as Python: `task.output`. */
export function outputOf(source: string, { names }: EmitContext): PyExpr {
  return code(`${names.get(source)}.output`);
}

/**
 * Keyword arguments as a dict: literal values, then upstream outputs (XComArgs that Airflow
 * resolves when the task runs), then `overrides` (one mapped instance's arguments).
 */
export function kwargsDict(
  kwargs: Record<string, JsonValue> | undefined,
  outputs: Record<string, string> | undefined,
  context: EmitContext,
  overrides: Record<string, JsonValue> = {},
): PyExpr {
  const entries = new Map<string, PyExpr>();
  for (const [key, value] of Object.entries(kwargs ?? {})) entries.set(key, literal(value));
  for (const [key, source] of Object.entries(outputs ?? {})) entries.set(key, outputOf(source, context));
  for (const [key, value] of Object.entries(overrides)) entries.set(key, literal(value));
  return { kind: "dict", entries: [...entries].map(([key, value]): [PyExpr, PyExpr] => [literal(key), value]) };
}

/** `python_callable` and `op_kwargs` of a task that calls one function with its arguments. */
export function callableKeywords(callable: string, kwargs: Record<string, JsonValue> | undefined, context: EmitContext, outputs?: Record<string, string>): Keyword[] {
  const given = Object.keys(kwargs ?? {}).length + Object.keys(outputs ?? {}).length > 0;
  return [...kw("python_callable", lazyCallable(callable)), ...kw("op_kwargs", given ? kwargsDict(kwargs, outputs, context) : undefined)];
}
