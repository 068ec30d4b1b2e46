/**
 * Python values for the operator escape hatch (`d.operator(..., { args })`) that JSON cannot
 * hold: each becomes the Python expression its JSDoc names in the generated file.
 */
import type { JsonValue } from "./types.js";

/** A duration as written in dagwright: a whole number and a unit, "30s", "5m", "2h", "1d". */
type DurationText = `${number}${"s" | "m" | "h" | "d"}`;

/** The keyword arguments of `datetime.timedelta`. */
export interface TimedeltaParts {
  /** `timedelta(weeks=...)`. @example 2 */
  weeks?: number;
  /** `timedelta(days=...)`. @example 1 */
  days?: number;
  /** `timedelta(hours=...)`. @example 1.5 */
  hours?: number;
  /** `timedelta(minutes=...)`. @example 30 */
  minutes?: number;
  /** `timedelta(seconds=...)`. @example 45 */
  seconds?: number;
  /** `timedelta(milliseconds=...)`. @example 250 */
  milliseconds?: number;
  /** `timedelta(microseconds=...)`. @example 500 */
  microseconds?: number;
}

/** Where a `py.time` or `py.datetime` is. */
interface ZoneOptions {
  /** The time zone, written as `tzinfo=` (a fixed offset, or `ZoneInfo(...)` for an IANA name). @example "Europe/Amsterdam" */
  tz?: TimeZone;
}

/** A time zone: "UTC", a fixed offset such as "+02:00", or an IANA name such as "Europe/Amsterdam". */
export type TimeZone = "UTC" | `${"+" | "-"}${number}:${number}` | (string & {});

declare const PY: unique symbol;

/** A Python value made by a `py.*` helper. */
export type PyValue = {
  /** Never set: it keeps plain objects with a `$py` key from passing for a `py.*` value. */
  readonly [PY]?: never;
  /** Which Python value this is; the generated file writes the matching constructor. */
  readonly $py: "timedelta" | "date" | "time" | "datetime" | "callable";
};

/** What an escape-hatch operator argument may be: JSON, with `py.*` values anywhere inside. */
export type OperatorArg = string | number | boolean | null | PyValue | readonly OperatorArg[] | { readonly [key: string]: OperatorArg };

const UNIT_NAMES = { s: "seconds", m: "minutes", h: "hours", d: "days" } as const;

function frozen<T extends object>(value: T): PyValue {
  return Object.freeze(Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined))) as unknown as PyValue;
}

/** Builders of Python values for escape-hatch operator arguments. */
export const py = {
  /**
   * `datetime.timedelta(...)`: from a duration ("90m", "2h", "1d") or its keyword arguments
   * (`{ hours: 1, minutes: 30 }`, numbers, fractions allowed as in Python).
   */
  timedelta(duration: DurationText | TimedeltaParts): PyValue {
    if (typeof duration === "string") {
      const match = /^(\d+)([smhd])$/.exec(duration);
      // A malformed duration is kept as written for validation to name (DW197).
      if (!match) return frozen({ $py: "timedelta", seconds: duration as unknown as number });
      return frozen({ $py: "timedelta", [UNIT_NAMES[match[2] as keyof typeof UNIT_NAMES]]: Number(match[1]) });
    }
    return frozen({ $py: "timedelta", ...duration });
  },
  /** `datetime.date(year, month, day)` from "YYYY-MM-DD". */
  date(date: `${number}-${number}-${number}`): PyValue {
    return frozen({ $py: "date", date });
  },
  /**
   * `datetime.time(hour, minute[, second[, microsecond]][, tzinfo=...])` from "HH:MM",
   * "HH:MM:SS" or "HH:MM:SS.ffffff", naive unless `tz` is given.
   */
  time(time: `${number}:${number}` | `${number}:${number}:${number}`, options: ZoneOptions = {}): PyValue {
    return frozen({ $py: "time", time, tz: options.tz });
  },
  /**
   * A timezone-aware `datetime.datetime(...)` from "YYYY-MM-DDTHH:MM[:SS[.ffffff]]": the zone is
   * the text's own suffix ("Z", "+02:00") or `tz`; one of them is required (DW197), since
   * Airflow compares datetimes with aware ones.
   */
  datetime(datetime: `${number}-${number}-${number}T${string}`, options: ZoneOptions = {}): PyValue {
    return frozen({ $py: "datetime", datetime, tz: options.tz });
  },
  /**
   * A Python function, "package.module:function", imported only when it is called (the
   * generated `_Callable`), so parsing the DAG never imports the function's package.
   */
  callable(target: `${string}:${string}`): PyValue {
    return frozen({ $py: "callable", target });
  },
};

/** Arguments as the IR keeps them: `py.*` values are already their tagged JSON form. */
export function operatorArgsAsJson(args: Readonly<Record<string, OperatorArg>>): Record<string, JsonValue> {
  return JSON.parse(JSON.stringify(args)) as Record<string, JsonValue>;
}
