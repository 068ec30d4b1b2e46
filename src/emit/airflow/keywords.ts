/**
 * Keyword tables: for every field of an IR object, the keyword arguments it becomes in the
 * generated Python, or why it becomes none. Tables are typed over the fields, so a field that
 * nobody emits is a type error at the table, never a silent drop.
 */
import type { PyArg, PyExpr } from "../python/expr.js";
import type { EmitContext } from "./context.js";

/** A keyword argument; `mapped` ones go into `.expand(...)` of a mapped task. */
export interface Keyword extends PyArg {
  name: string;
  mapped?: boolean;
}

/** What a field becomes: keyword arguments computed from the object it belongs to. */
export type FieldEmitter<Owner> = (owner: Owner, context: EmitContext) => Keyword[];

/** A field that becomes no keyword argument, and why: written down, so it is never forgotten. */
export interface Elsewhere {
  readonly elsewhere: string;
}

export type KeywordTable<Owner, Fields extends PropertyKey> = { readonly [F in Fields]-?: FieldEmitter<Owner> | Elsewhere };

/** The field is expressed elsewhere in the file (or deliberately not in Airflow at all), for this reason. */
export function elsewhere(reason: string): Elsewhere {
  return { elsewhere: reason };
}

/** One keyword argument, or none when its value is undefined. */
export function kw(name: string, value: PyExpr | undefined, mapped = false): Keyword[] {
  return value === undefined ? [] : [{ name, value, ...(mapped ? { mapped: true } : {}) }];
}

/** Every field's keywords, in the table's order (or, given `order`, in that order of names). */
export function emitFields<Owner>(table: KeywordTable<Owner, PropertyKey>, owner: Owner, context: EmitContext, order?: readonly string[]): Keyword[] {
  const keywords = Object.values(table).flatMap((entry) => (typeof entry === "function" ? (entry as FieldEmitter<Owner>)(owner, context) : []));
  if (!order) return keywords;
  const rank = (keyword: Keyword) => {
    const index = order.indexOf(keyword.name);
    if (index < 0) throw new Error(`keyword ${keyword.name} has no place in the argument order`);
    return index;
  };
  return [...keywords].sort((a, b) => rank(a) - rank(b));
}
