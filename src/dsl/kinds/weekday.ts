/** Days of the week, copied so later changes to the author's array cannot reach the IR. */
import type { Weekday } from "../types.js";

export function weekDays(days: Weekday | readonly Weekday[]): Weekday | Weekday[] {
  return typeof days === "string" ? days : [...days];
}
