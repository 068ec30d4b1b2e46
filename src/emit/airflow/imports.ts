/**
 * Where each Python name lives on each Airflow line. Airflow 2 and 3 differ here, and only here
 * and in the arguments the back end writes.
 */
import type { AirflowTarget } from "../../ir/schema.js";
import { airflowMajor, atLeast } from "../../ir/target.js";
import { LINE_LENGTH } from "../python/layout.js";

/** Core operators moved from Airflow 2's core into Airflow 3's standard provider, module by module. */
const STANDARD = (module: string): Lines => ({ 2: `airflow.${module}`, 3: `airflow.providers.standard.${module}` });
/** Provider classes live in the same module on both lines. */
const PROVIDER = (module: string): Lines => ({ 2: module, 3: module });

interface Lines {
  2: string;
  3: string;
  /** The class's name on each line, where Airflow renamed it (Dataset became Asset). */
  names?: { 2: string; 3: string };
}

/** Each name dagwright writes, and the module it comes from on Airflow 2 and on Airflow 3. */
const MODULES = {
  DAG: { 2: "airflow", 3: "airflow.sdk" },
  TaskGroup: { 2: "airflow.utils.task_group", 3: "airflow.sdk" },
  Param: { 2: "airflow.models.param", 3: "airflow.sdk" },
  BashOperator: STANDARD("operators.bash"),
  PythonOperator: STANDARD("operators.python"),
  BranchPythonOperator: STANDARD("operators.python"),
  ShortCircuitOperator: STANDARD("operators.python"),
  EmptyOperator: STANDARD("operators.empty"),
  TriggerDagRunOperator: STANDARD("operators.trigger_dagrun"),
  ExternalTaskSensor: STANDARD("sensors.external_task"),
  FileSensor: STANDARD("sensors.filesystem"),
  TimeDeltaSensor: STANDARD("sensors.time_delta"),
  DateTimeSensor: STANDARD("sensors.date_time"),
  SparkSubmitOperator: PROVIDER("airflow.providers.apache.spark.operators.spark_submit"),
  SparkKubernetesOperator: PROVIDER("airflow.providers.cncf.kubernetes.operators.spark_kubernetes"),
  KubernetesPodOperator: PROVIDER("airflow.providers.cncf.kubernetes.operators.pod"),
  Secret: PROVIDER("airflow.providers.cncf.kubernetes.secret"),
  Asset: { 2: "airflow.datasets", 3: "airflow.sdk", names: { 2: "Dataset", 3: "Asset" } },
  AssetAll: { 2: "airflow.datasets", 3: "airflow.sdk", names: { 2: "DatasetAll", 3: "AssetAll" } },
  AssetAny: { 2: "airflow.datasets", 3: "airflow.sdk", names: { 2: "DatasetAny", 3: "AssetAny" } },
  CronDataIntervalTimetable: { 2: "airflow.timetables.interval", 3: "airflow.timetables.interval" },
  DeltaDataIntervalTimetable: { 2: "airflow.timetables.interval", 3: "airflow.timetables.interval" },
} satisfies Record<string, Lines>;

export type PythonName = keyof typeof MODULES;
export const PYTHON_NAMES = Object.keys(MODULES) as PythonName[];

/** The module each name is imported from for a target. */
export function moduleOf(name: PythonName, target: AirflowTarget): string {
  // The task SDK exports timetables from 3.2; earlier versions only have the core module.
  if ((name === "CronDataIntervalTimetable" || name === "DeltaDataIntervalTimetable") && atLeast(target, "3.2")) return "airflow.sdk";
  return MODULES[name][airflowMajor(target)];
}

/** The name a class has on the target's line. */
export function nameOf(name: PythonName, target: AirflowTarget): string {
  const lines: Lines = MODULES[name];
  return lines.names?.[airflowMajor(target)] ?? name;
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
    return nameOf(name, this.target);
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
      byModule.set(module, [...(byModule.get(module) ?? []), nameOf(name, this.target)]);
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
