/**
 * Where each Python name lives on each Airflow line. Airflow 2 and 3 differ here, and only here
 * and in the arguments the back end writes.
 */
import type { AirflowTarget } from "../../ir/schema.js";
import { airflowMajor, atLeast } from "../../ir/target.js";
import { LINE_LENGTH } from "../python/layout.js";

export const PYTHON_NAMES = [
  "DAG",
  "BashOperator",
  "PythonOperator",
  "EmptyOperator",
  "CronDataIntervalTimetable",
  "DeltaDataIntervalTimetable",
  "SparkSubmitOperator",
  "SparkKubernetesOperator",
  "TaskGroup",
  "BranchPythonOperator",
  "ShortCircuitOperator",
  "ExternalTaskSensor",
  "FileSensor",
  "TimeDeltaSensor",
  "DateTimeSensor",
  "TriggerDagRunOperator",
  "KubernetesPodOperator",
  "Secret",
  "Param",
] as const;
export type PythonName = (typeof PYTHON_NAMES)[number];

/** The module each name is imported from for a target. */
export function moduleOf(name: PythonName, target: AirflowTarget): string {
  const af3 = airflowMajor(target) === 3;
  switch (name) {
    case "DAG":
      return af3 ? "airflow.sdk" : "airflow";
    case "BashOperator":
      return af3 ? "airflow.providers.standard.operators.bash" : "airflow.operators.bash";
    case "PythonOperator":
      return af3 ? "airflow.providers.standard.operators.python" : "airflow.operators.python";
    case "EmptyOperator":
      return af3 ? "airflow.providers.standard.operators.empty" : "airflow.operators.empty";
    case "SparkSubmitOperator":
      return "airflow.providers.apache.spark.operators.spark_submit";
    case "SparkKubernetesOperator":
      return "airflow.providers.cncf.kubernetes.operators.spark_kubernetes";
    case "TaskGroup":
      return af3 ? "airflow.sdk" : "airflow.utils.task_group";
    case "Param":
      return af3 ? "airflow.sdk" : "airflow.models.param";
    case "BranchPythonOperator":
    case "ShortCircuitOperator":
      return af3 ? "airflow.providers.standard.operators.python" : "airflow.operators.python";
    case "TriggerDagRunOperator":
      return af3 ? "airflow.providers.standard.operators.trigger_dagrun" : "airflow.operators.trigger_dagrun";
    case "ExternalTaskSensor":
      return af3 ? "airflow.providers.standard.sensors.external_task" : "airflow.sensors.external_task";
    case "FileSensor":
      return af3 ? "airflow.providers.standard.sensors.filesystem" : "airflow.sensors.filesystem";
    case "TimeDeltaSensor":
      return af3 ? "airflow.providers.standard.sensors.time_delta" : "airflow.sensors.time_delta";
    case "DateTimeSensor":
      return af3 ? "airflow.providers.standard.sensors.date_time" : "airflow.sensors.date_time";
    case "KubernetesPodOperator":
      return "airflow.providers.cncf.kubernetes.operators.pod";
    case "Secret":
      return "airflow.providers.cncf.kubernetes.secret";
    case "CronDataIntervalTimetable":
    case "DeltaDataIntervalTimetable":
      // The task SDK exports timetables from 3.2; earlier versions only have the core module.
      return atLeast(target, "3.2") ? "airflow.sdk" : "airflow.timetables.interval";
  }
}

/** The names a file uses, rendered as sorted import lines: standard library first, then Airflow. */
export class Imports {
  readonly #names = new Set<PythonName>();
  /** Classes of other operators (the escape hatch), by module: module -> class names. */
  readonly #others = new Map<string, Set<string>>();
  #datetime = false;

  constructor(private readonly target: AirflowTarget) {}

  use(name: PythonName): string {
    this.#names.add(name);
    return name;
  }

  /** A class by its full import path, for operators dagwright has no builder for; returns its name. */
  useClass(importPath: string): string {
    const dot = importPath.lastIndexOf(".");
    const module = importPath.slice(0, dot);
    const name = importPath.slice(dot + 1);
    this.#others.set(module, (this.#others.get(module) ?? new Set()).add(name));
    return name;
  }

  /** Marks the standard `datetime` module as used; returns its name. */
  datetime(): string {
    this.#datetime = true;
    return "datetime";
  }

  /** Groups of import lines, each group sorted, as isort would order them. */
  lines(): string[][] {
    const byModule = new Map<string, string[]>();
    for (const name of this.#names) {
      const module = moduleOf(name, this.target);
      byModule.set(module, [...(byModule.get(module) ?? []), name]);
    }
    for (const [module, names] of this.#others) {
      byModule.set(module, [...new Set([...(byModule.get(module) ?? []), ...names])]);
    }
    const airflow = [...byModule]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([module, names]) => fromImport(module, names.sort(byType)));
    return [this.#datetime ? ["import datetime"] : [], airflow].filter((group) => group.length > 0);
  }
}

/** One import statement; too long for a line, it lists the names one per line, as ruff and isort do. */
function fromImport(module: string, names: string[]): string {
  const line = `from ${module} import ${names.join(", ")}`;
  return line.length <= LINE_LENGTH ? line : `from ${module} import (\n${names.map((name) => `    ${name},\n`).join("")})`;
}

/** isort's "order by type": CONSTANTS, then Classes, then functions, each alphabetical. */
function byType(a: string, b: string): number {
  const rank = (name: string) => (name === name.toUpperCase() ? 0 : /^[A-Z]/.test(name) ? 1 : 2);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}
