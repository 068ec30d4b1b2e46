/** Dates as the IR keeps them: UTC, "2026-01-01" or "2026-01-01T06:30[:00]Z". */

export interface UtcDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** "2026-01-01" or "2026-01-01T06:30[:00]Z" as parts, any year from 1 (as Python has them); undefined when malformed or not a real date. */
export function parseUtcDate(text: string): UtcDateTime | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?Z)?$/.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number, number, number, number, number, number,
  ];
  // setUTCFullYear, unlike Date.UTC, reads years 0-99 as themselves rather than as 1900-1999.
  const check = new Date(0);
  check.setUTCFullYear(year, month - 1, day);
  check.setUTCHours(hour, minute, second, 0);
  const real =
    check.getUTCFullYear() === year &&
    check.getUTCMonth() === month - 1 &&
    check.getUTCDate() === day &&
    check.getUTCHours() === hour &&
    check.getUTCMinutes() === minute &&
    check.getUTCSeconds() === second;
  // Python's datetime, which Airflow reads the date into, starts at year 1.
  return real && year >= 1 ? { year, month, day, hour, minute, second } : undefined;
}

/** The instant in milliseconds, for ordering dates. */
export function utcMillis(date: UtcDateTime): number {
  const instant = new Date(0);
  instant.setUTCFullYear(date.year, date.month - 1, date.day);
  return instant.setUTCHours(date.hour, date.minute, date.second, 0);
}
