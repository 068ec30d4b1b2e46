/**
 * Python callables called through the generated `_call` helper, which imports "module:function"
 * only when the task runs: its `op_kwargs` hold the target and the keyword arguments.
 */
import type { JsonValue } from "../../../ir/common.js";
import { code, literal, type PyExpr } from "../../python/expr.js";

/**
 * `{"target": ..., "kwargs": {...}}`: literal arguments, then upstream outputs (XComArgs that
 * Airflow resolves when the task runs), then `overrides` (one mapped instance's arguments).
 */
export function lazyKwargs(
  callable: string,
  kwargs: Record<string, JsonValue> | undefined,
  outputs: Record<string, string> | undefined,
  names: ReadonlyMap<string, string>,
  overrides: Record<string, JsonValue> = {},
): PyExpr {
  const entries = new Map<string, PyExpr>();
  for (const [key, value] of Object.entries(kwargs ?? {})) entries.set(key, literal(value));
  for (const [key, source] of Object.entries(outputs ?? {})) entries.set(key, code(`${names.get(source)}.output`));
  for (const [key, value] of Object.entries(overrides)) entries.set(key, literal(value));
  return {
    kind: "dict",
    entries: [
      [literal("target"), literal(callable)],
      [literal("kwargs"), { kind: "dict", entries: [...entries].map(([key, value]): [PyExpr, PyExpr] => [literal(key), value]) }],
    ],
  };
}
