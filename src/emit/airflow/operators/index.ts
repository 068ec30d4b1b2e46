/**
 * The Airflow emitter of each task kind, one module per kind, in a map over every kind: a kind
 * without its emitter is a type error here, and each emitter's keyword table is typed over its
 * kind's IR fields.
 */
import { hitl } from "./hitl.js";
import type { TaskKind } from "../../../ir/kinds/index.js";
import { bash } from "./bash.js";
import { branch } from "./branch.js";
import { dateTimeSensor } from "./date-time-sensor.js";
import { empty } from "./empty.js";
import { externalTaskSensor } from "./external-task-sensor.js";
import { fileSensor } from "./file-sensor.js";
import { operator } from "./operator.js";
import { pod } from "./pod.js";
import { python } from "./python.js";
import { shortCircuit } from "./short-circuit.js";
import { spark } from "./spark.js";
import { timeDeltaSensor } from "./time-delta-sensor.js";
import { triggerDag } from "./trigger-dag.js";
import { bashSensor } from "./bash-sensor.js";
import { branchDateTime } from "./branch-date-time.js";
import { branchDayOfWeek } from "./branch-day-of-week.js";
import { dayOfWeekSensor } from "./day-of-week-sensor.js";
import { email } from "./email.js";
import { externalTaskMarker } from "./external-task-marker.js";
import { latestOnly } from "./latest-only.js";
import { pythonSensor } from "./python-sensor.js";
import { timeSensor } from "./time-sensor.js";
import { pythonVirtualenv } from "./python-virtualenv.js";
import { externalPython } from "./external-python.js";
import type { OperatorEmitter } from "./types.js";

export const OPERATORS: { readonly [K in TaskKind]: OperatorEmitter<K> } = {
  empty,
  bash,
  python,
  spark,
  branch,
  short_circuit: shortCircuit,
  external_task_sensor: externalTaskSensor,
  file_sensor: fileSensor,
  time_delta_sensor: timeDeltaSensor,
  date_time_sensor: dateTimeSensor,
  trigger_dag: triggerDag,
  pod,
  operator,
  bash_sensor: bashSensor,
  branch_date_time: branchDateTime,
  branch_day_of_week: branchDayOfWeek,
  day_of_week_sensor: dayOfWeekSensor,
  email,
  external_task_marker: externalTaskMarker,
  latest_only: latestOnly,
  python_sensor: pythonSensor,
  time_sensor: timeSensor,
  python_virtualenv: pythonVirtualenv,
  hitl,
  external_python: externalPython,
};

export type { Helper, Operator, OperatorEmitter } from "./types.js";
