/** Typed DAG params as Airflow `Param`s with their JSON-schema keywords. */
import type { Param } from "../../ir/schema.js";
import { call, keywords, literal, type JsonLike, type PyExpr } from "../python/expr.js";
import { optionalLiteral, type EmitContext } from "./context.js";

export function paramsDict(params: Record<string, Param>, context: EmitContext): PyExpr {
  const ParamName = context.imports.use("Param");
  return {
    kind: "dict",
    entries: Object.entries(params).map(([name, spec]) => {
      const { default: value, type, description, ...schema } = spec;
      return [
        literal(name),
        call(ParamName, [
          ...(value === undefined ? [] : [literal(value)]),
          ...keywords([
            ["type", literal(type)],
            ["description", optionalLiteral(description)],
            // Param passes every other keyword on into its JSON schema, under the same name.
            ...Object.entries(schema).map(([key, item]): [string, PyExpr] => [key, literal(item as JsonLike)]),
          ]),
        ]),
      ];
    }),
  };
}
