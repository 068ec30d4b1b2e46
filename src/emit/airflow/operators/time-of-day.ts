/** Times of day as `datetime.time(...)`, and branch bounds that may also be UTC dates. */
import { parseTimeOfDay } from "../../../values/time-of-day.js";
import { call, code, type PyExpr } from "../../python/expr.js";
import { utcDateTime, type EmitContext } from "../context.js";

/** A validated "HH:MM[:SS]" as `datetime.time(h, m[, s])`. */
export function timeOfDay(text: string, context: EmitContext): PyExpr {
  const time = parseTimeOfDay(text);
  if (!time) throw new Error(`unvalidated time of day "${text}"`);
  const parts = [time.hour, time.minute, ...(time.second ? [time.second] : [])];
  return call(`${context.imports.datetime()}.time`, parts.map((part) => code(String(part))));
}

/** A bound: a time of day, or a UTC date as a timezone-aware datetime; None when unset (Airflow requires the argument). */
export function bound(text: string | undefined, context: EmitContext): PyExpr {
  if (text === undefined) return code("None");
  return parseTimeOfDay(text) ? timeOfDay(text, context) : utcDateTime(text, context);
}
