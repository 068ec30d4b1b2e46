/** Typed DAG parameters: each becomes an Airflow `Param` with its JSON schema. */
import type { Param as IrParam, PARAM_FORMATS, PARAM_TYPES } from "../ir/schema.js";
import type { Conforms, Equal } from "./conformance.js";
import type { Asset, AssetAlias, JsonValue, ParamFormat, ParamSchema, ParamSpec, ParamType } from "./types.js";

const conforms: Conforms<ParamSpec, keyof IrParam> = true;
// The formats and types the DSL offers are the ones validation knows.
const formats: Equal<ParamFormat, (typeof PARAM_FORMATS)[number]> = true;
const types: Equal<ParamType, (typeof PARAM_TYPES)[number]> = true;
void conforms, formats, types;

type JsonObject = { [key: string]: JsonValue };

/** The TypeScript type of the values of a JSON-schema type. */
export type ParamValueOf<T extends ParamType> = T extends "string"
  ? string
  : T extends "integer" | "number"
    ? number
    : T extends "boolean"
      ? boolean
      : T extends "array"
        ? JsonValue[]
        : T extends "object"
          ? JsonObject
          : null;

/** What every param takes beside its type's own keywords (Airflow's trigger-form keys among them). */
interface Common<T> {
  /** Param's `default`: the value of a run that gives none; checked against the schema at compile time. @example "eu" */
  default?: T;
  /** JSON-schema `title`: the field's label in the trigger form. @example "Region" */
  title?: string;
  /** Param's `description`: help text under the field. @example "Which region's data to train on" */
  description?: string;
  /** Airflow's `description_md`: help text in Markdown. @example "See the [runbook](https://wiki.acme.io/churn)." */
  descriptionMd?: string;
  /** Airflow's `section`: the trigger form groups a section's fields in a collapsible box. @example "Advanced" */
  section?: string;
  /** Airflow's `values_display`: labels of enum or example values in the trigger form, keyed by the value as a string. @example { eu: "Europe", us: "United States" } */
  valuesDisplay?: Readonly<Record<string, string>>;
  /** JSON-schema `examples`: proposals the trigger form offers. @example ["eu", "us"] */
  examples?: readonly (T extends readonly (infer I)[] ? I : T)[];
  /** JSON-schema `const`: the one value allowed (the trigger form hides the field). @example "v2" */
  const?: T;
}

/** `nullable: true` adds "null" to the type, so `null` (Python's None) is a value too. */
type Nullable<N extends boolean, T> = N extends true ? T | null : T;

interface NumberKeywords {
  /** JSON-schema `minimum`: the smallest value allowed. @example 1 */
  minimum?: number;
  /** JSON-schema `maximum`: the largest value allowed. @example 100 */
  maximum?: number;
  /** JSON-schema `exclusiveMinimum`: values must be greater. @example 0 */
  exclusiveMinimum?: number;
  /** JSON-schema `exclusiveMaximum`: values must be smaller. @example 1 */
  exclusiveMaximum?: number;
  /** JSON-schema `multipleOf`: values must be a multiple of it. @example 5 */
  multipleOf?: number;
}

interface StringKeywords {
  /** JSON-schema `minLength`: the fewest characters allowed. @example 1 */
  minLength?: number;
  /** JSON-schema `maxLength`: the most characters allowed. @example 64 */
  maxLength?: number;
  /** JSON-schema `pattern` (Python's `re.search` when a run starts). @example "^[a-z]{2}$" */
  pattern?: string;
  /** JSON-schema `format`: date, date-time and time get pickers, multiline a textarea. @example "date" */
  format?: ParamFormat;
}

interface ArrayKeywords {
  /** JSON-schema `items`: each item's schema. @example { type: "string", enum: ["eu", "us"] } */
  items?: ParamSchema;
  /** JSON-schema `minItems`: the fewest items allowed. @example 1 */
  minItems?: number;
  /** JSON-schema `maxItems`: the most items allowed. @example 10 */
  maxItems?: number;
  /** JSON-schema `uniqueItems`: no item twice. @example true */
  uniqueItems?: boolean;
}

/** The keywords every typed builder takes beside its type's own. */
interface Choices<E, N> {
  /** JSON-schema `enum`: the only values allowed; the trigger form shows a drop-down and the default must be one of them. @example ["eu", "us"] */
  enum?: E;
  /** Add `"null"` to the JSON-schema `type`, so `null` (Python's None) is a value too. @default false @example true */
  nullable?: N;
}

function spec(type: ParamType | readonly ParamType[] | undefined, options: { nullable?: boolean } & object): ParamSpec {
  const { nullable, ...rest } = options;
  const types = type === undefined ? undefined : nullable && type !== "null" ? [type, "null"] : type;
  return Object.freeze({ ...(types === undefined ? {} : { type: types }), ...Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)) }) as ParamSpec;
}

/**
 * Builders of DAG parameters (Airflow's `Param`), one per JSON-schema type, `param.any` for
 * untyped ones and `param.of` for several types. The default's TypeScript type follows the
 * schema: `param.string({ enum: ["a", "b"], default: "c" })` is a tsc error.
 */
export const param = {
  /** A string param (`type="string"`); with `enum`, the default is one of its values. */
  string: <const E extends readonly string[] = readonly string[], N extends boolean = false>(
    options: Common<Nullable<N, string extends E[number] ? string : E[number]>> & StringKeywords & Choices<E, N> = {},
  ) => spec("string", options),
  /** An integer param (`type="integer"`). */
  integer: <const E extends readonly number[] = readonly number[], N extends boolean = false>(
    options: Common<Nullable<N, number extends E[number] ? number : E[number]>> & NumberKeywords & Choices<E, N> = {},
  ) => spec("integer", options),
  /** A number param (`type="number"`: an int or a float). */
  number: <const E extends readonly number[] = readonly number[], N extends boolean = false>(
    options: Common<Nullable<N, number extends E[number] ? number : E[number]>> & NumberKeywords & Choices<E, N> = {},
  ) => spec("number", options),
  /** A boolean param (`type="boolean"`): a switch in the trigger form. */
  boolean: <N extends boolean = false>(options: Common<Nullable<N, boolean>> & Pick<Choices<never, N>, "nullable"> = {}) => spec("boolean", options),
  /** An array param (`type="array"`), its items described by `items`. */
  array: <N extends boolean = false>(options: Common<Nullable<N, JsonValue[]>> & ArrayKeywords & Pick<Choices<never, N>, "nullable"> = {}) => spec("array", options),
  /** An object param (`type="object"`): a JSON editor in the trigger form. */
  object: <N extends boolean = false>(options: Common<Nullable<N, JsonObject>> & Pick<Choices<never, N>, "nullable"> = {}) => spec("object", options),
  /** An untyped param: `Param(default)` with no `type`, any JSON value. */
  any: (options: Common<JsonValue> & Pick<Choices<readonly JsonValue[], never>, "enum"> = {}) => spec(undefined, options),
  /** A param of several JSON-schema types (`type=["null", "string"]`); the default is a value of one of them. */
  of: <const T extends readonly ParamType[]>(
    options: {
      /** JSON-schema `type`: the types a value may have. @example ["null", "string"] */
      type: T;
    } & Common<ParamValueOf<T[number]>> & NumberKeywords & StringKeywords & ArrayKeywords & Pick<Choices<readonly ParamValueOf<T[number]>[], never>, "enum">,
  ) => {
    const { type, ...rest } = options;
    return spec(type, rest);
  },
};

/** A DAG that lives outside this project, for sensors and triggers: `external("billing_daily")`. */
export function external(id: string): import("./types.js").ExternalDag {
  return Object.freeze({ external: true as const, id });
}

/**
 * A dataset or table the pipeline reads or writes, named by URI, such as "s3://lake/features/churn";
 * with `extra` (Airflow's free-form JSON) and, on Airflow 3, `watchers` that update it from outside.
 */
export function asset(uri: string, options: Partial<Pick<Asset, "name" | "description" | "external" | "extra" | "watchers">> = {}): Asset {
  return Object.freeze({ kind: "asset" as const, uri, ...Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) });
}

/** An asset alias (Airflow's AssetAlias; DatasetAlias on 2.10+): a task that writes it names the assets it stands for when it runs. */
export function assetAlias(name: string): AssetAlias {
  return Object.freeze({ kind: "asset_alias" as const, name });
}

/** A trained model the pipeline writes or reads, named in a model registry. */
export function model(name: string, options: Partial<Pick<import("./types.js").Model, "registry" | "flavour">> = {}): import("./types.js").Model {
  return Object.freeze({ kind: "model" as const, name, ...Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) });
}

/** An evaluation metric a task reports: which direction is better, and an optional bar. */
export function metric(name: string, options: Pick<import("./types.js").Metric, "direction" | "threshold">): import("./types.js").Metric {
  return Object.freeze({ kind: "metric" as const, name, ...Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) } as import("./types.js").Metric);
}
