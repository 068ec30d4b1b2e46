/** DW201-DW205: schedules and the dates around them. */
import type { Diagnostic } from "../ir/diagnostic.js";
import { SCHEDULE_PRESETS, type Dag } from "../ir/schema.js";
import { durationSeconds, parseUtcDate, utcMillis } from "../ir/values.js";
import { cronProblem } from "./cron.js";
import { diagnose, q } from "./diagnose.js";

const PRESETS: readonly string[] = SCHEDULE_PRESETS;

export function checkSchedule(dag: Dag): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const at = dag.location;
  const { schedule } = dag;
  if (schedule.kind === "cron") {
    const expression = schedule.expression;
    if (expression.startsWith("@")) {
      if (!PRESETS.includes(expression)) {
        diagnostics.push(
          diagnose("DW201", `DAG ${q(dag.id)} has an unknown schedule preset ${q(expression)}`, at, {
            hint: `use one of ${PRESETS.join(", ")}, a cron expression, { every: "6h" } or null`,
          }),
        );
      }
    } else {
      const problem = cronProblem(expression);
      if (problem) diagnostics.push(diagnose("DW201", `DAG ${q(dag.id)} has an invalid cron schedule ${q(expression)}: ${problem}`, at));
    }
    if (expression === "@continuous" && dag.maxActiveRuns !== undefined && dag.maxActiveRuns !== 1) {
      diagnostics.push(diagnose("DW205", `DAG ${q(dag.id)} is @continuous but allows ${dag.maxActiveRuns} active runs`, at));
    }
  }
  if (schedule.kind === "every") {
    const seconds = durationSeconds(schedule.every);
    if (seconds === undefined || seconds === 0) {
      diagnostics.push(
        diagnose("DW201", `DAG ${q(dag.id)} has an invalid schedule period ${q(schedule.every)}`, at, {
          hint: `write a positive whole number and a unit, for example { every: "6h" }`,
        }),
      );
    }
  }
  const start = dag.startDate === undefined ? undefined : parseUtcDate(dag.startDate);
  const end = dag.endDate === undefined ? undefined : parseUtcDate(dag.endDate);
  if (dag.startDate === undefined && schedule.kind !== "manual" && schedule.kind !== "assets") {
    diagnostics.push(diagnose("DW202", `DAG ${q(dag.id)} has a schedule but no startDate`, at));
  }
  for (const [name, text, parsed] of [
    ["startDate", dag.startDate, start],
    ["endDate", dag.endDate, end],
  ] as const) {
    if (text !== undefined && parsed === undefined) {
      diagnostics.push(diagnose("DW203", `DAG ${q(dag.id)} has a malformed ${name} ${q(text)}`, at));
    }
  }
  if (start && end && utcMillis(end) < utcMillis(start)) {
    diagnostics.push(diagnose("DW204", `DAG ${q(dag.id)} ends (${dag.endDate}) before it starts (${dag.startDate})`, at));
  }
  return diagnostics;
}
