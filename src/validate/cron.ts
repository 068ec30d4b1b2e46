/**
 * Checks cron expressions the way Airflow's cron library (croniter) reads them: five fields
 * of numbers, ranges, steps and lists, with month and weekday names.
 */

import { q } from "../diagnostics/index.js";

interface Field {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
}

const FIELDS: readonly Field[] = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12, names: ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"] },
  // 7 is Sunday as well as 0, as in croniter.
  { name: "day of week", min: 0, max: 7, names: ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] },
];

/** Why the expression is not a valid five-field cron expression, or undefined when it is. */
export function cronProblem(expression: string): string | undefined {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) return `a cron expression has 5 fields, this one has ${expression.trim() === "" ? 0 : parts.length}`;
  for (const [index, part] of parts.entries()) {
    const field = FIELDS[index]!;
    for (const item of part.split(",")) {
      const problem = itemProblem(item, field);
      if (problem) return `${field.name} field ${q(part)}: ${problem}`;
    }
  }
  return undefined;
}

function itemProblem(item: string, field: Field): string | undefined {
  if (item === "") return "empty list item";
  if (field.name === "day of month" && item.toUpperCase() === "L") return undefined;
  if (field.name === "day of week" && /^[0-7]#[1-5]$/.test(item)) return undefined;
  const [range, step, extra] = item.split("/");
  if (extra !== undefined) return `${q(item)} has more than one step`;
  if (step !== undefined && !/^\d+$/.test(step)) return `step ${q(step)} is not a whole number`;
  if (step !== undefined && Number(step) === 0) return "a step of 0 never advances";
  if (range === "*") return undefined;
  const bounds = range!.split("-");
  if (bounds.length > 2) return `${q(range)} is not a range`;
  const values: number[] = [];
  for (const bound of bounds) {
    const value = valueOf(bound, field);
    if (value === undefined) return `${q(bound)} is not a value between ${field.min} and ${field.max}`;
    values.push(value);
  }
  if (values.length === 2 && values[0]! > values[1]!) return `range ${q(range)} runs backwards`;
  return undefined;
}

function valueOf(text: string, field: Field): number | undefined {
  const byName = field.names?.indexOf(text.toLowerCase()) ?? -1;
  if (byName >= 0) return field.name === "month" ? byName + 1 : byName;
  if (!/^\d+$/.test(text)) return undefined;
  const value = Number(text);
  return value >= field.min && value <= field.max ? value : undefined;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether a valid expression can never match a date: days of the month that none of its months
 * has (`0 0 30 2 *`, `0 0 31 4,6 *`). With a day of week set too, cron matches either, so it fires.
 */
export function cronNeverFires(expression: string): boolean {
  const [, , dayOfMonth, month, dayOfWeek] = expression.trim().split(/\s+/) as [string, string, string, string, string];
  if (!/^\*(\/1)?$/.test(dayOfWeek) || /L/i.test(dayOfMonth)) return false;
  const days = expand(dayOfMonth, FIELDS[2]!);
  const months = expand(month, FIELDS[3]!);
  return [...months].every((m) => [...days].every((day) => day > DAYS_IN_MONTH[m - 1]!));
}

/** Every value a (valid) field matches. */
function expand(part: string, field: Field): Set<number> {
  const values = new Set<number>();
  for (const item of part.split(",")) {
    const [range, step] = item.split("/");
    const [low, high] = range === "*" ? [field.min, field.max] : range!.split("-").map((bound) => valueOf(bound, field)!);
    const last = high ?? (step === undefined ? low! : field.max);
    for (let value = low!; value <= last; value += Number(step ?? 1)) values.add(value);
  }
  return values;
}
