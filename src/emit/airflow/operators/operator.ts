/**
 * The escape hatch: any operator class by its import path, with its arguments under their own
 * names: JSON as Python literals, `py.*` values as the Python objects they stand for.
 */
import type { JsonValue } from "../../../ir/common.js";
import { parseCalendarDate, parseDateTime, parseTime, parseZone, pyTag, TIMEDELTA_PARTS, type PyObject, type TimeParts } from "../../../values/python.js";
import { call, code, literal, type PyArg, type PyExpr } from "../../python/expr.js";
import type { EmitContext } from "../context.js";
import { elsewhere } from "../keywords.js";
import { lazyCallable } from "./lazy-call.js";
import type { OperatorEmitter } from "./types.js";

export const operator: OperatorEmitter<"operator"> = {
  operator: (t) => ({ import: t.ir.config.import }),
  fields: {
    import: elsewhere("the operator class, imported from its module"),
    args: (t, c) => Object.entries(t.ir.config.args).map(([name, value]) => ({ name, value: operatorValue(value, c) })),
  },
  // `py.callable(...)` values are `_Callable("module:function")`, the helper Python tasks use.
  helpers: (t) => (Object.values(t.ir.config.args).some(hasCallable) ? ["python_callable"] : []),
};

function hasCallable(value: JsonValue): boolean {
  if (Array.isArray(value)) return value.some(hasCallable);
  if (typeof value !== "object" || value === null) return false;
  if (pyTag(value) === "callable") return true;
  return pyTag(value) === undefined && Object.values(value).some(hasCallable);
}

/** One argument value as Python: validated (DW197, DW199), so a malformed one here is dagwright's bug. */
export function operatorValue(value: JsonValue, context: EmitContext): PyExpr {
  if (Array.isArray(value)) return { kind: "list", items: value.map((item) => operatorValue(item, context)) };
  if (typeof value !== "object" || value === null) return literal(value);
  if (pyTag(value) === undefined) return { kind: "dict", entries: Object.entries(value).map(([key, item]): [PyExpr, PyExpr] => [literal(key), operatorValue(item, context)]) };
  return pyObject(value as unknown as PyObject, context);
}

function pyObject(value: PyObject, context: EmitContext): PyExpr {
  const datetime = () => context.imports.datetime();
  switch (value.$py) {
    case "timedelta":
      return call(`${datetime()}.timedelta`, TIMEDELTA_PARTS.flatMap((part): PyArg[] => (value[part] === undefined ? [] : [{ name: part, value: literal(value[part]!) }])));
    case "date": {
      const date = parseCalendarDate(value.date);
      if (!date) throw new Error(`unvalidated date "${value.date}"`);
      return call(`${datetime()}.date`, [date.year, date.month, date.day].map((part) => code(String(part))));
    }
    case "time": {
      const time = parseTime(value.time);
      if (!time) throw new Error(`unvalidated time "${value.time}"`);
      return call(`${datetime()}.time`, [...timeArgs(time), ...tzinfo(value.tz, context)]);
    }
    case "datetime": {
      const parsed = parseDateTime(value.datetime);
      if (!parsed) throw new Error(`unvalidated datetime "${value.datetime}"`);
      const { date, time } = parsed;
      return call(`${datetime()}.datetime`, [...[date.year, date.month, date.day].map((part) => ({ value: code(String(part)) })), ...timeArgs(time), ...tzinfo(parsed.zone ?? value.tz, context)]);
    }
    case "callable":
      return lazyCallable(value.target);
  }
}

/** hour, minute, then second and microsecond only when they are not 0. */
function timeArgs(time: TimeParts): PyArg[] {
  const parts = [time.hour, time.minute];
  if (time.second || time.microsecond) parts.push(time.second);
  if (time.microsecond) parts.push(time.microsecond);
  return parts.map((part) => ({ value: code(String(part)) }));
}

/** `tzinfo=`: `datetime.timezone.utc`, a fixed offset, or `zoneinfo.ZoneInfo("Area/City")`. */
function tzinfo(tz: string | undefined, context: EmitContext): PyArg[] {
  if (tz === undefined) return [];
  const zone = parseZone(tz);
  if (!zone) throw new Error(`unvalidated time zone "${tz}"`);
  const datetime = context.imports.datetime();
  if (zone.kind === "utc") return [{ name: "tzinfo", value: code(`${datetime}.timezone.utc`) }];
  if (zone.kind === "offset") return [{ name: "tzinfo", value: call(`${datetime}.timezone`, [call(`${datetime}.timedelta`, [{ name: "minutes", value: code(String(zone.minutes)) }])]) }];
  return [{ name: "tzinfo", value: call(`${context.imports.stdlib("zoneinfo")}.ZoneInfo`, [literal(zone.name)]) }];
}
