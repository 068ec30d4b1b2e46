/**
 * What Airflow should parse from each generated file, derived from the manifest, and the
 * comparison with what Airflow really parsed (from inspect_dags.py). A difference is one
 * readable line naming the file, the DAG, the task and the field.
 */
import type { Manifest, ManifestDag } from "../../src/ir/manifest.js";
import type { AssetCondition, Deadline, ExecutorConfig, MappedValues, PodOverride, TimeSchedule } from "../../src/ir/schema.js";
import { paramSchema } from "../../src/emit/airflow/params.js";
import type { JsonValue } from "../../src/ir/common.js";
import { durationSeconds } from "../../src/values/duration.js";
import { parseCalendarDate, parseDateTime, parseTime, parseZone, pyTag, timedeltaSeconds, type PyObject, type TimeParts, type Zone } from "../../src/values/python.js";
import { expectationOf, runTimeShape } from "./kinds.js";

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
  const line = airflow.startsWith("3.") ? 3 : 2;
  return typeof operator === "function" ? operator(config, line) : operator[line];
}

type TaskConfig = Manifest["dags"][number]["tasks"][number]["config"];

function isMapped(config: TaskConfig): boolean {
  return (config.kind === "bash" || config.kind === "python") && config.expand !== undefined;
}

/** For a mapped task: the operator it maps and what it expands over, as the inspector reports them. */
function mappedOf(taskId: string, config: TaskConfig): Shape | null {
  if (config.kind === "bash" && config.expand) {
    const expand: Shape = {};
    if (config.expand.command !== undefined) expand.bash_command = config.expand.command;
    if (config.expand.env !== undefined) expand.env = config.expand.env;
    return { operator_class: "BashOperator", expand };
  }
  if (config.kind === "python" && config.expand) return { operator_class: "PythonOperator", expand: { op_kwargs: mappedPythonKwargs(taskId, config) } };
  return null;
}

/** What a mapped Python task's op_kwargs expands over, as the inspector reports it. */
function mappedPythonKwargs(taskId: string, config: Extract<TaskConfig, { kind: "python" }>): unknown {
  const expand = config.expand!;
  if ("kwargs" in expand) return expand.kwargs.map((entry) => ({ ...config.kwargs, ...entry }));
  if ("kwargsFrom" in expand) return runTimeShape(expand.kwargsFrom);
  const entries = Object.entries(expand.arguments);
  const [first] = entries;
  if (entries.length === 1 && "outputs" in first![1]) {
    // Each item becomes one instance's keyword arguments through the generated <task>_kwargs function.
    return { map: sourceShape(first![1]), with: [`${taskId.replace(/[^A-Za-z0-9_]/g, "_")}_kwargs`] };
  }
  // Literal lists: their cross product, the last argument varying fastest, constants merged in.
  return entries
    .reduce<Shape[]>((sets, [name, source]) => sets.flatMap((set) => ("values" in source ? source.values : []).map((value) => ({ ...set, [name]: value }))), [{}])
    .map((set) => ({ ...config.kwargs, ...set }));
}

/** A mapped argument's source as the inspector reports it: a list, an XComArg, or several concatenated. */
export function sourceShape(source: MappedValues): unknown {
  if ("values" in source) return source.values;
  const outputs = source.outputs.map(runTimeShape);
  return outputs.length === 1 ? outputs[0] : { concat: outputs };
}

/** The mapped task group around a task and what it expands over, or null outside one. */
function mappedGroupOf(dag: ManifestDag, task: { group?: string }): Shape | null {
  for (let id = task.group; id !== undefined; id = dag.groups.find((group) => group.id === id)?.parent) {
    const group = dag.groups.find((candidate) => candidate.id === id);
    if (group?.expand) return { group_id: group.id, expand: Object.fromEntries(Object.entries(group.expand).map(([name, source]) => [name, sourceShape(source)])) };
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
    const assets = conditionShape(schedule.condition, three);
    if (!schedule.orTime) return { type: three ? "AssetTriggeredTimetable" : "DatasetTriggeredTimetable", assets };
    const inner = time(schedule.orTime);
    return { type: three ? "AssetOrTimeSchedule" : "DatasetOrTimeSchedule", time: { type: inner.type, expression: inner.expression ?? null }, assets };
  }
  return time(schedule);
}

/** An asset schedule as the inspector reports it: assets with their extras and (on Airflow 3) watchers, aliases, all/any. */
function conditionShape(condition: AssetCondition, three: boolean): Shape {
  if ("alias" in condition) return { alias: condition.alias };
  if ("all" in condition) return { all: condition.all.map((item) => conditionShape(item, three)) };
  if ("any" in condition) return { any: condition.any.map((item) => conditionShape(item, three)) };
  const { asset } = condition;
  return {
    asset: asset.uri,
    ...(asset.extra && Object.keys(asset.extra).length ? { extra: asset.extra } : {}),
    ...(three && asset.watchers?.length ? { watchers: asset.watchers.map((w) => ({ name: w.name, trigger: w.trigger, kwargs: w.kwargs ?? {} })) } : {}),
  };
}

/** Drop undefined members and empty objects, as the Kubernetes API's JSON leaves them out. */
function compact(value: Record<string, unknown>): Shape | undefined {
  const kept = Object.entries(value).filter(([, item]) => item !== undefined && !(typeof item === "object" && item !== null && !Array.isArray(item) && Object.keys(item).length === 0));
  return kept.length ? Object.fromEntries(kept) : undefined;
}

/** A pod override as the Kubernetes API's JSON of the V1Pod dagwright builds (what the inspector reports). */
function podJson(pod: PodOverride): Shape {
  const env = Object.entries(pod.container?.env ?? {}).map(([name, value]) => ({ name, value }));
  const container = compact({
    name: "base",
    image: pod.container?.image,
    env: env.length ? env : undefined,
    resources: compact({ requests: pod.container?.resources?.requests, limits: pod.container?.resources?.limits }),
  });
  return compact({
    metadata: compact({ labels: pod.labels, annotations: pod.annotations }),
    spec: compact({
      containers: [container],
      nodeSelector: pod.nodeSelector,
      tolerations: pod.tolerations?.length ? pod.tolerations.map((t) => compact({ ...t })) : undefined,
      serviceAccountName: pod.serviceAccount,
    }),
  })!;
}

function executorConfigShape(config: ExecutorConfig | undefined): Shape {
  if (config === undefined) return {};
  const keys = Object.keys(config);
  if (keys.length === 1 && keys[0] === "podOverride") return { pod_override: podJson((config as { podOverride: PodOverride }).podOverride) };
  return config as Shape;
}

const DEADLINE_REFERENCES = { dagrunQueuedAt: "DagRunQueuedAtDeadline", dagrunLogicalDate: "DagRunLogicalDateDeadline" } as const;

function deadlineShape(deadline: Deadline): Shape {
  return {
    reference: typeof deadline.reference === "string" ? DEADLINE_REFERENCES[deadline.reference] : "FixedDatetimeDeadline",
    interval_seconds: durationSeconds(deadline.interval),
    callback: { type: "AsyncCallback", path: deadline.callback.replace(":", "."), kwargs: deadline.kwargs ?? {} },
  };
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
        // Airflow 2's graph direction; Airflow 3 has none.
        orientation: manifest.airflow.startsWith("3.") ? null : (dag.orientation ?? "LR"),
        deadline: (dag.deadline ?? []).map(deadlineShape),
        params: Object.fromEntries(
          Object.entries(dag.params ?? {}).map(([name, spec]) => {
            // Param keeps its description itself and every other keyword, under Airflow's names, in its schema.
            const { description, ...schema } = paramSchema(spec);
            return [name, { value: spec.default ?? null, description: description ?? null, schema }];
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
            const looseFields = config.kind === "operator" ? inspected(config.args) : undefined;
            // And every argument where the operator was constructed with it: Python values as the inspector writes them.
            const looseArguments = config.kind === "operator" ? inspected(config.args) : undefined;
            return [
              task.id,
              {
                operator: operatorOf(config, manifest.airflow, spark?.spec),
                upstream: [...task.upstreamTasks].sort(),
                task_group: task.group ?? null,
                inlets: (task.inputs ?? []).map((asset) => asset.uri).sort(),
                outlets: [...(task.outputs ?? []).map((asset) => asset.uri), ...(task.outputAliases ?? []).map((alias) => `alias:${alias}`)].sort(),
                asset_extras: Object.fromEntries(
                  [...(task.inputs ?? []), ...(task.outputs ?? [])].filter((asset) => asset.extra && Object.keys(asset.extra).length).map((asset) => [asset.uri, asset.extra]),
                ),
                mapped: mappedOf(task.id, config),
                mapped_group: mappedGroupOf(dag, task),
                // Compared where set: operators have their own defaults (the Spark operators push none).
                ...(options.doXcomPush === undefined ? {} : { do_xcom_push: options.doXcomPush }),
                role: { is_setup: options.setup ?? false, is_teardown: options.teardown !== undefined },
                ...(looseFields ? { looseFields } : {}),
                ...(looseArguments ? { looseArguments } : {}),
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
                weight_rule: options.weightRule ?? "downstream",
                executor_config: executorConfigShape(options.executorConfig),
                hooks: { pre_execute: options.preExecute !== undefined, post_execute: options.postExecute !== undefined },
                upstream_labels: task.upstreamLabels ?? {},
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
        if (field === "looseArguments") {
          const got = (task.arguments ?? {}) as Shape;
          compare(differences, `${where}, task "${taskId}", arguments`, value, pick(got, Object.keys(value as Shape)));
          continue;
        }
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

/** Escape-hatch arguments as the inspector writes what Python holds: timedeltas as seconds, dates and times in ISO, callables by target. */
function inspected(args: Record<string, JsonValue>): Shape {
  return Object.fromEntries(Object.entries(args).map(([name, value]) => [name, inspectedValue(value)]));
}

function inspectedValue(value: JsonValue): unknown {
  if (Array.isArray(value)) return value.map(inspectedValue);
  if (typeof value !== "object" || value === null) return value;
  if (pyTag(value) === undefined) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, inspectedValue(item)]));
  const py = value as unknown as PyObject;
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  const clock = (t: TimeParts) => `${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}${t.microsecond ? `.${pad(t.microsecond, 6)}` : ""}`;
  const offset = (minutes: number) => `${minutes < 0 ? "-" : "+"}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
  switch (py.$py) {
    case "timedelta":
      return timedeltaSeconds(py);
    case "date": {
      const d = parseCalendarDate(py.date)!;
      return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
    }
    case "time": {
      const zone = py.tz === undefined ? undefined : parseZone(py.tz)!;
      // time.isoformat() has no offset for a zone whose offset depends on the date (an IANA zone).
      return clock(parseTime(py.time)!) + (zone === undefined || zone.kind === "iana" ? "" : offset(zone.kind === "utc" ? 0 : zone.minutes));
    }
    case "datetime": {
      const { date, time, zone: suffix } = parseDateTime(py.datetime)!;
      const zone = parseZone(suffix ?? py.tz!)!;
      return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}T${clock(time)}${offset(zoneMinutes(zone, date, time))}`;
    }
    case "callable":
      return { callable: py.target };
  }
}

/** A zone's offset from UTC at a wall-clock time, in minutes. */
function zoneMinutes(zone: Zone, date: { year: number; month: number; day: number }, time: TimeParts): number {
  if (zone.kind === "utc") return 0;
  if (zone.kind === "offset") return zone.minutes;
  const wall = Date.UTC(date.year, date.month - 1, date.day, time.hour, time.minute, time.second);
  const name = new Intl.DateTimeFormat("en", { timeZone: zone.name, timeZoneName: "longOffset" }).formatToParts(wall).find((part) => part.type === "timeZoneName")!.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}
