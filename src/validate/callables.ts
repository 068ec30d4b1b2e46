/** DW304: Python callables and callbacks are "package.module:function", wherever they are written. */
import { diagnose, writtenAt, type Diagnostic, type Subject } from "../diagnostics/index.js";
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
  // At the callback's text where the call writes it (a task's may come from the DAG's defaults).
  return names.flatMap((name) => {
    const value = options[name];
    return checkCallable(where, value, value === undefined ? location : writtenAt(location, value, name), name);
  });
}
