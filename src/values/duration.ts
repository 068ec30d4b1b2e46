/** Durations as the IR keeps them: a whole number and a unit, "30s", "5m", "2h", "1d". */

const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86400 } as const;
const UNIT_NAMES = { s: "seconds", m: "minutes", h: "hours", d: "days" } as const;

/** A duration such as "90s" or "2h" in seconds; undefined when malformed. */
export function durationSeconds(text: string): number | undefined {
  return durationParts(text)?.seconds;
}

/** The number, the unit's name as `datetime.timedelta` spells it, and the seconds; undefined when malformed. */
export function durationParts(text: string): { amount: number; unit: (typeof UNIT_NAMES)[keyof typeof UNIT_NAMES]; seconds: number } | undefined {
  const match = /^(\d{1,9})([smhd])$/.exec(text);
  if (!match) return undefined;
  const unit = match[2] as keyof typeof UNIT_SECONDS;
  const amount = Number(match[1]);
  return { amount, unit: UNIT_NAMES[unit], seconds: amount * UNIT_SECONDS[unit] };
}
