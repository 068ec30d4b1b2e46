/** DW304: Python callables and callbacks are "package.module:function", wherever they are written. */
import { diagnose, type Diagnostic, type Subject } from "../diagnostics/index.js";
import type { Location } from "../ir/schema.js";
import { PYTHON_CALLABLE } from "../values/names.js";

/** The task callbacks and the names the messages give them. */
export const TASK_CALLBACKS = ["onFailure", "onSuccess", "onRetry", "onExecute", "preExecute", "postExecute"] as const;
export const DAG_CALLBACKS = ["onFailure", "onSuccess"] as const;

/** A task's or a kind's callable, or with `callback`, a callback option. */
export function checkCallable(where: Subject, callable: string | undefined, location: Location, callback?: string): Diagnostic[] {
  if (callable === undefined || PYTHON_CALLABLE.test(callable)) return [];
  return [diagnose("DW304", { where, callable, ...(callback === undefined ? {} : { callback }) }, location)];
}

/** Every callback option of a set of options. */
export function checkCallbacks<K extends string>(where: Subject, options: Partial<Record<K, string>>, names: readonly K[], location: Location): Diagnostic[] {
  return names.flatMap((name) => checkCallable(where, options[name], location, name));
}
