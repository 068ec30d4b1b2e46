/**
 * Python values an operator argument may hold beside JSON (the escape hatch's `py.*` helpers),
 * as the IR keeps them: a dict tagged with "$py". And import paths of Python classes.
 * This module imports nothing of dagwright's.
 */

/** The keywords of `datetime.timedelta`, in the order dagwright writes them. */
export const TIMEDELTA_PARTS = ["weeks", "days", "hours", "minutes", "seconds", "milliseconds", "microseconds"] as const;
export type TimedeltaPart = (typeof TIMEDELTA_PARTS)[number];

/** A Python value that is not JSON, as the IR holds it. */
export type PyObject =
  | ({ $py: "timedelta" } & { [P in TimedeltaPart]?: number })
  | { $py: "date"; date: string }
  | { $py: "time"; time: string; tz?: string }
  | { $py: "datetime"; datetime: string; tz?: string }
  | { $py: "callable"; target: string };

export const PY_KINDS = ["timedelta", "date", "time", "datetime", "callable"] as const;

/** The "$py" tag of a value, when it is a dict that has one. */
export function pyTag(value: unknown): unknown {
  return typeof value === "object" && value !== null && !Array.isArray(value) && "$py" in value ? (value as { $py: unknown }).$py : undefined;
}

export function isPyObject(value: unknown): value is PyObject {
  return pyTag(value) !== undefined;
}

const SHAPES: { readonly [K in PyObject["$py"]]: { required: readonly string[]; optional: readonly string[] } } = {
  timedelta: { required: [], optional: TIMEDELTA_PARTS },
  date: { required: ["date"], optional: [] },
  time: { required: ["time"], optional: ["tz"] },
  datetime: { required: ["datetime"], optional: ["tz"] },
  callable: { required: ["target"], optional: [] },
};

/** Why a "$py" dict is not one of the shapes `py.*` makes, or undefined when it is one. */
export function pyShapeProblem(value: Record<string, unknown>): string | undefined {
  const tag = value.$py;
  if (typeof tag !== "string" || !(PY_KINDS as readonly string[]).includes(tag)) return `"$py" is ${JSON.stringify(tag)}, not one of ${PY_KINDS.join(", ")}`;
  const shape = SHAPES[tag as PyObject["$py"]];
  const keys = Object.keys(value).filter((key) => key !== "$py");
  const unknown = keys.filter((key) => !shape.required.includes(key) && !shape.optional.includes(key));
  if (unknown.length) return `a ${tag} has no ${unknown.map((key) => JSON.stringify(key)).join(", ")}`;
  const missing = shape.required.filter((key) => !(key in value));
  if (missing.length) return `a ${tag} needs ${missing.map((key) => JSON.stringify(key)).join(", ")}`;
  return undefined;
}

export interface TimeParts {
  hour: number;
  minute: number;
  second: number;
  microsecond: number;
}

/** "HH:MM", "HH:MM:SS" or "HH:MM:SS.ffffff" (up to 6 fraction digits); undefined when malformed. */
export function parseTime(text: string): TimeParts | undefined {
  const match = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?$/.exec(text);
  if (!match) return undefined;
  const [hour, minute, second] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  const microsecond = match[4] === undefined ? 0 : Number(match[4].padEnd(6, "0"));
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return { hour, minute, second, microsecond };
}

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** "YYYY-MM-DD", a real date in years 1 to 9999 (Python's date); undefined otherwise. */
export function parseCalendarDate(text: string): CalendarDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(0);
  check.setUTCFullYear(year, month - 1, day);
  const real = check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
  return real && year >= 1 ? { year, month, day } : undefined;
}

/** A time zone: UTC (`Z` or "UTC"), a fixed offset ("+02:00"), or an IANA name ("Europe/Amsterdam"). */
export type Zone = { kind: "utc" } | { kind: "offset"; minutes: number } | { kind: "iana"; name: string };

/** A zone as written; undefined when it is none of those (an IANA name Node's ICU does not know included). */
export function parseZone(text: string): Zone | undefined {
  if (text === "Z" || text === "UTC") return { kind: "utc" };
  const offset = /^([+-])(\d{2}):(\d{2})$/.exec(text);
  if (offset) {
    const minutes = (Number(offset[2]) * 60 + Number(offset[3])) * (offset[1] === "-" ? -1 : 1);
    if (Number(offset[2]) > 23 || Number(offset[3]) > 59) return undefined;
    return minutes === 0 ? { kind: "utc" } : { kind: "offset", minutes };
  }
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(text)) return undefined;
  try {
    new Intl.DateTimeFormat("en", { timeZone: text });
    return { kind: "iana", name: text };
  } catch {
    return undefined;
  }
}

/** "YYYY-MM-DDTHH:MM[:SS[.ffffff]]" with an optional zone suffix (Z or ±HH:MM). */
export function parseDateTime(text: string): { date: CalendarDate; time: TimeParts; zone?: string } | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)(Z|[+-]\d{2}:\d{2})?$/.exec(text);
  if (!match) return undefined;
  const date = parseCalendarDate(match[1]!);
  const time = parseTime(match[2]!);
  if (!date || !time) return undefined;
  return { date, time, ...(match[3] === undefined ? {} : { zone: match[3] }) };
}

/** Python's limit on a timedelta: under a billion days either way. */
export const TIMEDELTA_MAX_SECONDS = 999_999_999 * 86_400;

const PART_SECONDS: Record<TimedeltaPart, number> = { weeks: 604_800, days: 86_400, hours: 3_600, minutes: 60, seconds: 1, milliseconds: 1e-3, microseconds: 1e-6 };

/** The timedelta's total seconds. */
export function timedeltaSeconds(value: { [P in TimedeltaPart]?: number }): number {
  return TIMEDELTA_PARTS.reduce((total, part) => total + (value[part] ?? 0) * PART_SECONDS[part], 0);
}

const KEYWORDS = new Set(
  "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield".split(" "),
);

/**
 * A class's import path, "package.module:ClassName" or "package.module.ClassName", as its module
 * and name; or why it is not one.
 */
export function parseImportPath(text: string): { module: string; name: string } | { problem: string } {
  const colons = text.split(":").length - 1;
  if (colons > 1) return { problem: "it has more than one \":\"" };
  const [modulePart, namePart] = colons === 1 ? (text.split(":") as [string, string]) : [text.slice(0, Math.max(0, text.lastIndexOf("."))), text.slice(text.lastIndexOf(".") + 1)];
  if (colons === 0 && !text.includes(".")) return { problem: "it names no module: write \"package.module:ClassName\" or \"package.module.ClassName\"" };
  if (namePart === "") return { problem: "it names no class after the module" };
  if (namePart.includes(".")) return { problem: `${JSON.stringify(namePart)} is a nested name: import the class from the module that defines it` };
  if (modulePart === "") return { problem: "it names no module before the class" };
  for (const segment of [...modulePart.split("."), namePart]) {
    if (segment === "") return { problem: "it has an empty name between dots" };
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(segment)) return { problem: `${JSON.stringify(segment)} is not a Python identifier` };
    if (KEYWORDS.has(segment)) return { problem: `${JSON.stringify(segment)} is a Python keyword` };
  }
  return { module: modulePart, name: namePart };
}
