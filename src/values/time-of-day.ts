/** A time of day, "HH:MM" or "HH:MM:SS" on a 24-hour clock. */
export interface TimeOfDay {
  hour: number;
  minute: number;
  second: number;
}

export function parseTimeOfDay(text: string): TimeOfDay | undefined {
  const match = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!match) return undefined;
  const [hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number];
  return hour < 24 && minute < 60 && second < 60 ? { hour, minute, second } : undefined;
}
