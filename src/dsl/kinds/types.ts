/** What one task kind's builder is: the kind's own option keys, and how they become the kind's IR. */
import type { ConfigOf, TaskKind } from "../../ir/kinds/index.js";
import type { TaskOptions } from "../types.js";

/** A builder's options beside the ones every task has. */
export type OwnOptions<T> = Omit<T, keyof TaskOptions>;

export interface KindConfig<K extends TaskKind> {
  config: ConfigOf<K>;
  /** The tasks whose output the task reads (it depends on them, as Airflow makes it). */
  uses?: readonly string[];
}

export interface KindBuilder<K extends TaskKind, Own> {
  /** Every own option key: what the builder takes off the options before the common ones. */
  readonly keys: readonly (keyof Own & string)[];
  /** Options kept under another name in the IR (option -> IR field), so messages can say what the author wrote. */
  readonly renames?: { readonly [option: string]: string };
  config(own: Own): KindConfig<K>;
}

/** The object without its undefined properties, so the IR holds only what the author set. */
export function defined<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}

/** A deep copy of plain data, so later changes to the author's objects cannot reach the IR. */
export function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Whether a value is a task's `.output`. */
export function isOutput(value: unknown): value is { output: string } {
  return typeof value === "object" && value !== null && typeof (value as { output?: unknown }).output === "string";
}

/** A task's `.output` (or `.output.key("k")`) as IR: the task's id, and the key when there is one. */
export function outputRef(value: { output: string; xcomKey?: string }): { output: string; key?: string } {
  return { output: value.output, ...(value.xcomKey === undefined ? {} : { key: value.xcomKey }) };
}

/** Whether a value is an argument of a mapped task group. */
export function isGroupArgument(value: unknown): value is { group: string; argument: string } {
  return typeof value === "object" && value !== null && typeof (value as { argument?: unknown }).argument === "string" && typeof (value as { group?: unknown }).group === "string";
}
