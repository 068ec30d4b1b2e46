/** DW201-DW206 and DW140: schedules, the timetables they become, and the dates around them. */
import type { Capabilities, PythonName } from "../capabilities/index.js";
import { firstTargetWith } from "../capabilities/index.js";
import { diagnose, optionAt, type Diagnostic, type OptionPath } from "../diagnostics/index.js";
import type { ResolvedDag } from "../ir/resolved.js";
import { SCHEDULE_PRESETS, type TimeSchedule } from "../ir/schema.js";
import { parseUtcDate, utcMillis } from "../values/date.js";
import { durationSeconds } from "../values/duration.js";
import { cronNeverFires, cronProblem } from "./cron.js";
import { checkDuration } from "./options.js";

const PRESETS: readonly string[] = SCHEDULE_PRESETS;

export function checkSchedule(resolved: ResolvedDag, capabilities: Capabilities): Diagnostic[] {
  const dag = resolved.ir;
  const diagnostics: Diagnostic[] = [];
  const at = dag.location;
  const { schedule } = dag;
  const needs = (name: PythonName, feature: string) => {
    if (capabilities.imports[name]) return;
    const since = firstTargetWith((other) => other.imports[name] !== undefined) ?? "a newer version";
    diagnostics.push(diagnose("DW140", { where: { dag: dag.id }, feature, since, target: capabilities.target }, at));
  };
  // Each finding points at the value it is about, where the DAG's options write it (see optionAt).
  const checkCron = (expression: string, value: OptionPath) => {
    const valueAt = optionAt(at, ...value);
    if (expression.startsWith("@")) {
      if (!PRESETS.includes(expression)) diagnostics.push(diagnose("DW201", { dag: dag.id, preset: expression, presets: PRESETS }, valueAt));
      return;
    }
    const problem = cronProblem(expression);
    if (problem) diagnostics.push(diagnose("DW201", { dag: dag.id, cron: expression, problem }, valueAt));
    else if (cronNeverFires(expression)) diagnostics.push(diagnose("DW207", { dag: dag.id, cron: expression }, valueAt));
  };
  const checkTrigger = (time: { interval?: string; runImmediately?: boolean | string }, trigger: boolean, schedulePath: OptionPath) => {
    for (const option of ["interval", "runImmediately"] as const) {
      if (time[option] !== undefined && !trigger) diagnostics.push(diagnose("DW206", { dag: dag.id, option }, optionAt(at, ...schedulePath, option)));
    }
    const where = { dag: dag.id };
    if (time.interval !== undefined) checkDuration(diagnostics, where, "interval", time.interval, optionAt(at, ...schedulePath, "interval"));
    if (typeof time.runImmediately === "string") checkDuration(diagnostics, where, "runImmediately", time.runImmediately, optionAt(at, ...schedulePath, "runImmediately"));
    if (time.runImmediately !== undefined && trigger && !capabilities.runImmediately) {
      const since = firstTargetWith((other) => other.runImmediately) ?? "a newer version";
      diagnostics.push(diagnose("DW140", { where: { dag: dag.id }, feature: "runImmediately (run_immediately)", since, target: capabilities.target }, optionAt(at, ...schedulePath, "runImmediately")));
    }
  };
  const checkTime = (time: TimeSchedule, schedulePath: OptionPath) => {
    switch (time.kind) {
      case "cron": {
        checkCron(time.expression, [...schedulePath, "cron"]);
        const trigger = (time.timetable ?? resolved.timetable) === "trigger";
        if (trigger && !time.expression.startsWith("@once") && time.expression !== "@continuous") needs("CronTriggerTimetable", "the cron trigger timetable (CronTriggerTimetable)");
        checkTrigger(time, trigger, schedulePath);
        if (time.expression === "@continuous" && dag.maxActiveRuns !== undefined && dag.maxActiveRuns !== 1) {
          diagnostics.push(diagnose("DW205", { dag: dag.id, maxActiveRuns: dag.maxActiveRuns }, optionAt(at, "maxActiveRuns")));
        }
        return;
      }
      case "every": {
        const seconds = durationSeconds(time.every);
        if (seconds === undefined || seconds === 0) diagnostics.push(diagnose("DW201", { dag: dag.id, period: time.every }, optionAt(at, ...schedulePath, "every")));
        const trigger = (time.timetable ?? resolved.timetable) === "trigger";
        if (trigger) needs("DeltaTriggerTimetable", "the period trigger timetable (DeltaTriggerTimetable)");
        checkTrigger(time, trigger, schedulePath);
        return;
      }
      case "crons":
        needs("MultipleCronTriggerTimetable", "several crons (MultipleCronTriggerTimetable)");
        if (time.expressions.length === 0) diagnostics.push(diagnose("DW201", { dag: dag.id, cron: "", problem: "the list of crons is empty" }, optionAt(at, ...schedulePath, "crons")));
        time.expressions.forEach((expression, index) => checkCron(expression, [...schedulePath, "crons", index]));
        checkTrigger(time, true, schedulePath);
        return;
      case "events":
        if (time.dates.length === 0) diagnostics.push(diagnose("DW201", { dag: dag.id, cron: "", problem: "the list of events is empty" }, optionAt(at, ...schedulePath, "events")));
        time.dates.forEach((value, index) => {
          if (parseUtcDate(value) === undefined) diagnostics.push(diagnose("DW203", { dag: dag.id, option: "event", value }, optionAt(at, ...schedulePath, "events", index)));
        });
        return;
    }
  };
  if (schedule.kind === "assets" && schedule.orTime) {
    needs("AssetOrTimeSchedule", "assets or a time (AssetOrTimeSchedule)");
    checkTime(schedule.orTime, ["schedule", "or"]);
  } else if (schedule.kind !== "assets" && schedule.kind !== "manual") {
    checkTime(schedule, ["schedule"]);
  }

  const timed = schedule.kind !== "manual" && (schedule.kind !== "assets" || schedule.orTime !== undefined);
  const start = dag.startDate === undefined ? undefined : parseUtcDate(dag.startDate);
  const end = dag.endDate === undefined ? undefined : parseUtcDate(dag.endDate);
  if (dag.startDate === undefined && timed) diagnostics.push(diagnose("DW202", { dag: dag.id }, at));
  for (const [option, value, parsed] of [
    ["startDate", dag.startDate, start],
    ["endDate", dag.endDate, end],
  ] as const) {
    if (value !== undefined && parsed === undefined) diagnostics.push(diagnose("DW203", { dag: dag.id, option, value }, optionAt(at, option)));
  }
  if (start && end && utcMillis(end) < utcMillis(start)) {
    diagnostics.push(diagnose("DW204", { dag: dag.id, start: dag.startDate!, end: dag.endDate! }, optionAt(at, "endDate")));
  }
  return diagnostics;
}
