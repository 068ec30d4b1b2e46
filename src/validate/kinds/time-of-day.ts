/** DW160: times of day ("HH:MM[:SS]") and, where allowed, UTC dates. */
import { diagnose, type Diagnostic } from "../../diagnostics/index.js";
import type { ResolvedTask } from "../../ir/resolved.js";
import { parseUtcDate } from "../../values/date.js";
import { parseTimeOfDay } from "../../values/time-of-day.js";
import { about } from "../context.js";

export function checkTimeOfDay(task: ResolvedTask, option: string, value: string | undefined, { dates = false } = {}): Diagnostic[] {
  if (value === undefined || parseTimeOfDay(value) || (dates && parseUtcDate(value))) return [];
  return [diagnose("DW160", { ...about(task), option, value }, task.ir.location)];
}
