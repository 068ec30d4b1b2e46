/**
 * The rules of each task kind, one module per kind, in a map over every kind: a kind without
 * its rules is a type error here.
 */
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
};
