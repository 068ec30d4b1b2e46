/**
 * What Airflow should parse from each generated file, derived from the manifest, and the
 * comparison with what Airflow really parsed (from inspect_dags.py). A difference is one
 * readable line naming the file, the DAG, the task and the field.
 */
import type { Manifest, ManifestDag } from "../../src/ir/manifest.js";
import type { TimeSchedule } from "../../src/ir/schema.js";
import { durationSeconds } from "../../src/values/duration.js";
import { expectationOf } from "./kinds.js";

/** What inspect_dags.py reports, in the parts the comparison reads. */
export interface Inspection {
  airflow_version: string;
  import_errors: Record<string, string>;
  warnings: Record<string, string[]>;
  parse_seconds: Record<string, number>;
  /** DAGs that failed Airflow's serialization round trip, with the error. */
  serialization_errors: Record<string, string>;
  dags: Record<string, InspectedDag>;
}

export interface InspectedDag {
  file: string;
  schedule: { type: string; expression: string | null; interval_seconds: number | null; timezone: string | null };
  start_date: string | null;
  end_date: string | null;
  catchup: boolean;
  tags: string[];
  description: string | null;
  doc_md: string | null;
  max_active_runs: number;
  max_active_tasks: number;
  dagrun_timeout_seconds: number | null;
  tasks: Record<string, Record<string, unknown> & { fields: Record<string, unknown> }>;
}

/** Airflow's own defaults for what the manifest leaves unset. */
const AIRFLOW_DEFAULTS = {
  trigger_rule: "all_success",
  retries: 0,
  retry_delay_seconds: 300,
  pool: "default_pool",
  pool_slots: 1,
  queue: "default",
  priority_weight: 1,
  depends_on_past: false,
  execution_timeout_seconds: null,
  owner: "airflow",
  doc_md: null,
};

/** Airflow expands its presets to these cron expressions. */
const PRESET_CRON: Record<string, string> = {
  "@hourly": "0 * * * *",
  "@daily": "0 0 * * *",
  "@weekly": "0 0 * * 0",
  "@monthly": "0 0 1 * *",
  "@quarterly": "0 0 1 */3 *",
  "@yearly": "0 0 1 1 *",
};

type Shape = Record<string, unknown>;

/** The Spark job spec (spark/<dag>/<task>.json) and, for Kubernetes, the SparkApplication, keyed "<dag>.<task>". */
export type SparkSpecs = Map<string, { spec: SparkSpec; sparkApplication?: unknown }>;

interface SparkSpec {
  application: string;
  name: string;
  args: string[];
  conf: Record<string, string>;
  env: Record<string, string>;
  packages: string[];
  jars: string[];
  pyFiles: string[];
  files: string[];
  target: { kind: "submit" | "kubernetes"; namespace?: string; connId: string };
}

function operatorOf(config: Manifest["dags"][number]["tasks"][number]["config"], airflow: string, spark?: SparkSpec): string {
  if (spark) {
    return spark.target.kind === "submit"
      ? "airflow.providers.apache.spark.operators.spark_submit.SparkSubmitOperator"
      : "airflow.providers.cncf.kubernetes.operators.spark_kubernetes.SparkKubernetesOperator";
  }
  if (isMapped(config)) return airflow.startsWith("3.") ? "airflow.sdk.definitions.mappedoperator.MappedOperator" : "airflow.models.mappedoperator.MappedOperator";
  const { operator } = expectationOf(config);
  return typeof operator === "function" ? operator(config) : operator[airflow.startsWith("3.") ? 3 : 2];
}

type TaskConfig = Manifest["dags"][number]["tasks"][number]["config"];

function isMapped(config: TaskConfig): boolean {
  return (config.kind === "bash" || config.kind === "python") && config.expand !== undefined;
}

/** For a mapped task: the operator it maps and what it expands over, as the inspector reports them. */
function mappedOf(config: TaskConfig): Shape | null {
  if (config.kind === "bash" && config.expand) {
    const expand: Shape = {};
    if (config.expand.command !== undefined) expand.bash_command = config.expand.command;
    if (config.expand.env !== undefined) expand.env = config.expand.env;
    return { operator_class: "BashOperator", expand };
  }
  if (config.kind === "python" && config.expand) {
    const instances = config.expand.kwargs.map((entry) => ({ ...config.kwargs, ...entry }));
    return { operator_class: "PythonOperator", expand: { op_kwargs: instances } };
  }
  return null;
}

/** The operator arguments each task kind must carry, as Airflow holds them after parsing. */
function fieldsOf(config: TaskConfig): Shape {
  return expectationOf(config).fields(config);
}

/** What the Spark operator must hold: exactly the job spec (and SparkApplication) dagwright wrote. */
function sparkFields(job: { spec: SparkSpec; sparkApplication?: unknown }): Shape {
  const { spec } = job;
  if (spec.target.kind === "kubernetes") {
    return { template_spec: job.sparkApplication, namespace: spec.target.namespace, kubernetes_conn_id: spec.target.connId };
  }
  const list = (items: string[]) => (items.length ? items.join(",") : null);
  const map = (record: Record<string, string>) => (Object.keys(record).length ? record : null);
  return {
    application: spec.application,
    name: spec.name,
    application_args: spec.args.length ? spec.args : null,
    conf: map(spec.conf),
    env_vars: map(spec.env),
    packages: list(spec.packages),
    jars: list(spec.jars),
    py_files: list(spec.pyFiles),
    files: list(spec.files),
  };
}

function seconds(duration: string | undefined): number | null {
  return duration === undefined ? null : durationSeconds(duration)!;
}

function isoUtc(date: string | undefined): string | null {
  if (date === undefined) return null;
  const [day, time = "00:00:00"] = date.replace(/Z$/, "").split("T");
  return `${day}T${time.length === 5 ? `${time}:00` : time}+00:00`;
}

function scheduleOf(dag: ManifestDag, manifest: Manifest): Shape {
  const { schedule } = dag;
  const three = manifest.airflow.startsWith("3.");
  const timetable = (chosen: string | undefined) => chosen ?? dag.timetable ?? manifest.timetable ?? "dataInterval";
  const time = (part: TimeSchedule): Shape => {
    switch (part.kind) {
      case "every":
        return timetable(part.timetable) === "trigger"
          ? { type: "DeltaTriggerTimetable", interval_seconds: durationSeconds(part.every), trigger_interval_seconds: seconds(part.interval) ?? 0 }
          : { type: "DeltaDataIntervalTimetable", interval_seconds: durationSeconds(part.every) };
      case "crons":
        return { type: "MultipleCronTriggerTimetable" };
      case "events":
        return { type: "EventsTimetable" };
      case "cron":
        if (part.expression === "@once") return { type: "OnceTimetable" };
        if (part.expression === "@continuous") return { type: "ContinuousTimetable" };
        if (timetable(part.timetable) === "trigger") {
          return { type: "CronTriggerTimetable", expression: PRESET_CRON[part.expression] ?? part.expression, timezone: "UTC", trigger_interval_seconds: seconds(part.interval) ?? 0 };
        }
        return { type: "CronDataIntervalTimetable", expression: PRESET_CRON[part.expression] ?? part.expression, timezone: "UTC" };
    }
  };
  if (schedule.kind === "manual") return { type: "NullTimetable" };
  if (schedule.kind === "assets") {
    if (!schedule.orTime) return { type: three ? "AssetTriggeredTimetable" : "DatasetTriggeredTimetable" };
    const inner = time(schedule.orTime);
    return { type: three ? "AssetOrTimeSchedule" : "DatasetOrTimeSchedule", time: { type: inner.type, expression: inner.expression ?? null } };
  }
  return time(schedule);
}

/** The structure each DAG must have in Airflow, keyed by DAG id. */
export function expectedStructure(manifest: Manifest, sparkSpecs: SparkSpecs): Record<string, Shape> {
  return Object.fromEntries(
    manifest.dags.map((dag) => [
      dag.id,
      {
        file: dag.airflowFile.replace(/^airflow\//, ""),
        schedule: scheduleOf(dag, manifest),
        start_date: isoUtc(dag.startDate),
        end_date: isoUtc(dag.endDate),
        catchup: dag.catchup,
        tags: [...dag.tags].sort(),
        description: dag.description ?? null,
        doc_md: dag.docs === undefined ? null : dag.docs.endsWith(".md") ? `${dag.docs}\n` : dag.docs,
        ...(dag.maxActiveRuns === undefined ? {} : { max_active_runs: dag.maxActiveRuns }),
        ...(dag.maxActiveTasks === undefined ? {} : { max_active_tasks: dag.maxActiveTasks }),
        dagrun_timeout_seconds: seconds(dag.dagrunTimeout),
        params: Object.fromEntries(
          Object.entries(dag.params ?? {}).map(([name, spec]) => {
            const { default: value, description, ...schema } = spec;
            return [name, { value: value ?? null, description: description ?? null, schema }];
          }),
        ),
        tasks: Object.fromEntries(
          dag.tasks.map((task) => {
            const options = task.effective;
            const config = task.config;
            const spark = sparkSpecs.get(`${dag.id}.${task.id}`);
            if (config.kind === "spark" && !spark) throw new Error(`no Spark spec for ${dag.id}.${task.id}`);
            const fields: Shape = spark ? sparkFields(spark) : fieldsOf(config);
            // The escape hatch's arguments are compared where the operator keeps them as template fields.
            const looseFields = config.kind === "operator" ? config.args : undefined;
            return [
              task.id,
              {
                operator: operatorOf(config, manifest.airflow, spark?.spec),
                upstream: [...task.upstreamTasks].sort(),
                task_group: task.group ?? null,
                inlets: (task.inputs ?? []).map((asset) => asset.uri).sort(),
                outlets: (task.outputs ?? []).map((asset) => asset.uri).sort(),
                mapped: mappedOf(config),
                role: { is_setup: options.setup ?? false, is_teardown: options.teardown !== undefined },
                ...(looseFields ? { looseFields } : {}),
                trigger_rule: options.triggerRule ?? AIRFLOW_DEFAULTS.trigger_rule,
                retries: options.retries ?? AIRFLOW_DEFAULTS.retries,
                retry_delay_seconds: seconds(options.retryDelay) ?? AIRFLOW_DEFAULTS.retry_delay_seconds,
                retry_exponential_backoff: options.retryExponentialBackoff ?? false,
                ...(options.maxRetryDelay === undefined ? {} : { max_retry_delay_seconds: seconds(options.maxRetryDelay) }),
                execution_timeout_seconds: seconds(options.executionTimeout),
                pool: options.pool ?? AIRFLOW_DEFAULTS.pool,
                pool_slots: options.poolSlots ?? AIRFLOW_DEFAULTS.pool_slots,
                queue: options.queue ?? AIRFLOW_DEFAULTS.queue,
                priority_weight: options.priorityWeight ?? AIRFLOW_DEFAULTS.priority_weight,
                depends_on_past: options.dependsOnPast ?? AIRFLOW_DEFAULTS.depends_on_past,
                owner: options.owner ?? AIRFLOW_DEFAULTS.owner,
                doc_md: options.doc ?? AIRFLOW_DEFAULTS.doc_md,
                fields,
              },
            ];
          }),
        ),
      },
    ]),
  );
}

/** Every difference between what the manifest says and what Airflow parsed, one line each. */
export function structureDifferences(manifest: Manifest, inspection: Inspection, sparkSpecs: SparkSpecs): string[] {
  const expected = expectedStructure(manifest, sparkSpecs);
  const differences: string[] = [];
  const expectedIds = Object.keys(expected).sort();
  const actualIds = Object.keys(inspection.dags).sort();
  for (const id of expectedIds.filter((dagId) => !actualIds.includes(dagId))) {
    differences.push(`${expected[id]!.file}: DAG "${id}" is missing from what Airflow loaded`);
  }
  for (const id of actualIds.filter((dagId) => !expectedIds.includes(dagId))) {
    differences.push(`${inspection.dags[id]!.file}: DAG "${id}" was loaded by Airflow but is not in the manifest`);
  }
  for (const id of expectedIds.filter((dagId) => actualIds.includes(dagId))) {
    const want = expected[id] as Shape & { file: string; tasks: Record<string, Shape> };
    const got = inspection.dags[id]!;
    const where = `${want.file}: DAG "${id}"`;
    for (const [field, value] of Object.entries(want)) {
      if (field === "tasks") continue;
      const actual = field === "schedule" ? pick(got.schedule, Object.keys(value as Shape)) : (got as unknown as Shape)[field];
      compare(differences, `${where}, ${field}`, value, actual);
    }
    const wantTasks = Object.keys(want.tasks).sort();
    const gotTasks = Object.keys(got.tasks).sort();
    compare(differences, `${where}, task ids`, wantTasks, gotTasks);
    for (const taskId of wantTasks.filter((t) => gotTasks.includes(t))) {
      const task = got.tasks[taskId]!;
      for (const [field, value] of Object.entries(want.tasks[taskId]!)) {
        if (field === "looseFields") {
          const shared = Object.keys(value as Shape).filter((key) => key in task.fields);
          compare(differences, `${where}, task "${taskId}", fields`, pick(value as Shape, shared), pick(task.fields, shared));
          continue;
        }
        const actual = field === "fields" ? pick(task.fields, Object.keys(value as Shape)) : task[field];
        compare(differences, `${where}, task "${taskId}", ${field}`, value, actual);
      }
    }
  }
  return differences;
}

function pick(object: Record<string, unknown>, keys: string[]): Shape {
  return Object.fromEntries(keys.map((key) => [key, object[key]]));
}

function compare(differences: string[], where: string, expected: unknown, actual: unknown): void {
  if (JSON.stringify(normalise(expected)) !== JSON.stringify(normalise(actual))) {
    differences.push(`${where}: expected ${JSON.stringify(expected)}, Airflow parsed ${JSON.stringify(actual)}`);
  }
}

/** Key order does not matter; numbers compare by value (Airflow reports seconds as floats). */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, item]) => [key, normalise(item)]),
    );
  }
  return value;
}
