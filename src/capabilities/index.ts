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
  "DateTimeSensorAsync",
  "TimeDeltaSensorAsync",
  "TimeSensor",
  "TimeSensorAsync",
  "DayOfWeekSensor",
  "PythonSensor",
  "BashSensor",
  "LatestOnlyOperator",
  "ExternalTaskMarker",
  "BranchDateTimeOperator",
  "BranchDayOfWeekOperator",
  "EmailOperator",
  "PythonVirtualenvOperator",
  "BranchPythonVirtualenvOperator",
  "ExternalPythonOperator",
  "BranchExternalPythonOperator",
  "ApprovalOperator",
  "HITLOperator",
  "HITLBranchOperator",
  "HITLEntryOperator",
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

/** The operator of each human-in-the-loop variant (Airflow 3.1+). */
export const HITL_OPERATORS = { approval: "ApprovalOperator", options: "HITLOperator", branch: "HITLBranchOperator", entry: "HITLEntryOperator" } as const satisfies Record<
  "approval" | "options" | "branch" | "entry",
  PythonName
>;

/** Names a generated file defines or imports besides those: no task, group or argument may take them. */
export const GENERATED_NAMES = ["dag", "datetime", "annotations", "_Callable", "_callback", "k8s", "Dataset", "DatasetAlias", "DatasetAll", "DatasetAny"] as const;

export const PYTHON_KEYWORDS: ReadonlySet<string> = new Set(
  "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield".split(" "),
);

/** Whether a mapped group's argument can be its function's parameter: an identifier that shadows nothing a generated file uses. */
export function isUsableArgumentName(name: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_]*$/.test(name) && !PYTHON_KEYWORDS.has(name) && !(GENERATED_NAMES as readonly string[]).includes(name) && !(PYTHON_NAMES as readonly string[]).includes(name);
}

/**
 * How a sensor kind waits in the triggerer on a line: with its `deferrable` argument, as its
 * `*Async` class (which has no such argument), or not at all.
 */
export type Deferral = "argument" | { readonly async: PythonName } | false;

export interface Capabilities {
  readonly target: AirflowTarget;
  /** The major line: 2 or 3. */
  readonly line: 2 | 3;
  /** Where each name is imported from; a name the line does not have is missing. */
  readonly imports: { readonly [N in PythonName]?: PythonImport };
  /** The trigger rules an author may write. */
  readonly triggerRules: ReadonlySet<TriggerRule>;
  /** How each sensor kind defers (DW123 where it cannot). */
  readonly deferrable: { readonly [K in SensorKind]: Deferral };
  /** What ExternalTaskMarker calls the run it clears: `execution_date` (Airflow 2) or `logical_date` (Airflow 3). */
  readonly markerDateArgument: "execution_date" | "logical_date";
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
  /**
   * Names whose module warns when it is imported on the line, with the warning (a provider's own
   * deprecated import): the generated file loads and runs, but Airflow records the warning (DW165).
   */
  readonly importWarnings: { readonly [N in PythonName]?: string };
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
    DateTimeSensorAsync: at("airflow.sensors.date_time", "DateTimeSensorAsync"),
    TimeDeltaSensorAsync: at("airflow.sensors.time_delta", "TimeDeltaSensorAsync"),
    TimeSensor: at("airflow.sensors.time_sensor", "TimeSensor"),
    TimeSensorAsync: at("airflow.sensors.time_sensor", "TimeSensorAsync"),
    DayOfWeekSensor: at("airflow.sensors.weekday", "DayOfWeekSensor"),
    PythonSensor: at("airflow.sensors.python", "PythonSensor"),
    BashSensor: at("airflow.sensors.bash", "BashSensor"),
    LatestOnlyOperator: at("airflow.operators.latest_only", "LatestOnlyOperator"),
    ExternalTaskMarker: at("airflow.sensors.external_task", "ExternalTaskMarker"),
    BranchDateTimeOperator: at("airflow.operators.datetime", "BranchDateTimeOperator"),
    BranchDayOfWeekOperator: at("airflow.operators.weekday", "BranchDayOfWeekOperator"),
    EmailOperator: at("airflow.operators.email", "EmailOperator"),
    PythonVirtualenvOperator: at("airflow.operators.python", "PythonVirtualenvOperator"),
    BranchPythonVirtualenvOperator: at("airflow.operators.python", "BranchPythonVirtualenvOperator"),
    ExternalPythonOperator: at("airflow.operators.python", "ExternalPythonOperator"),
    BranchExternalPythonOperator: at("airflow.operators.python", "BranchExternalPythonOperator"),
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
  // Airflow 2's time sensors have no deferrable argument; their *Async classes defer.
  deferrable: {
    external_task_sensor: "argument",
    file_sensor: "argument",
    time_delta_sensor: { async: "TimeDeltaSensorAsync" },
    date_time_sensor: { async: "DateTimeSensorAsync" },
    time_sensor: { async: "TimeSensorAsync" },
    day_of_week_sensor: false,
    python_sensor: false,
    bash_sensor: false,
  },
  markerDateArgument: "execution_date",
  importWarnings: {},
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
    DateTimeSensorAsync: at(`${STANDARD}.sensors.date_time`, "DateTimeSensorAsync"),
    TimeDeltaSensorAsync: at(`${STANDARD}.sensors.time_delta`, "TimeDeltaSensorAsync"),
    TimeSensor: at(`${STANDARD}.sensors.time`, "TimeSensor"),
    TimeSensorAsync: at(`${STANDARD}.sensors.time`, "TimeSensorAsync"),
    DayOfWeekSensor: at(`${STANDARD}.sensors.weekday`, "DayOfWeekSensor"),
    PythonSensor: at(`${STANDARD}.sensors.python`, "PythonSensor"),
    BashSensor: at(`${STANDARD}.sensors.bash`, "BashSensor"),
    LatestOnlyOperator: at(`${STANDARD}.operators.latest_only`, "LatestOnlyOperator"),
    ExternalTaskMarker: at(`${STANDARD}.sensors.external_task`, "ExternalTaskMarker"),
    BranchDateTimeOperator: at(`${STANDARD}.operators.datetime`, "BranchDateTimeOperator"),
    BranchDayOfWeekOperator: at(`${STANDARD}.operators.weekday`, "BranchDayOfWeekOperator"),
    // Airflow 3 core has no EmailOperator; the SMTP provider's (locked on every 3.x line) is it.
    EmailOperator: at("airflow.providers.smtp.operators.smtp", "EmailOperator"),
    PythonVirtualenvOperator: at(`${STANDARD}.operators.python`, "PythonVirtualenvOperator"),
    BranchPythonVirtualenvOperator: at(`${STANDARD}.operators.python`, "BranchPythonVirtualenvOperator"),
    ExternalPythonOperator: at(`${STANDARD}.operators.python`, "ExternalPythonOperator"),
    BranchExternalPythonOperator: at(`${STANDARD}.operators.python`, "BranchExternalPythonOperator"),
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
  // The standard provider's TimeDeltaSensor and TimeSensor take deferrable (their *Async classes
  // are deprecated there); its DateTimeSensor still defers only as DateTimeSensorAsync.
  deferrable: { ...AIRFLOW_2.deferrable, time_delta_sensor: "argument", time_sensor: "argument" },
  markerDateArgument: "logical_date",
  sla: false,
  assetNames: true,
};

const DEADLINE = "airflow.sdk.definitions.deadline";

/**
 * Airflow 3.1 adds the all_done_min_one_success trigger rule, deadline alerts (from the SDK's
 * deadline module) and human-in-the-loop operators (the standard provider's operators.hitl
 * refuses to import before 3.1).
 */
const AIRFLOW_3_1: Omit<Capabilities, "target"> = {
  ...AIRFLOW_3_0,
  // The standard provider locked on 3.1 (1.21.0) takes its branch bases through common.compat,
  // which falls back to Airflow 3.1's deprecated airflow.operators.branch.
  importWarnings: {
    LatestOnlyOperator: "The `airflow.operators.branch.BaseBranchOperator` attribute is deprecated",
    BranchDateTimeOperator: "The `airflow.operators.branch.BaseBranchOperator` attribute is deprecated",
    BranchDayOfWeekOperator: "The `airflow.operators.branch.BaseBranchOperator` attribute is deprecated",
    ...Object.fromEntries(
      (["ApprovalOperator", "HITLOperator", "HITLBranchOperator", "HITLEntryOperator"] as const).map((name) => [name, "The `airflow.operators.branch.BranchMixIn` attribute is deprecated"]),
    ),
  },
  imports: {
    ...AIRFLOW_3_0.imports,
    ...Object.fromEntries((["ApprovalOperator", "HITLOperator", "HITLBranchOperator", "HITLEntryOperator"] as const).map((name) => [name, at(`${STANDARD}.operators.hitl`, name)])),
    DeadlineAlert: at(DEADLINE, "DeadlineAlert"),
    DeadlineReference: at(DEADLINE, "DeadlineReference"),
    AsyncCallback: at(DEADLINE, "AsyncCallback"),
  },
  triggerRules: new Set([...AIRFLOW_3_0.triggerRules, "all_done_min_one_success"]),
  deadlines: true,
};

/**
 * Airflow 3.2's task SDK exports the timetables (the core module's AssetOrTimeSchedule takes
 * serialized assets from then on), and PythonOperator awaits async callables.
 */
const AIRFLOW_3_2: Omit<Capabilities, "target"> = {
  ...AIRFLOW_3_1,
  // The standard provider locked on 3.2 (1.18.0) and 3.3 (1.21.0) imports airflow.utils.operator_helpers in sensors/python.py.
  importWarnings: {
    PythonSensor: "The `airflow.utils.operator_helpers.determine_kwargs` attribute is deprecated",
  },

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
