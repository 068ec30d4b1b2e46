/**
 * What each Airflow target has: where every Python name dagwright writes is imported from, which
 * trigger rules exist, which sensors can defer, whether SLAs or asset names exist. Validation and
 * the back ends read this one table; adding an Airflow version is one entry here plus goldens.
 */
import { TRIGGER_RULES, type AirflowTarget, type TriggerRule } from "../ir/schema.js";
import type { SensorKind } from "../ir/kinds/index.js";
import { CONTEXT_2_9, CONTEXT_2_10, CONTEXT_3_0, CONTEXT_3_2, CONTEXT_3_3, type AirflowContextKey } from "../ir/airflow-context.js";

/** Where a name lives: its module, and what it is called there (Airflow 3 renamed Dataset to Asset). */
export interface PythonImport {
  module: string;
  name: string;
}

/** Every name a generated file may import. */
export const PYTHON_NAMES = [
  "DAG",
  "TaskGroup",
  "task_group",
  "Param",
  "BashOperator",
  "PythonOperator",
  "BranchPythonOperator",
  "ShortCircuitOperator",
  "EmptyOperator",
  "TriggerDagRunOperator",
  "ExternalTaskSensor",
  "FileSensor",
  "TimeDeltaSensor",
  "DateTimeSensor",
  "SparkSubmitOperator",
  "SparkKubernetesOperator",
  "KubernetesPodOperator",
  "Secret",
  "Asset",
  "AssetAlias",
  "AssetWatcher",
  "AssetAll",
  "AssetAny",
  "CronDataIntervalTimetable",
  "DeltaDataIntervalTimetable",
  "CronTriggerTimetable",
  "DeltaTriggerTimetable",
  "MultipleCronTriggerTimetable",
  "EventsTimetable",
  "AssetOrTimeSchedule",
  "Label",
  "DeadlineAlert",
  "DeadlineReference",
  "AsyncCallback",
] as const;
export type PythonName = (typeof PYTHON_NAMES)[number];

/** Names a generated file defines or imports besides those: no task, group or argument may take them. */
export const GENERATED_NAMES = ["dag", "datetime", "annotations", "_Callable", "_callback", "k8s", "Dataset", "DatasetAlias", "DatasetAll", "DatasetAny"] as const;

export const PYTHON_KEYWORDS: ReadonlySet<string> = new Set(
  "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield".split(" "),
);

/** Whether a mapped group's argument can be its function's parameter: an identifier that shadows nothing a generated file uses. */
export function isUsableArgumentName(name: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_]*$/.test(name) && !PYTHON_KEYWORDS.has(name) && !(GENERATED_NAMES as readonly string[]).includes(name) && !(PYTHON_NAMES as readonly string[]).includes(name);
}

export interface Capabilities {
  readonly target: AirflowTarget;
  /** The major line: 2 or 3. */
  readonly line: 2 | 3;
  /** Where each name is imported from; a name the line does not have is missing. */
  readonly imports: { readonly [N in PythonName]?: PythonImport };
  /** The trigger rules an author may write. */
  readonly triggerRules: ReadonlySet<TriggerRule>;
  /** Which sensor kinds take `deferrable=True`. */
  readonly deferrable: { readonly [K in SensorKind]: boolean };
  /** Airflow 2's task SLAs (Airflow 3 removed them). */
  readonly sla: boolean;
  /** Whether an asset has a name beside its URI (Airflow 3's Asset; Airflow 2's Dataset has none). */
  readonly assetNames: boolean;
  /**
   * What runs a Python callable that is a generator, recording the asset metadata it yields
   * (a class or a factory called with the function and the outlet events); none before 2.10.
   */
  readonly callableRunner?: PythonImport;
  /** Whether trigger timetables take `run_immediately`. */
  readonly runImmediately: boolean;
  /** Whether outputs can be joined one after the other (`XComArg.concat`, 2.10+). */
  readonly concatOutputs: boolean;
  /** Whether PythonOperator awaits an `async def` callable itself (3.2+); before, dagwright's helper runs it. */
  readonly asyncCallables: boolean;
  /** The names of the task context Airflow passes to a Python callable that asks for them. */
  readonly contextKeys: ReadonlySet<AirflowContextKey>;
  /** Whether a DAG takes `orientation` (Airflow 2; Airflow 3's UI removed it). */
  readonly orientation: boolean;
  /** Whether a DAG takes deadline alerts (`deadline=DeadlineAlert(...)`, 3.1+). */
  readonly deadlines: boolean;
}


/** Every rule but those a later line added (see the 3.1 entry). */
const AIRFLOW_2_TRIGGER_RULES: readonly TriggerRule[] = TRIGGER_RULES.filter((rule) => rule !== "all_done_min_one_success");

const at = (module: string, name: string): PythonImport => ({ module, name });

/** Airflow 2: core operators in airflow.*, datasets, and the SLA feature. */
const AIRFLOW_2: Omit<Capabilities, "target"> = {
  line: 2,
  imports: {
    DAG: at("airflow", "DAG"),
    TaskGroup: at("airflow.utils.task_group", "TaskGroup"),
    task_group: at("airflow.decorators", "task_group"),
    Param: at("airflow.models.param", "Param"),
    BashOperator: at("airflow.operators.bash", "BashOperator"),
    PythonOperator: at("airflow.operators.python", "PythonOperator"),
    BranchPythonOperator: at("airflow.operators.python", "BranchPythonOperator"),
    ShortCircuitOperator: at("airflow.operators.python", "ShortCircuitOperator"),
    EmptyOperator: at("airflow.operators.empty", "EmptyOperator"),
    TriggerDagRunOperator: at("airflow.operators.trigger_dagrun", "TriggerDagRunOperator"),
    ExternalTaskSensor: at("airflow.sensors.external_task", "ExternalTaskSensor"),
    FileSensor: at("airflow.sensors.filesystem", "FileSensor"),
    TimeDeltaSensor: at("airflow.sensors.time_delta", "TimeDeltaSensor"),
    DateTimeSensor: at("airflow.sensors.date_time", "DateTimeSensor"),
    SparkSubmitOperator: at("airflow.providers.apache.spark.operators.spark_submit", "SparkSubmitOperator"),
    SparkKubernetesOperator: at("airflow.providers.cncf.kubernetes.operators.spark_kubernetes", "SparkKubernetesOperator"),
    KubernetesPodOperator: at("airflow.providers.cncf.kubernetes.operators.pod", "KubernetesPodOperator"),
    Secret: at("airflow.providers.cncf.kubernetes.secret", "Secret"),
    Asset: at("airflow.datasets", "Dataset"),
    AssetAll: at("airflow.datasets", "DatasetAll"),
    AssetAny: at("airflow.datasets", "DatasetAny"),
    CronDataIntervalTimetable: at("airflow.timetables.interval", "CronDataIntervalTimetable"),
    DeltaDataIntervalTimetable: at("airflow.timetables.interval", "DeltaDataIntervalTimetable"),
    CronTriggerTimetable: at("airflow.timetables.trigger", "CronTriggerTimetable"),
    EventsTimetable: at("airflow.timetables.events", "EventsTimetable"),
    AssetOrTimeSchedule: at("airflow.timetables.datasets", "DatasetOrTimeSchedule"),
    Label: at("airflow.utils.edgemodifier", "Label"),
  },
  triggerRules: new Set(AIRFLOW_2_TRIGGER_RULES),
  deferrable: { external_task_sensor: true, file_sensor: true, time_delta_sensor: false, date_time_sensor: false },
  sla: true,
  assetNames: false,
  runImmediately: false,
  concatOutputs: false,
  asyncCallables: false,
  contextKeys: new Set(CONTEXT_2_9),
  orientation: true,
  deadlines: false,
};

/** Airflow 2.10 records asset (dataset) metadata a generator yields, and passes the asset events. */
const AIRFLOW_2_10: Omit<Capabilities, "target"> = {
  ...AIRFLOW_2,
  imports: { ...AIRFLOW_2.imports, AssetAlias: at("airflow.datasets", "DatasetAlias") },
  callableRunner: at("airflow.utils.operator_helpers", "ExecutionCallableRunner"),
  concatOutputs: true,
  contextKeys: new Set(CONTEXT_2_10),
};

/** Airflow 2.11 adds the period trigger timetable. */
const AIRFLOW_2_11: Omit<Capabilities, "target"> = {
  ...AIRFLOW_2_10,
  imports: { ...AIRFLOW_2_10.imports, DeltaTriggerTimetable: at("airflow.timetables.trigger", "DeltaTriggerTimetable") },
};

const STANDARD = "airflow.providers.standard";

/** Airflow 3.0: the task SDK, core operators in the standard provider, assets with names, no SLAs. */
const AIRFLOW_3_0: Omit<Capabilities, "target"> = {
  ...AIRFLOW_2,
  line: 3,
  concatOutputs: true,
  callableRunner: at("airflow.sdk.execution_time.callback_runner", "create_executable_runner"),
  contextKeys: new Set(CONTEXT_3_0),
  imports: {
    ...AIRFLOW_2.imports,
    DAG: at("airflow.sdk", "DAG"),
    TaskGroup: at("airflow.sdk", "TaskGroup"),
    task_group: at("airflow.sdk", "task_group"),
    Param: at("airflow.sdk", "Param"),
    BashOperator: at(`${STANDARD}.operators.bash`, "BashOperator"),
    PythonOperator: at(`${STANDARD}.operators.python`, "PythonOperator"),
    BranchPythonOperator: at(`${STANDARD}.operators.python`, "BranchPythonOperator"),
    ShortCircuitOperator: at(`${STANDARD}.operators.python`, "ShortCircuitOperator"),
    EmptyOperator: at(`${STANDARD}.operators.empty`, "EmptyOperator"),
    TriggerDagRunOperator: at(`${STANDARD}.operators.trigger_dagrun`, "TriggerDagRunOperator"),
    ExternalTaskSensor: at(`${STANDARD}.sensors.external_task`, "ExternalTaskSensor"),
    FileSensor: at(`${STANDARD}.sensors.filesystem`, "FileSensor"),
    TimeDeltaSensor: at(`${STANDARD}.sensors.time_delta`, "TimeDeltaSensor"),
    DateTimeSensor: at(`${STANDARD}.sensors.date_time`, "DateTimeSensor"),
    Asset: at("airflow.sdk", "Asset"),
    AssetAlias: at("airflow.sdk", "AssetAlias"),
    AssetWatcher: at("airflow.sdk", "AssetWatcher"),
    AssetAll: at("airflow.sdk", "AssetAll"),
    AssetAny: at("airflow.sdk", "AssetAny"),
    DeltaTriggerTimetable: at("airflow.timetables.trigger", "DeltaTriggerTimetable"),
    MultipleCronTriggerTimetable: at("airflow.timetables.trigger", "MultipleCronTriggerTimetable"),
    AssetOrTimeSchedule: at("airflow.timetables.assets", "AssetOrTimeSchedule"),
    Label: at("airflow.sdk", "Label"),
  },
  runImmediately: true,
  orientation: false,
  deferrable: { ...AIRFLOW_2.deferrable, time_delta_sensor: true },
  sla: false,
  assetNames: true,
};

const DEADLINE = "airflow.sdk.definitions.deadline";

/** Airflow 3.1 adds the all_done_min_one_success trigger rule and deadline alerts (from the SDK's deadline module). */
const AIRFLOW_3_1: Omit<Capabilities, "target"> = {
  ...AIRFLOW_3_0,
  triggerRules: new Set([...AIRFLOW_3_0.triggerRules, "all_done_min_one_success"]),
  deadlines: true,
  imports: {
    ...AIRFLOW_3_0.imports,
    DeadlineAlert: at(DEADLINE, "DeadlineAlert"),
    DeadlineReference: at(DEADLINE, "DeadlineReference"),
    AsyncCallback: at(DEADLINE, "AsyncCallback"),
  },
};

/**
 * Airflow 3.2's task SDK exports the timetables (the core module's AssetOrTimeSchedule takes
 * serialized assets from then on), and PythonOperator awaits async callables.
 */
const AIRFLOW_3_2: Omit<Capabilities, "target"> = {
  ...AIRFLOW_3_1,
  asyncCallables: true,
  contextKeys: new Set(CONTEXT_3_2),
  imports: {
    ...AIRFLOW_3_1.imports,
    ...Object.fromEntries(
      // Not EventsTimetable: the task SDK's fails Airflow's own serialization on 3.2 and 3.3 (KeyError: '_summary').
      // The task SDK exports the deadline names from 3.2 on.
      (["CronDataIntervalTimetable", "DeltaDataIntervalTimetable", "CronTriggerTimetable", "DeltaTriggerTimetable", "MultipleCronTriggerTimetable", "AssetOrTimeSchedule", "DeadlineAlert", "DeadlineReference", "AsyncCallback"] as const).map(
        (name) => [name, at("airflow.sdk", name)],
      ),
    ),
  },
};

export const CAPABILITIES: { readonly [T in AirflowTarget]: Capabilities } = {
  "2.9": { target: "2.9", ...AIRFLOW_2 },
  "2.10": { target: "2.10", ...AIRFLOW_2_10 },
  "2.11": { target: "2.11", ...AIRFLOW_2_11 },
  "3.0": { target: "3.0", ...AIRFLOW_3_0 },
  "3.1": { target: "3.1", ...AIRFLOW_3_1 },
  "3.2": { target: "3.2", ...AIRFLOW_3_2 },
  "3.3": { target: "3.3", ...AIRFLOW_3_2, contextKeys: new Set(CONTEXT_3_3) },
};

export function capabilitiesOf(target: AirflowTarget): Capabilities {
  return CAPABILITIES[target];
}

/** The oldest target that has a capability, for messages such as "needs Airflow 3.1+". */
export function firstTargetWith(has: (capabilities: Capabilities) => boolean): AirflowTarget | undefined {
  return (Object.keys(CAPABILITIES) as AirflowTarget[]).find((target) => has(CAPABILITIES[target]));
}
