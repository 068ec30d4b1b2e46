/** Dates as the IR keeps them: UTC, "2026-01-01" or "2026-01-01T06:30[:00]Z". */

export interface UtcDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** "2026-01-01" or "2026-01-01T06:30[:00]Z" as parts; undefined when malformed or not a real date. */
export function parseUtcDate(text: string): UtcDateTime | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?Z)?$/.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number, number, number, number, number, number,
  ];
  const check = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const real =
    check.getUTCFullYear() === year &&
    check.getUTCMonth() === month - 1 &&
    check.getUTCDate() === day &&
    check.getUTCHours() === hour &&
    check.getUTCMinutes() === minute &&
    check.getUTCSeconds() === second;
  return real && year >= 1900 ? { year, month, day, hour, minute, second } : undefined;
}

/** The instant in milliseconds, for ordering dates. */
export function utcMillis(date: UtcDateTime): number {
  return Date.UTC(date.year, date.month - 1, date.day, date.hour, date.minute, date.second);
}
