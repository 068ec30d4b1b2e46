/** DAG params as Airflow `Param`s: the default first, then every JSON-schema keyword under its Airflow name. */
import type { Param } from "../../ir/schema.js";
import { call, keywords, literal, type JsonLike, type PyExpr } from "../python/expr.js";
import type { EmitContext } from "./context.js";

/** The Airflow (and JSON Schema) name of each key of a param, in the order the keywords are written. */
export const PARAM_KEYWORDS: { readonly [K in Exclude<keyof Param, "default">]-?: string } = {
  type: "type",
  title: "title",
  description: "description",
  descriptionMd: "description_md",
  section: "section",
  enum: "enum",
  const: "const",
  examples: "examples",
  valuesDisplay: "values_display",
  minimum: "minimum",
  maximum: "maximum",
  exclusiveMinimum: "exclusiveMinimum",
  exclusiveMaximum: "exclusiveMaximum",
  multipleOf: "multipleOf",
  minLength: "minLength",
  maxLength: "maxLength",
  pattern: "pattern",
  format: "format",
  minItems: "minItems",
  maxItems: "maxItems",
  uniqueItems: "uniqueItems",
  items: "items",
};

/** A param's JSON schema as Airflow holds it (`Param(...).schema`): Airflow's key names, no default. */
export function paramSchema(spec: Param): Record<string, JsonLike> {
  const schema: Record<string, JsonLike> = {};
  for (const [key, name] of Object.entries(PARAM_KEYWORDS)) {
    const value = spec[key as keyof typeof PARAM_KEYWORDS];
    if (value !== undefined) schema[name] = value as JsonLike;
  }
  return schema;
}

export function paramsDict(params: Record<string, Param>, context: EmitContext): PyExpr {
  const ParamName = context.imports.use("Param");
  return {
    kind: "dict",
    entries: Object.entries(params).map(([name, spec]) => [
      literal(name),
      call(ParamName, [
        ...(spec.default === undefined ? [] : [literal(spec.default)]),
        // Param keeps `description` itself and passes every other keyword on into its JSON schema.
        ...keywords(Object.entries(paramSchema(spec)).map(([key, value]): [string, PyExpr] => [key, literal(value)])),
      ]),
    ]),
  };
}
