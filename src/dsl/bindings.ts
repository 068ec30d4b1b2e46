/**
 * Functions of the project's Python, as the generated bindings (`<srcDir>/.python/`, written by
 * `dagwright bind` and `dagwright compile`) give them to DAG modules: a `d.python` callable that
 * carries the function's keyword arguments and return type for TypeScript.
 */
import type { CallablePath } from "./types.js";

declare const KWARGS: unique symbol;
declare const RETURNS: unique symbol;

/**
 * A function of the project's Python: `P` its keyword arguments, `R` what it returns. Made by
 * the generated bindings; pass it as `callable` to `d.python` and TypeScript checks `kwargs`
 * against `P` and gives the task's `.output` the type `R`.
 */
export interface PythonFunction<P = unknown, R = unknown> {
  /** The function as `"package.module:function"`, what the generated file imports when the task runs. */
  readonly $python: CallablePath;
  /** Never set: the keyword arguments' type, for the compiler only. */
  readonly [KWARGS]?: P;
  /** Never set: the return type, for the compiler only. */
  readonly [RETURNS]?: R;
}

/** A bound function: what the generated bindings call for each function they describe. */
export function pythonFunction<P, R>(callable: CallablePath): PythonFunction<P, R> {
  return Object.freeze({ $python: callable }) as PythonFunction<P, R>;
}

/** Whether a value is a bound function. */
export function isPythonFunction(value: unknown): value is PythonFunction {
  return typeof value === "object" && value !== null && typeof (value as { $python?: unknown }).$python === "string" && Object.keys(value).length === 1;
}

/** The `"package.module:function"` text of a callable, bound or written as a string. */
export function callableText<T>(callable: T | PythonFunction): T | CallablePath {
  return isPythonFunction(callable) ? callable.$python : (callable as T);
}

/**
 * Options that must give `kwargs` when the function has parameters without defaults that the
 * task does not map over (`E`).
 */
export type RequiredKwargs<P, E extends string = never> = {} extends Omit<P, E> ? {} : {
  /** The keyword arguments: the function has parameters without defaults. */
  kwargs: unknown;
};
