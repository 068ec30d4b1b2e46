/** Typed DAG parameters: each becomes an Airflow `Param` with a JSON-schema type. */
import type { Asset, AssetAlias, JsonValue, ParamSpec } from "./types.js";

interface Common<T> {
  /** The value a run gets when it gives none; checked against the type at compile time. */
  default?: T;
  description?: string;
}

function spec(type: ParamSpec["type"], options: object): ParamSpec {
  return Object.freeze({ type, ...Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) }) as ParamSpec;
}

/** Builders of DAG parameters, one per JSON-schema type. */
export const param = {
  string: (options: Common<string> & { enum?: readonly string[]; minLength?: number; maxLength?: number; format?: "date" | "date-time" | "email" | "uri" } = {}) =>
    spec("string", options),
  integer: (options: Common<number> & { enum?: readonly number[]; minimum?: number; maximum?: number } = {}) => spec("integer", options),
  number: (options: Common<number> & { minimum?: number; maximum?: number } = {}) => spec("number", options),
  boolean: (options: Common<boolean> = {}) => spec("boolean", options),
  array: (options: Common<JsonValue[]> = {}) => spec("array", options),
  object: (options: Common<{ [key: string]: JsonValue }> = {}) => spec("object", options),
};

/** A DAG that lives outside this project, for sensors and triggers: `external("billing_daily")`. */
export function external(id: string): { readonly external: true; readonly id: string } {
  return Object.freeze({ external: true as const, id });
}

/**
 * A dataset or table the pipeline reads or writes, named by URI, such as "s3://lake/features/churn";
 * with `extra` (Airflow's free-form JSON) and, on Airflow 3, `watchers` that update it from outside.
 */
export function asset(
  uri: string,
  options: { name?: string; description?: string; external?: boolean; extra?: Asset["extra"]; watchers?: Asset["watchers"] } = {},
): Asset {
  return Object.freeze({ kind: "asset" as const, uri, ...Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) });
}

/** An asset alias (Airflow's AssetAlias; DatasetAlias on 2.10+): a task that writes it names the assets it stands for when it runs. */
export function assetAlias(name: string): AssetAlias {
  return Object.freeze({ kind: "asset_alias" as const, name });
}

/** A trained model the pipeline writes or reads, named in a model registry. */
export function model(name: string, options: { registry?: string; flavour?: string } = {}): import("./types.js").Model {
  return Object.freeze({ kind: "model" as const, name, ...Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) });
}

/** An evaluation metric a task reports: which direction is better, and an optional bar. */
export function metric(name: string, options: { direction: "higher" | "lower"; threshold?: number }): import("./types.js").Metric {
  return Object.freeze({ kind: "metric" as const, name, ...Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) } as import("./types.js").Metric);
}
