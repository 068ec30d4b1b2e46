/**
 * A DAG's schedule. Cron and period schedules get an explicit data-interval timetable: Airflow 2
 * builds one from a bare cron string, but Airflow 3 builds a trigger timetable, which would move
 * what `{{ ds }}` means by one period.
 */
import type { AssetCondition, Dag } from "../../ir/schema.js";
import { call, code, literal, type PyExpr } from "../python/expr.js";
import { assetCall, timedelta, type EmitContext } from "./context.js";

export function schedule(dag: Dag, context: EmitContext): PyExpr {
  const { schedule } = dag;
  switch (schedule.kind) {
    case "manual":
      return code("None");
    case "assets":
      return assetCondition(schedule.condition, context, true);
    case "every":
      return call(context.imports.use("DeltaDataIntervalTimetable"), [timedelta(schedule.every, context)]);
    case "cron":
      if (schedule.expression === "@once" || schedule.expression === "@continuous") return literal(schedule.expression);
      return call(context.imports.use("CronDataIntervalTimetable"), [literal(schedule.expression), { name: "timezone", value: literal("UTC") }]);
  }
}

/**
 * An asset schedule: a list for "all of these" at the top (Airflow's plain list schedule),
 * AssetAll and AssetAny (DatasetAll and DatasetAny on Airflow 2) for nested expressions.
 */
function assetCondition(condition: AssetCondition, context: EmitContext, top = false): PyExpr {
  if ("asset" in condition) return assetCall(condition.asset, context);
  if ("all" in condition) {
    const items = condition.all.map((item) => assetCondition(item, context));
    return top ? { kind: "list", items } : call(context.imports.use("AssetAll"), items);
  }
  return call(context.imports.use("AssetAny"), condition.any.map((item) => assetCondition(item, context)));
}
