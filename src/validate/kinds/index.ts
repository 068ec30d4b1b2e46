/**
 * The rules of each task kind, one module per kind, in a map over every kind: a kind without
 * its rules is a type error here.
 */
import { checkHitl } from "./hitl.js";
import type { TaskKind } from "../../ir/kinds/index.js";
import type { KindRule } from "../context.js";
import { checkBash } from "./bash.js";
import { checkBranch } from "./branch.js";
import { checkDateTimeSensor } from "./date-time-sensor.js";
import { checkEmpty } from "./empty.js";
import { checkExternalTaskSensor } from "./external-task-sensor.js";
import { checkFileSensor } from "./file-sensor.js";
import { checkOperator } from "./operator.js";
import { checkPod } from "./pod.js";
import { checkPython } from "./python.js";
import { checkShortCircuit } from "./short-circuit.js";
import { checkSpark } from "./spark.js";
import { checkTimeDeltaSensor } from "./time-delta-sensor.js";
import { checkTriggerDag } from "./trigger-dag.js";
import { checkBashSensor } from "./bash-sensor.js";
import { checkBranchDateTime } from "./branch-date-time.js";
import { checkBranchDayOfWeek } from "./branch-day-of-week.js";
import { checkDayOfWeekSensor } from "./day-of-week-sensor.js";
import { checkEmail } from "./email.js";
import { checkExternalTaskMarker } from "./external-task-marker.js";
import { checkLatestOnly } from "./latest-only.js";
import { checkPythonSensor } from "./python-sensor.js";
import { checkTimeSensor } from "./time-sensor.js";
import { checkPythonVirtualenv } from "./python-virtualenv.js";
import { checkExternalPython } from "./external-python.js";

export const KIND_RULES: { readonly [K in TaskKind]: KindRule<K> } = {
  empty: checkEmpty,
  bash: checkBash,
  python: checkPython,
  spark: checkSpark,
  branch: checkBranch,
  short_circuit: checkShortCircuit,
  external_task_sensor: checkExternalTaskSensor,
  file_sensor: checkFileSensor,
  time_delta_sensor: checkTimeDeltaSensor,
  date_time_sensor: checkDateTimeSensor,
  trigger_dag: checkTriggerDag,
  pod: checkPod,
  operator: checkOperator,
  bash_sensor: checkBashSensor,
  branch_date_time: checkBranchDateTime,
  branch_day_of_week: checkBranchDayOfWeek,
  day_of_week_sensor: checkDayOfWeekSensor,
  email: checkEmail,
  external_task_marker: checkExternalTaskMarker,
  latest_only: checkLatestOnly,
  python_sensor: checkPythonSensor,
  time_sensor: checkTimeSensor,
  python_virtualenv: checkPythonVirtualenv,
  hitl: checkHitl,
  external_python: checkExternalPython,
};
