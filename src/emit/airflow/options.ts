/**
 * The keyword tables of what every task and every DAG has: task options (also `default_args`
 * of DAGs and groups), the task's own fields beside its kind's, and the DAG's arguments.
 */
import type { ResolvedDag, ResolvedTask } from "../../ir/resolved.js";
import type { Dag, Deadline, ExecutorConfig, PodOverride, Task, TaskOptions } from "../../ir/schema.js";
import { call, code, keywords, literal, type PyExpr } from "../python/expr.js";
import { assetList, callback, optionalLiteral, optionalTimedelta, utcDateTime, timedelta, type EmitContext } from "./context.js";
import { elsewhere, emitFields, kw, type KeywordTable } from "./keywords.js";
import { paramsDict } from "./params.js";
import { schedule } from "./schedule.js";

/** Task options as Airflow's keyword arguments, in one fixed order. */
export const TASK_OPTIONS: KeywordTable<TaskOptions, keyof TaskOptions> = {
  displayName: (o) => kw("task_display_name", optionalLiteral(o.displayName)),
  owner: (o) => kw("owner", optionalLiteral(o.owner)),
  triggerRule: (o) => kw("trigger_rule", optionalLiteral(o.triggerRule)),
  retries: (o) => kw("retries", optionalLiteral(o.retries)),
  retryDelay: (o, c) => kw("retry_delay", optionalTimedelta(o.retryDelay, c)),
  retryExponentialBackoff: (o) => kw("retry_exponential_backoff", optionalLiteral(o.retryExponentialBackoff)),
  maxRetryDelay: (o, c) => kw("max_retry_delay", optionalTimedelta(o.maxRetryDelay, c)),
  executionTimeout: (o, c) => kw("execution_timeout", optionalTimedelta(o.executionTimeout, c)),
  // Airflow 3 removed SLAs; validation refuses them there (DW124).
  sla: (o, c) => kw("sla", c.capabilities.sla ? optionalTimedelta(o.sla, c) : undefined),
  pool: (o) => kw("pool", optionalLiteral(o.pool)),
  poolSlots: (o) => kw("pool_slots", optionalLiteral(o.poolSlots)),
  queue: (o) => kw("queue", optionalLiteral(o.queue)),
  priorityWeight: (o) => kw("priority_weight", optionalLiteral(o.priorityWeight)),
  weightRule: (o) => kw("weight_rule", optionalLiteral(o.weightRule)),
  executorConfig: (o, c) => kw("executor_config", o.executorConfig === undefined ? undefined : executorConfig(o.executorConfig, c)),
  dependsOnPast: (o) => kw("depends_on_past", optionalLiteral(o.dependsOnPast)),
  email: (o) => kw("email", optionalLiteral(o.email)),
  emailOnFailure: (o) => kw("email_on_failure", optionalLiteral(o.emailOnFailure)),
  emailOnRetry: (o) => kw("email_on_retry", optionalLiteral(o.emailOnRetry)),
  onFailure: (o) => kw("on_failure_callback", callback(o.onFailure)),
  onSuccess: (o) => kw("on_success_callback", callback(o.onSuccess)),
  onRetry: (o) => kw("on_retry_callback", callback(o.onRetry)),
  onExecute: (o) => kw("on_execute_callback", callback(o.onExecute)),
  preExecute: (o) => kw("pre_execute", callback(o.preExecute)),
  postExecute: (o) => kw("post_execute", callback(o.postExecute)),
  doXcomPush: (o) => kw("do_xcom_push", optionalLiteral(o.doXcomPush)),
  doc: (o) => kw("doc_md", optionalLiteral(o.doc)),
  setup: elsewhere("`task.as_setup()` after the dependency lines"),
  teardown: elsewhere("`task.as_teardown(setups=...)` after the dependency lines"),
};

/** Whether an executor configuration is the typed Kubernetes pod override (its only key), not JSON. */
export function isPodOverride(config: ExecutorConfig): config is { podOverride: PodOverride } {
  const keys = Object.keys(config);
  return keys.length === 1 && keys[0] === "podOverride";
}

/** `{"pod_override": k8s.V1Pod(...)}` for the Kubernetes executor, else the JSON as a dict. */
function executorConfig(config: ExecutorConfig, context: EmitContext): PyExpr {
  if (!isPodOverride(config)) return literal(config);
  return { kind: "dict", entries: [[literal("pod_override"), podCall(config.podOverride, context)]] };
}

/** A pod override as the kubernetes client's models, the task's container named "base" as the executor requires. */
function podCall(pod: PodOverride, context: EmitContext): PyExpr {
  const k8s = context.imports.kubernetesModels();
  const map = (value: Record<string, string> | undefined) => (value && Object.keys(value).length ? literal(value) : undefined);
  const list = (items: PyExpr[]) => (items.length ? ({ kind: "list", items } as PyExpr) : undefined);
  const { container } = pod;
  const resources = container?.resources && (container.resources.requests || container.resources.limits)
    ? call(`${k8s}.V1ResourceRequirements`, keywords([["requests", map(container.resources.requests)], ["limits", map(container.resources.limits)]]))
    : undefined;
  const env = list(Object.entries(container?.env ?? {}).map(([name, value]) => call(`${k8s}.V1EnvVar`, keywords([["name", literal(name)], ["value", literal(value)]]))));
  const base = call(`${k8s}.V1Container`, keywords([["name", literal("base")], ["image", optionalLiteral(container?.image)], ["env", env], ["resources", resources]]));
  const tolerations = list(
    (pod.tolerations ?? []).map((t) =>
      call(`${k8s}.V1Toleration`, keywords([["key", optionalLiteral(t.key)], ["operator", optionalLiteral(t.operator)], ["value", optionalLiteral(t.value)], ["effect", optionalLiteral(t.effect)]])),
    ),
  );
  const metadata =
    map(pod.labels) || map(pod.annotations) ? call(`${k8s}.V1ObjectMeta`, keywords([["labels", map(pod.labels)], ["annotations", map(pod.annotations)]])) : undefined;
  const spec = call(
    `${k8s}.V1PodSpec`,
    keywords([
      ["containers", { kind: "list", items: [base] }],
      ["node_selector", map(pod.nodeSelector)],
      ["tolerations", tolerations],
      ["service_account_name", optionalLiteral(pod.serviceAccount)],
    ]),
  );
  return call(`${k8s}.V1Pod`, keywords([["metadata", metadata], ["spec", spec]]));
}

/** `DeadlineAlert(reference=..., interval=..., callback=AsyncCallback("module.function", kwargs=...))`. */
function deadlineCall(deadline: Deadline, context: EmitContext): PyExpr {
  const { imports } = context;
  const references = imports.use("DeadlineReference");
  const reference =
    deadline.reference === "dagrunQueuedAt"
      ? code(`${references}.DAGRUN_QUEUED_AT`)
      : deadline.reference === "dagrunLogicalDate"
        ? code(`${references}.DAGRUN_LOGICAL_DATE`)
        : call(`${references}.FIXED_DATETIME`, [utcDateTime(deadline.reference.fixed, context)]);
  // Airflow keeps the callback as a dotted path, and imports it in the triggerer when a run is late.
  const path = deadline.callback.replace(":", ".");
  const kwargs = deadline.kwargs && Object.keys(deadline.kwargs).length ? literal(deadline.kwargs) : undefined;
  const callback = call(imports.use("AsyncCallback"), [literal(path), ...keywords([["kwargs", kwargs]])]);
  return call(imports.use("DeadlineAlert"), keywords([["reference", reference], ["interval", timedelta(deadline.interval, context)], ["callback", callback]]));
}

/** Options shared by many tasks as a `default_args` dict, or undefined when there are none. */
export function defaultsDict(defaults: TaskOptions, context: EmitContext): PyExpr | undefined {
  const entries = emitFields(TASK_OPTIONS, defaults, context);
  if (entries.length === 0) return undefined;
  return { kind: "dict", entries: entries.map((arg) => [literal(arg.name), arg.value]) };
}

/**
 * A task's own fields, around its kind's arguments (`config`), in the order they are written:
 * the id, the kind's arguments, the options, then inlets and outlets.
 */
export const TASK_FIELDS: KeywordTable<ResolvedTask, keyof Task> = {
  id: (t) => kw("task_id", literal(t.localId)),
  config: elsewhere("the kind's own arguments, written by its operator module (operators/)"),
  options: (t, c) => emitFields(TASK_OPTIONS, t.ir.options, c),
  inputs: (t, c) => kw("inlets", assetList(t.ir.inputs, c)),
  outputs: (t, c) => kw("outlets", assetList(t.ir.outputs, c, t.ir.outputAliases)),
  outputAliases: elsewhere("AssetAlias(...) among the outlets"),
  modelInputs: elsewhere("lineage only: the manifest and the OpenLineage events record models"),
  modelOutputs: elsewhere("lineage only: the manifest and the OpenLineage events record models"),
  metrics: elsewhere("lineage only: the manifest records metrics"),
  stage: elsewhere("lineage only: the manifest and the OpenLineage tags record the stage"),
  suppress: elsewhere("dagwright's own: the manifest lists each suppression with its reason"),
  group: elsewhere("the `with TaskGroup(...)` block the task is written in"),
  location: elsewhere("the manifest records where the task is defined"),
  upstream: elsewhere("the dependency lines after the tasks"),
};

/**
 * DAG docs are plain markdown on every target (Airflow 2.9+ and 3 show doc_md without Jinja).
 * A value ending in ".md" would be read as a file name, so it gets a trailing newline, which
 * markdown ignores.
 */
export function dagDocs(docs: string): string {
  return docs.endsWith(".md") ? docs + "\n" : docs;
}

/** The DAG's arguments, in the order they are written. */
export const DAG_FIELDS: KeywordTable<ResolvedDag, keyof Dag> = {
  id: (d) => kw("dag_id", literal(d.id)),
  displayName: (d) => kw("dag_display_name", optionalLiteral(d.ir.displayName)),
  description: (d) => kw("description", optionalLiteral(d.ir.description)),
  schedule: (d, c) => kw("schedule", schedule(d, c)),
  timetable: elsewhere("the timetable class of the schedule"),
  startDate: (d, c) => kw("start_date", d.ir.startDate === undefined ? undefined : utcDateTime(d.ir.startDate, c)),
  endDate: (d, c) => kw("end_date", d.ir.endDate === undefined ? undefined : utcDateTime(d.ir.endDate, c)),
  // Airflow 2 catches up by default and Airflow 3 does not: always say which.
  catchup: (d) => kw("catchup", literal(d.ir.catchup)),
  maxActiveRuns: (d) => kw("max_active_runs", optionalLiteral(d.ir.maxActiveRuns)),
  maxActiveTasks: (d) => kw("max_active_tasks", optionalLiteral(d.ir.maxActiveTasks)),
  dagrunTimeout: (d, c) => kw("dagrun_timeout", d.ir.dagrunTimeout === undefined ? undefined : timedelta(d.ir.dagrunTimeout, c)),
  tags: (d) => kw("tags", d.ir.tags.length > 0 ? literal(d.ir.tags) : undefined),
  ownerLinks: (d) => kw("owner_links", d.ir.ownerLinks && Object.keys(d.ir.ownerLinks).length ? literal(d.ir.ownerLinks) : undefined),
  params: (d, c) => kw("params", d.ir.params && Object.keys(d.ir.params).length ? paramsDict(d.ir.params, c) : undefined),
  // The project's and folders' defaults, the DAG's owner and its defaults: resolved once.
  defaults: (d, c) => kw("default_args", defaultsDict(d.defaultArgs, c)),
  owner: elsewhere("the owner of every task, inside default_args"),
  onFailure: (d) => kw("on_failure_callback", callback(d.ir.onFailure)),
  onSuccess: (d) => kw("on_success_callback", callback(d.ir.onSuccess)),
  docs: (d) => kw("doc_md", d.ir.docs === undefined ? undefined : literal(dagDocs(d.ir.docs))),
  // Airflow 3 has no orientation; validation refuses it there (DW182).
  orientation: (d, c) => kw("orientation", c.capabilities.orientation ? optionalLiteral(d.ir.orientation) : undefined),
  // Before 3.1 there are no deadlines; validation refuses them there (DW183).
  deadline: (d, c) => {
    const alerts = c.capabilities.deadlines ? (d.ir.deadline ?? []).map((deadline) => deadlineCall(deadline, c)) : [];
    return kw("deadline", alerts.length === 0 ? undefined : alerts.length === 1 ? alerts[0] : { kind: "list", items: alerts });
  },
  suppress: elsewhere("dagwright's own: the manifest lists each suppression with its reason"),
  location: elsewhere("the header comment names the source file; the manifest records the line"),
  groups: elsewhere("the `with TaskGroup(...)` blocks of the body"),
  tasks: elsewhere("the body: one statement per task"),
};
