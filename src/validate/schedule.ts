/** DW201-DW205: schedules and the dates around them. */
import { diagnose, type Diagnostic } from "../diagnostics/index.js";
import { SCHEDULE_PRESETS, type Dag } from "../ir/schema.js";
import { parseUtcDate, utcMillis } from "../values/date.js";
import { durationSeconds } from "../values/duration.js";
import { cronProblem } from "./cron.js";

const PRESETS: readonly string[] = SCHEDULE_PRESETS;

export function checkSchedule(dag: Dag): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const at = dag.location;
  const { schedule } = dag;
  if (schedule.kind === "cron") {
    const expression = schedule.expression;
    if (expression.startsWith("@")) {
      if (!PRESETS.includes(expression)) diagnostics.push(diagnose("DW201", { dag: dag.id, preset: expression, presets: PRESETS }, at));
    } else {
      const problem = cronProblem(expression);
      if (problem) diagnostics.push(diagnose("DW201", { dag: dag.id, cron: expression, problem }, at));
    }
    if (expression === "@continuous" && dag.maxActiveRuns !== undefined && dag.maxActiveRuns !== 1) {
      diagnostics.push(diagnose("DW205", { dag: dag.id, maxActiveRuns: dag.maxActiveRuns }, at));
    }
  }
  if (schedule.kind === "every") {
    const seconds = durationSeconds(schedule.every);
    if (seconds === undefined || seconds === 0) diagnostics.push(diagnose("DW201", { dag: dag.id, period: schedule.every }, at));
  }
  const start = dag.startDate === undefined ? undefined : parseUtcDate(dag.startDate);
  const end = dag.endDate === undefined ? undefined : parseUtcDate(dag.endDate);
  if (dag.startDate === undefined && schedule.kind !== "manual" && schedule.kind !== "assets") {
    diagnostics.push(diagnose("DW202", { dag: dag.id }, at));
  }
  for (const [option, value, parsed] of [
    ["startDate", dag.startDate, start],
    ["endDate", dag.endDate, end],
  ] as const) {
    if (value !== undefined && parsed === undefined) diagnostics.push(diagnose("DW203", { dag: dag.id, option, value }, at));
  }
  if (start && end && utcMillis(end) < utcMillis(start)) {
    diagnostics.push(diagnose("DW204", { dag: dag.id, start: dag.startDate!, end: dag.endDate! }, at));
  }
  return diagnostics;
}
