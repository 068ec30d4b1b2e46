/**
 * A DAG's schedule, always as an explicit timetable: Airflow 2 builds a data-interval timetable
 * from a bare cron string and Airflow 3 a trigger timetable, so a bare string would move what
 * `{{ ds }}` means by one period between the lines. The DAG (or project) chooses which.
 */
import type { ResolvedDag } from "../../ir/resolved.js";
import type { AssetCondition, TimeSchedule, Timetable } from "../../ir/schema.js";
import { call, code, keywords, literal, type PyArg, type PyExpr } from "../python/expr.js";
import { aliasCall, assetCall, optionalLiteral, timedelta, utcDateTime, type EmitContext } from "./context.js";

export function schedule(dag: ResolvedDag, context: EmitContext): PyExpr {
  const { schedule } = dag.ir;
  switch (schedule.kind) {
    case "manual":
      return code("None");
    case "assets": {
      const assets = assetCondition(schedule.condition, context, true);
      if (!schedule.orTime) return assets;
      const name = context.imports.use("AssetOrTimeSchedule");
      // Airflow 2's DatasetOrTimeSchedule names its assets `datasets`.
      const keyword = context.capabilities.line === 2 ? "datasets" : "assets";
      return call(name, keywords([["timetable", timeSchedule(schedule.orTime, dag.timetable, context)], [keyword, assets]]));
    }
    default:
      return timeSchedule(schedule, dag.timetable, context);
  }
}

/** A schedule by time as its timetable. */
function timeSchedule(schedule: TimeSchedule, dagTimetable: Timetable, context: EmitContext): PyExpr {
  const { imports } = context;
  const utc = { name: "timezone", value: literal("UTC") };
  const triggerArgs = (interval: string | undefined, runImmediately?: boolean | string): PyArg[] =>
    keywords([
      ["interval", interval === undefined ? undefined : timedelta(interval, context)],
      ["run_immediately", runImmediately === undefined ? undefined : typeof runImmediately === "boolean" ? literal(runImmediately) : timedelta(runImmediately, context)],
    ]);
  switch (schedule.kind) {
    case "cron": {
      if (schedule.expression === "@once" || schedule.expression === "@continuous") return literal(schedule.expression);
      const timetable = schedule.timetable ?? dagTimetable;
      if (timetable === "dataInterval") return call(imports.use("CronDataIntervalTimetable"), [literal(schedule.expression), utc]);
      return call(imports.use("CronTriggerTimetable"), [literal(schedule.expression), utc, ...triggerArgs(schedule.interval, schedule.runImmediately)]);
    }
    case "every": {
      const timetable = schedule.timetable ?? dagTimetable;
      if (timetable === "dataInterval") return call(imports.use("DeltaDataIntervalTimetable"), [timedelta(schedule.every, context)]);
      return call(imports.use("DeltaTriggerTimetable"), [timedelta(schedule.every, context), ...triggerArgs(schedule.interval)]);
    }
    case "crons":
      return call(imports.use("MultipleCronTriggerTimetable"), [
        ...schedule.expressions.map((expression) => literal(expression)),
        utc,
        ...triggerArgs(schedule.interval, schedule.runImmediately),
      ]);
    case "events":
      return call(
        imports.use("EventsTimetable"),
        keywords([
          ["event_dates", { kind: "list", items: schedule.dates.map((date) => utcDateTime(date, context)) }],
          ["restrict_to_events", optionalLiteral(schedule.restrictToEvents)],
          ["description", optionalLiteral(schedule.description)],
        ]),
      );
  }
}

/**
 * An asset schedule: a list for "all of these" at the top (Airflow's plain list schedule),
 * AssetAll and AssetAny (DatasetAll and DatasetAny on Airflow 2) for nested expressions.
 */
function assetCondition(condition: AssetCondition, context: EmitContext, top = false): PyExpr {
  // Watchers matter where a DAG is scheduled on the asset: written there.
  if ("asset" in condition) return assetCall(condition.asset, context, { watchers: true });
  if ("alias" in condition) return aliasCall(condition.alias, context);
  if ("all" in condition) {
    const items = condition.all.map((item) => assetCondition(item, context));
    return top ? { kind: "list", items } : call(context.imports.use("AssetAll"), items);
  }
  return call(context.imports.use("AssetAny"), condition.any.map((item) => assetCondition(item, context)));
}
