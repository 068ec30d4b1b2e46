/**
 * What the real-Airflow harness expects of each task kind: the operator class Airflow must
 * instantiate, and the operator arguments it must hold after parsing. One entry per kind, in a
 * map over every kind, so a kind the harness does not compare is a type error.
 */
import type { RunTimeValue } from "../../src/ir/common.js";
import type { ConfigOf, TaskKind } from "../../src/ir/kinds/index.js";

type Shape = Record<string, unknown>;

export interface KindExpectation<K extends TaskKind> {
  /** The operator class as "module.Class" on Airflow 2 and on Airflow 3 (Spark tasks are compared with their specs). */
  operator: { 2: string; 3: string } | ((config: ConfigOf<K>) => string);
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
    fields: (config) => ({ external_dag_id: config.externalDag, external_task_id: config.externalTask ?? null }),
  },
  file_sensor: { operator: STANDARD("sensors.filesystem", "FileSensor"), fields: (config) => ({ filepath: config.filepath }) },
  time_delta_sensor: { operator: STANDARD("sensors.time_delta", "TimeDeltaSensor"), fields: () => ({}) },
  date_time_sensor: { operator: STANDARD("sensors.date_time", "DateTimeSensor"), fields: (config) => ({ target_time: config.targetTime }) },
  trigger_dag: {
    operator: STANDARD("operators.trigger_dagrun", "TriggerDagRunOperator"),
    fields: (config) => ({ trigger_dag_id: config.targetDag, conf: config.conf ?? null }),
  },
  pod: {
    operator: { 2: "airflow.providers.cncf.kubernetes.operators.pod.KubernetesPodOperator", 3: "airflow.providers.cncf.kubernetes.operators.pod.KubernetesPodOperator" },
    fields: (config) => ({
      image: config.image,
      cmds: config.cmds ?? [],
      arguments: config.args ?? [],
      namespace: config.namespace ?? null,
      container_resources: config.resources ?? null,
      node_selector: config.nodeSelector ?? {},
    }),
  },
  // "package.module:Class" is the class "package.module.Class".
  operator: { operator: (config) => config.import.replace(":", "."), fields: () => ({}) },
};

/** The expectation of one task's kind, typed for its configuration. */
export function expectationOf<K extends TaskKind>(config: ConfigOf<K>): KindExpectation<K> {
  return KIND_EXPECTATIONS[config.kind as K] as unknown as KindExpectation<K>;
}
