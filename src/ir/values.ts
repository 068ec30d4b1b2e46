/**
 * Readers for the values the IR keeps as the author wrote them. Validation uses them to
 * reject bad values; back ends use them to convert good ones.
 */

const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86400 } as const;

/** A duration such as "90s" or "2h" in seconds; undefined when malformed. */
export function durationSeconds(text: string): number | undefined {
  const match = /^(\d{1,9})([smhd])$/.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * UNIT_SECONDS[match[2] as keyof typeof UNIT_SECONDS];
}

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
