/** DW123: a sensor can wait deferred only where its target Airflow has that. */
import { diagnose, type Diagnostic } from "../../diagnostics/index.js";
import type { SensorKind } from "../../ir/kinds/index.js";
import { about, type RuleContext, type TaskOf } from "../context.js";

export function checkSensor(task: TaskOf<SensorKind>, { capabilities }: RuleContext): Diagnostic[] {
  const { config } = task.ir;
  if (!config.deferrable || capabilities.deferrable[config.kind]) return [];
  return [diagnose("DW123", { ...about(task), airflow: capabilities.target }, task.ir.location)];
}
