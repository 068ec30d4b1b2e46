/**
 * What the real-Airflow harness expects of each task kind: the operator class Airflow must
 * instantiate, and the operator arguments it must hold after parsing. One entry per kind, in a
 * map over every kind, so a kind the harness does not compare is a type error.
 */
import type { RunTimeValue } from "../../src/ir/common.js";
import type { ConfigOf, TaskKind } from "../../src/ir/kinds/index.js";
import { podFields } from "./pods.js";

type Shape = Record<string, unknown>;

export interface KindExpectation<K extends TaskKind> {
  /** The operator class as "module.Class" on Airflow 2 and on Airflow 3 (Spark tasks are compared with their specs). */
  operator: { 2: string; 3: string } | ((config: ConfigOf<K>, line: 2 | 3) => string);
  /** The arguments Airflow holds after parsing, as the inspector reports them. */
  fields(config: ConfigOf<K>): Shape;
}

const STANDARD = (module: string, name: string) => ({ 2: `airflow.${module}.${name}`, 3: `airflow.providers.standard.${module}.${name}` });
/** A value known when the task runs, as the inspector reports it: an XComArg (with its key), or a mapped group's argument. */
export const runTimeShape = (value: RunTimeValue): Shape =>
  "output" in value ? { output: value.output, ...(value.key === undefined ? {} : { key: value.key }) } : { group_argument: value.argument };

/** A callable through dagwright's `_Callable`, with its keyword arguments (run-time values as Airflow holds them at parse time). */
const lazyCall = (config: { callable: string; kwargs?: Shape; kwargsAtRunTime?: Record<string, RunTimeValue>; context?: string[] }) => ({
  python_callable: { callable: config.callable, ...(config.context?.length ? { context: config.context } : {}) },
  op_kwargs: { ...config.kwargs, ...Object.fromEntries(Object.entries(config.kwargsAtRunTime ?? {}).map(([key, value]) => [key, runTimeShape(value)])) },
});

/**
 * A branch bound as the inspector reports a datetime.time or a UTC datetime: its isoformat
 * ("09:00" is "09:00:00"; "2026-01-31" is "2026-01-31T00:00:00+00:00"), None when unset.
 */
const boundShape = (text: string | undefined) => {
  if (text === undefined) return null;
  if (/^\d{2}:\d{2}(:\d{2})?$/.test(text)) return text.length === 5 ? `${text}:00` : text;
  const [date, time = "00:00:00Z"] = text.split("T");
  const clock = time.replace(/Z$/, "");
  return `${date}T${clock.length === 5 ? `${clock}:00` : clock}+00:00`;
};

export const KIND_EXPECTATIONS: { readonly [K in TaskKind]: KindExpectation<K> } = {
  empty: { operator: STANDARD("operators.empty", "EmptyOperator"), fields: () => ({}) },
  bash: {
    operator: STANDARD("operators.bash", "BashOperator"),
    fields: (config) => (config.expand ? {} : { bash_command: config.command, env: config.env ?? null, append_env: config.appendEnv ?? config.env !== undefined, cwd: config.cwd ?? null }),
  },
  python: {
    operator: STANDARD("operators.python", "PythonOperator"),
    // A mapped task's arguments are compared as what it expands over (structure.ts).
    fields: (config) =>
      config.expand
        ? {}
        : {
            ...lazyCall(config),
            op_args: config.args ?? [],
            templates_dict: config.templatesDict ?? null,
            // PythonOperator keeps templates_exts as its template_ext.
            template_ext: config.templatesExts ?? [],
            multiple_outputs: config.multipleOutputs ?? false,
            show_return_value_in_logs: config.showReturnValueInLogs ?? true,
          },
  },
  // Compared field by field with its job spec and SparkApplication instead (structure.ts).
  spark: { operator: () => "", fields: () => ({}) },
  branch: { operator: STANDARD("operators.python", "BranchPythonOperator"), fields: lazyCall },
  short_circuit: { operator: STANDARD("operators.python", "ShortCircuitOperator"), fields: lazyCall },
  external_task_sensor: {
    operator: STANDARD("sensors.external_task", "ExternalTaskSensor"),
    fields: (config) => ({
      external_dag_id: config.externalDag,
      external_task_id: config.externalTask ?? null,
      external_task_group_id: config.externalTaskGroup ?? null,
      ...(config.allowedStates ? { allowed_states: config.allowedStates } : {}),
      ...(config.failedStates ? { failed_states: config.failedStates } : {}),
      ...(config.skippedStates ? { skipped_states: config.skippedStates } : {}),
    }),
  },
  file_sensor: { operator: STANDARD("sensors.filesystem", "FileSensor"), fields: (config) => ({ filepath: config.filepath }) },
  time_delta_sensor: {
    // Deferred on Airflow 2, the async class; on 3, deferrable=True.
    operator: (config, line) => STANDARD("sensors.time_delta", config.deferrable && line === 2 ? "TimeDeltaSensorAsync" : "TimeDeltaSensor")[line],
    fields: () => ({}),
  },
  date_time_sensor: {
    operator: (config, line) => STANDARD("sensors.date_time", config.deferrable ? "DateTimeSensorAsync" : "DateTimeSensor")[line],
    fields: (config) => ({ target_time: config.targetTime }),
  },
  time_sensor: {
    operator: (config, line) => ({ 2: `airflow.sensors.time_sensor.${config.deferrable ? "TimeSensorAsync" : "TimeSensor"}`, 3: "airflow.providers.standard.sensors.time.TimeSensor" })[line],
    // Airflow 3's TimeSensor keeps only the moment it computes from target_time and the day it is parsed.
    fields: () => ({}),
  },
  day_of_week_sensor: {
    operator: STANDARD("sensors.weekday", "DayOfWeekSensor"),
    fields: (config) => ({ week_day: config.weekDay, use_task_logical_date: config.useTaskLogicalDate ?? false }),
  },
  python_sensor: { operator: STANDARD("sensors.python", "PythonSensor"), fields: (config) => ({ ...lazyCall(config), templates_dict: config.templatesDict ?? null }) },
  bash_sensor: {
    operator: STANDARD("sensors.bash", "BashSensor"),
    fields: (config) => ({
      bash_command: config.command,
      env: config.env ?? null,
      output_encoding: config.outputEncoding ?? "utf-8",
      retry_exit_code: config.retryExitCode ?? null,
    }),
  },
  latest_only: { operator: STANDARD("operators.latest_only", "LatestOnlyOperator"), fields: () => ({}) },
  external_task_marker: {
    operator: STANDARD("sensors.external_task", "ExternalTaskMarker"),
    fields: (config) => ({ external_dag_id: config.externalDag, external_task_id: config.externalTask, recursion_depth: config.recursionDepth ?? 10 }),
  },
  branch_date_time: {
    operator: STANDARD("operators.datetime", "BranchDateTimeOperator"),
    fields: (config) => ({
      target_lower: boundShape(config.targetLower),
      target_upper: boundShape(config.targetUpper),
      follow_task_ids_if_true: config.followIfTrue,
      follow_task_ids_if_false: config.followIfFalse,
      use_task_logical_date: config.useTaskLogicalDate ?? false,
    }),
  },
  branch_day_of_week: {
    operator: STANDARD("operators.weekday", "BranchDayOfWeekOperator"),
    fields: (config) => ({
      week_day: config.weekDay,
      follow_task_ids_if_true: config.followIfTrue,
      follow_task_ids_if_false: config.followIfFalse,
      use_task_logical_date: config.useTaskLogicalDate ?? false,
    }),
  },
  python_virtualenv: {
    operator: (config, line) => STANDARD("operators.python", config.targets ? "BranchPythonVirtualenvOperator" : "PythonVirtualenvOperator")[line],
    // python_callable is dagwright's generated caller function, compared by the DAG file's text (goldens).
    fields: (config) => ({
      requirements: config.requirements ?? [],
      python_version: config.pythonVersion ?? null,
      system_site_packages: config.systemSitePackages ?? true,
      pip_install_options: config.pipInstallOptions ?? null,
      index_urls: config.indexUrls ?? null,
      venv_cache_path: config.venvCacheDir ?? null,
      op_kwargs: config.kwargs ?? {},
      expect_airflow: config.expectAirflow ?? true,
    }),
  },
  external_python: {
    operator: (config, line) => STANDARD("operators.python", config.targets ? "BranchExternalPythonOperator" : "ExternalPythonOperator")[line],
    fields: (config) => ({ python: config.python, op_kwargs: config.kwargs ?? {}, expect_airflow: config.expectAirflow ?? true }),
  },
  hitl: {
    operator: (config) =>
      `airflow.providers.standard.operators.hitl.${{ approval: "ApprovalOperator", options: "HITLOperator", branch: "HITLBranchOperator", entry: "HITLEntryOperator" }[config.variant]}`,
    fields: (config) => ({ subject: config.subject, body: config.body ?? null }),
  },
  email: {
    operator: { 2: "airflow.operators.email.EmailOperator", 3: "airflow.providers.smtp.operators.smtp.EmailOperator" },
    fields: (config) => ({
      to: config.to,
      subject: config.subject,
      html_content: config.htmlContent,
      files: config.files ?? [],
      cc: config.cc ?? null,
      bcc: config.bcc ?? null,
      mime_subtype: config.mimeSubtype ?? "mixed",
      mime_charset: config.mimeCharset ?? "utf-8",
    }),
  },
  trigger_dag: {
    operator: STANDARD("operators.trigger_dagrun", "TriggerDagRunOperator"),
    fields: (config) => ({ trigger_dag_id: config.targetDag, conf: config.conf ?? null }),
  },
  pod: {
    operator: { 2: "airflow.providers.cncf.kubernetes.operators.pod.KubernetesPodOperator", 3: "airflow.providers.cncf.kubernetes.operators.pod.KubernetesPodOperator" },
    // Every argument the pod is built from, kubernetes objects as the Kubernetes API's JSON (pods.ts).
    fields: podFields,
  },
  // "package.module:Class" is the class "package.module.Class".
  operator: { operator: (config) => config.import.replace(":", "."), fields: () => ({}) },
};

/** The expectation of one task's kind, typed for its configuration. */
export function expectationOf<K extends TaskKind>(config: ConfigOf<K>): KindExpectation<K> {
  return KIND_EXPECTATIONS[config.kind as K] as unknown as KindExpectation<K>;
}
