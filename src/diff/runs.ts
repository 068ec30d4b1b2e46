/**
 * How many times a schedule fires between two moments, for the backfill a change would start:
 * a cron's fire times (cron-parser, which reads crons as Airflow's croniter does, in UTC as
 * dagwright's dates are), an `every` period's steps from the first moment, an events list's
 * dates. The risk rules turn fire times into runs for each timetable.
 */
import { CronExpressionParser } from "cron-parser";
import type { ManifestDag } from "../ir/manifest.js";
import { cronOf, durationSeconds, parseUtcDate, utcMillis } from "../values/index.js";

/** Counting stops here, so a per-minute schedule across years answers at once ("at least"). */
export const FIRE_LIMIT = 100_000;

function cronTimes(expression: string, from: number, to: number): number[] {
  const cron = cronOf(expression);
  // cron-parser gives the times after currentDate; a fire time at `from` itself counts.
  const times = CronExpressionParser.parse(cron, { currentDate: new Date(from - 1), tz: "UTC" });
  const found: number[] = [];
  while (found.length < FIRE_LIMIT) {
    const next = times.next().getTime();
    if (next >= to) break;
    found.push(next);
  }
  return found;
}

/** The moments in [from, to) the schedule fires, counted (up to FIRE_LIMIT); undefined for schedules that are not about time. */
export function fireCount(schedule: ManifestDag["schedule"], from: number, to: number): number | undefined {
  if (to <= from) return 0;
  switch (schedule.kind) {
    case "cron":
      if (schedule.expression === "@once") return 1;
      if (schedule.expression === "@continuous") return undefined;
      return cronTimes(schedule.expression, from, to).length;
    case "crons":
      return Math.min(new Set(schedule.expressions.flatMap((expression) => cronTimes(expression, from, to))).size, FIRE_LIMIT);
    case "every": {
      const seconds = durationSeconds(schedule.every);
      return seconds ? Math.min(Math.ceil((to - from) / (seconds * 1000)), FIRE_LIMIT) : undefined;
    }
    case "events":
      return schedule.dates.filter((text) => {
        const date = parseUtcDate(text);
        const time = date ? utcMillis(date) : NaN;
        return time >= from && time < to;
      }).length;
    case "assets":
      return schedule.orTime ? fireCount(schedule.orTime, from, to) : undefined;
    case "manual":
      return undefined;
  }
}

/** A start date as milliseconds, for comparisons and counting. */
export function startMillis(text: string | undefined): number | undefined {
  const date = text === undefined ? undefined : parseUtcDate(text);
  return date ? utcMillis(date) : undefined;
}
