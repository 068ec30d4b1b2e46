/** DW123: a sensor can wait deferred only where its target Airflow has a way (an argument or an async class). */
import { diagnose, type Diagnostic } from "../../diagnostics/index.js";
import type { SensorKind } from "../../ir/kinds/index.js";
import { about, type RuleContext, type TaskOf } from "../context.js";

const SENSOR_CLASSES: { readonly [K in SensorKind]: string } = {
  external_task_sensor: "ExternalTaskSensor",
  file_sensor: "FileSensor",
  time_delta_sensor: "TimeDeltaSensor",
  date_time_sensor: "DateTimeSensor",
  time_sensor: "TimeSensor",
  day_of_week_sensor: "DayOfWeekSensor",
  python_sensor: "PythonSensor",
  bash_sensor: "BashSensor",
};

export function checkSensor(task: TaskOf<SensorKind>, { capabilities }: RuleContext): Diagnostic[] {
  const { config } = task.ir;
  if (!config.deferrable || capabilities.deferrable[config.kind] !== false) return [];
  return [diagnose("DW123", { ...about(task), airflow: capabilities.target, sensor: SENSOR_CLASSES[config.kind] }, task.ir.location)];
}
