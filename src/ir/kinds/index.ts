/**
 * The task kinds: one schema per kind, assembled into the `TaskConfig` union. Every other stage
 * keeps a map over `TaskKind` (builders, validators, emitters, the real-Airflow harness), so a
 * kind added here and forgotten there is a type error.
 */
import { z } from "zod";
import { BashConfig } from "./bash.js";
import { BranchConfig } from "./branch.js";
import { DateTimeSensorConfig } from "./date-time-sensor.js";
import { EmptyConfig } from "./empty.js";
import { ExternalTaskSensorConfig } from "./external-task-sensor.js";
import { FileSensorConfig } from "./file-sensor.js";
import { OperatorConfig } from "./operator.js";
import { PodConfig } from "./pod.js";
import { PythonConfig } from "./python.js";
import { ShortCircuitConfig } from "./short-circuit.js";
import { SparkJobConfig } from "./spark.js";
import { TimeDeltaSensorConfig } from "./time-delta-sensor.js";
import { TriggerDagConfig } from "./trigger-dag.js";
import { BashSensorConfig } from "./bash-sensor.js";
import { BranchDateTimeConfig } from "./branch-date-time.js";
import { BranchDayOfWeekConfig } from "./branch-day-of-week.js";
import { DayOfWeekSensorConfig } from "./day-of-week-sensor.js";
import { EmailConfig } from "./email.js";
import { ExternalTaskMarkerConfig } from "./external-task-marker.js";
import { LatestOnlyConfig } from "./latest-only.js";
import { PythonSensorConfig } from "./python-sensor.js";
import { TimeSensorConfig } from "./time-sensor.js";
import { PythonVirtualenvConfig } from "./python-virtualenv.js";
import { ExternalPythonConfig } from "./external-python.js";
import { HitlConfig } from "./hitl.js";

export const TaskConfig = z.discriminatedUnion("kind", [
  EmptyConfig,
  BashConfig,
  PythonConfig,
  SparkJobConfig,
  BranchConfig,
  ShortCircuitConfig,
  ExternalTaskSensorConfig,
  FileSensorConfig,
  TimeDeltaSensorConfig,
  DateTimeSensorConfig,
  TriggerDagConfig,
  PodConfig,
  OperatorConfig,
  LatestOnlyConfig,
  ExternalTaskMarkerConfig,
  PythonSensorConfig,
  BashSensorConfig,
  TimeSensorConfig,
  DayOfWeekSensorConfig,
  BranchDateTimeConfig,
  BranchDayOfWeekConfig,
  EmailConfig,
  PythonVirtualenvConfig,
  ExternalPythonConfig,
  HitlConfig,
]);
export type TaskConfig = z.infer<typeof TaskConfig>;
export type TaskKind = TaskConfig["kind"];

/** The configuration of one task kind. */
export type ConfigOf<K extends TaskKind> = Extract<TaskConfig, { kind: K }>;

/** The names of a kind's own fields, beside `kind`. */
export type FieldsOf<K extends TaskKind> = Exclude<keyof ConfigOf<K>, "kind">;

/** Kinds that wait for something: they share mode, deferrable, poke interval, timeout and soft fail. */
export const SENSOR_KINDS = [
  "external_task_sensor",
  "file_sensor",
  "time_delta_sensor",
  "date_time_sensor",
  "time_sensor",
  "day_of_week_sensor",
  "python_sensor",
  "bash_sensor",
] as const satisfies readonly TaskKind[];
export type SensorKind = (typeof SENSOR_KINDS)[number];

export * from "./bash.js";
export * from "./branch.js";
export * from "./date-time-sensor.js";
export * from "./empty.js";
export * from "./external-task-sensor.js";
export * from "./file-sensor.js";
export * from "./operator.js";
export * from "./pod.js";
export * from "./python.js";
export * from "./sensor.js";
export * from "./short-circuit.js";
export * from "./spark.js";
export * from "./time-delta-sensor.js";
export * from "./trigger-dag.js";
export * from "./bash-sensor.js";
export * from "./branch-date-time.js";
export * from "./branch-day-of-week.js";
export * from "./day-of-week-sensor.js";
export * from "./email.js";
export * from "./external-task-marker.js";
export * from "./latest-only.js";
export * from "./python-sensor.js";
export * from "./time-sensor.js";
export * from "./weekday.js";
export * from "./python-virtualenv.js";
export * from "./external-python.js";
export * from "./hitl.js";
