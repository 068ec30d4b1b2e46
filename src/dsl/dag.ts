/**
 * `dag(id, options, body)` and the task and group handles it hands out. This module builds IR
 * and nothing else: it knows no Airflow version and writes no file.
 */
import type * as ir from "../ir/schema.js";
import { DagwrightUsageError } from "./errors.js";
import { callSite } from "./site.js";
import type {
  BashTaskOptions,
  BranchTaskOptions,
  CommonTaskOptions,
  DagOptions,
  ExternalDag,
  GroupOptions,
  PodTaskOptions,
  PythonTaskOptions,
  Schedule,
  SensorOptions,
  ShortCircuitTaskOptions,
  SparkTaskOptions,
  TaskOptions,
  TaskOutputRef,
} from "./types.js";

const DAG_BRAND = Symbol.for("dagwright.dag");

/** What can be linked: a task, a task group, or a list of them. */
export type Linkable = TaskHandle | GroupHandle | readonly (TaskHandle | GroupHandle)[] | TaskList;

/** What `then` returns: the task or group it was given, or a list when it was given several. */
export type Next<T> = T extends TaskHandle | GroupHandle ? T : TaskList;

/** What tasks and groups share: dependencies made with `then` and `after`. */
abstract class Node {
  /** @internal */
  constructor(
    /** @internal */ readonly ir: ir.Task | ir.Group,
    /** The id of the DAG this belongs to. */
    readonly dagId: string,
  ) {}

  /** The id as Airflow sees it, prefixed with the ids of the groups around it. */
  get id(): string {
    return this.ir.id;
  }

  /**
   * Run `next` after this; returns `next` so calls chain: `a.then(b).then(c)`.
   * Give a list to fan out: `a.then([b, c])`.
   */
  then<T extends Linkable>(next: T): Next<T> {
    const location = callSite();
    const downstream = nodesOf(next, location);
    for (const node of downstream) link(this, node, location);
    return (next instanceof Node ? next : new TaskList(downstream)) as Next<T>;
  }

  /** Run this after `upstream` (a task, a group or a list); returns this. */
  after(upstream: Linkable): this {
    const location = callSite();
    for (const node of nodesOf(upstream, location)) link(node, this, location);
    return this;
  }
}

/** A task of a DAG. Make dependencies with `then`, `after` or the DAG's `chain`. */
export class TaskHandle<T = unknown> extends Node {
  declare readonly ir: ir.Task;

  /**
   * What the task returns (its XCom): to map a later task over (`expand: { command: list.output }`)
   * or to pass as a keyword argument of a Python task, type-checked with typed tasks.
   */
  get output(): TaskOutputRef<T> {
    return Object.freeze({ output: this.ir.id });
  }
}

/** A task group. Dependencies on it apply to its first tasks (upstream) or last tasks (downstream). */
export class GroupHandle extends Node {
  declare readonly ir: ir.Group;
}

/** Several tasks or groups treated as one step of a chain: `a.then([b, c]).then(d)` fans in to `d`. */
export class TaskList {
  /** @internal */
  constructor(readonly tasks: readonly Node[]) {}

  /** Run `next` after every member of this list. */
  then<T extends Linkable>(next: T): Next<T> {
    const location = callSite();
    const downstream = nodesOf(next, location);
    for (const up of this.tasks) for (const down of downstream) link(up, down, location);
    return (next instanceof Node ? next : new TaskList(downstream)) as Next<T>;
  }

  /** Run every member of this list after `upstream`. */
  after(upstream: Linkable): this {
    const location = callSite();
    const ups = nodesOf(upstream, location);
    for (const up of ups) for (const down of this.tasks) link(up, down, location);
    return this;
  }
}

function nodesOf(value: unknown, location: ir.Location): readonly Node[] {
  if (value instanceof Node) return [value];
  if (value instanceof TaskList) return value.tasks;
  if (Array.isArray(value) && value.every((item) => item instanceof Node)) return value;
  throw new DagwrightUsageError(
    "DW108",
    `a dependency must be a task handle or a list of task handles, not ${describe(value)}`,
    location,
    "pass the value a task builder returned, e.g. `const load = d.bash(...); extract.then(load)`",
  );
}

function describe(value: unknown): string {
  if (typeof value === "string") return `the string ${JSON.stringify(value)}`;
  if (Array.isArray(value)) return "a list holding something other than task handles";
  return value === null ? "null" : typeof value;
}

/**
 * Declaration order of each DAG's dependencies: a dependency on a group expands to the group's
 * ends as they are then. Counted per DAG, so one DAG's order never depends on another's.
 */
const declaredPerDag = new Map<string, number>();

function link(upstream: Node, downstream: Node, location: ir.Location): void {
  const edges = downstream.ir.upstream;
  const isGroup = upstream instanceof GroupHandle;
  const foreign = upstream.dagId !== downstream.dagId;
  if (edges.some((edge) => edge.task === upstream.id && (edge.group ?? false) === isGroup && (edge.foreignDag ?? downstream.dagId) === upstream.dagId)) return;
  edges.push({
    task: upstream.id,
    ...(isGroup ? { group: true as const } : {}),
    ...(foreign ? { foreignDag: upstream.dagId } : {}),
    order: nextOrder(downstream.dagId),
    location,
  });
}

function nextOrder(dagId: string): number {
  const order = declaredPerDag.get(dagId) ?? 0;
  declaredPerDag.set(dagId, order + 1);
  return order;
}

/** The builder a DAG body (or a group body) receives: task builders, groups and `chain`. */
export class DagContext {
  /** Shared by a DAG's context and its groups' contexts: open while the DAG body runs. */
  readonly #state: { open: boolean };

  /** @internal */
  constructor(
    /** @internal */ private readonly dagIr: ir.Dag,
    /** @internal */ private readonly groupIr?: ir.Group,
    state: { open: boolean } = { open: true },
  ) {
    this.#state = state;
  }

  /** The id of the DAG being built. */
  get dagId(): string {
    return this.dagIr.id;
  }

  /** A task that does nothing: a join point or a placeholder (Airflow's `EmptyOperator`). */
  empty(id: string, options: TaskOptions = {}): TaskHandle {
    return this.#add(id, { kind: "empty" }, options);
  }

  /** A shell command (Airflow's `BashOperator`). */
  bash(id: string, options: BashTaskOptions): TaskHandle {
    const { command, env, cwd, expand, ...rest } = options;
    const task = this.#add(id, { kind: "bash", command, ...defined({ env, cwd, expand: expand && copy(expand) }) } as ir.TaskConfig, rest);
    const source = expand?.command;
    if (source && !Array.isArray(source)) this.#linkOutput(source as TaskOutputRef, task);
    return task;
  }

  /** A Python function from your own package, imported lazily when the task runs (Airflow's `PythonOperator`). */
  python<R = unknown, P = Record<string, import("./types.js").JsonValue>>(id: string, options: PythonTaskOptions<P>): TaskHandle<R> {
    const { callable, kwargs, expand, ...rest } = options;
    // Upstream outputs travel as XComs; the rest of the arguments are plain values.
    const entries = Object.entries((kwargs ?? {}) as Record<string, unknown>);
    const isOutput = (value: unknown) => typeof value === "object" && value !== null && typeof (value as TaskOutputRef).output === "string";
    const values = Object.fromEntries(entries.filter(([, value]) => !isOutput(value)));
    const outputs = Object.fromEntries(entries.filter(([, value]) => isOutput(value)).map(([key, value]) => [key, (value as TaskOutputRef).output]));
    const config = {
      kind: "python",
      callable,
      ...defined({ kwargs: kwargs === undefined ? undefined : copy(values), kwargsFromOutputs: Object.keys(outputs).length ? outputs : undefined, expand: expand && copy(expand) }),
    } as ir.TaskConfig;
    const task = this.#add(id, config, rest) as TaskHandle<R>;
    for (const source of Object.values(outputs)) this.#linkOutput({ output: source }, task);
    return task;
  }

  /**
   * A Spark job, submitted with `spark-submit` through an Airflow connection or run as a
   * SparkApplication on Kubernetes. Resources, profile and target combine with the project's
   * Spark defaults in dagwright.config.ts, field by field.
   */
  spark(id: string, options: SparkTaskOptions): TaskHandle {
    const { application, mainClass, args, name, profile, driver, executor, dynamicAllocation, conf, packages, jars, pyFiles, files, env, target, ...rest } =
      options;
    const settings = defined({ driver, executor, dynamicAllocation, conf, packages, jars, pyFiles, files, env, target });
    return this.#add(id, { kind: "spark", application, ...defined({ mainClass, args, name, profile }), settings } as ir.TaskConfig, rest);
  }

  /**
   * A branch (Airflow's `BranchPythonOperator`): the callable returns the id of the target (or
   * targets) to follow, and the other targets are skipped. Link the targets downstream.
   */
  branch(id: string, options: BranchTaskOptions): TaskHandle {
    const { callable, kwargs, targets, ...rest } = options;
    return this.#add(id, { kind: "branch", callable, ...defined({ kwargs }), targets: (targets ?? []).map((target) => target.id) }, rest);
  }

  /** A short-circuit (Airflow's `ShortCircuitOperator`): a falsy result skips what follows. */
  shortCircuit(id: string, options: ShortCircuitTaskOptions): TaskHandle {
    const { callable, kwargs, ignoreDownstreamTriggerRules, ...rest } = options;
    return this.#add(id, { kind: "short_circuit", callable, ...defined({ kwargs, ignoreDownstreamTriggerRules }) }, rest);
  }

  /**
   * Wait for a task (or, without `task`, a whole run) of another DAG for the same logical date
   * (Airflow's `ExternalTaskSensor`). The DAG and task must exist in the project, unless the DAG
   * is `external("id")`.
   */
  externalTaskSensor(id: string, options: SensorOptions & { dag: Dag | ExternalDag; task?: string; executionDelta?: DurationText }): TaskHandle {
    const { dag: target, task, executionDelta, ...rest } = options;
    const [sensor, common] = sensorOptions(rest);
    const external = isExternal(target);
    return this.#add(
      id,
      { kind: "external_task_sensor", externalDag: target?.id, ...defined({ externalTask: task, executionDelta, external: external || undefined }), ...sensor } as ir.TaskConfig,
      common,
    );
  }

  /** Wait for a file or folder to exist (Airflow's `FileSensor`). */
  fileSensor(id: string, options: SensorOptions & { filepath: string; fsConnId?: string; recursive?: boolean }): TaskHandle {
    const { filepath, fsConnId, recursive, ...rest } = options;
    const [sensor, common] = sensorOptions(rest);
    return this.#add(id, { kind: "file_sensor", filepath, ...defined({ fsConnId, recursive }), ...sensor } as ir.TaskConfig, common);
  }

  /** Wait until this long after the end of the run's data interval (Airflow's `TimeDeltaSensor`). */
  timeDeltaSensor(id: string, options: SensorOptions & { delta: DurationText }): TaskHandle {
    const { delta, ...rest } = options;
    const [sensor, common] = sensorOptions(rest);
    return this.#add(id, { kind: "time_delta_sensor", delta, ...sensor } as ir.TaskConfig, common);
  }

  /** Wait until a moment; Jinja works, e.g. "{{ data_interval_end.add(hours=2) }}" (Airflow's `DateTimeSensor`). */
  dateTimeSensor(id: string, options: SensorOptions & { targetTime: string }): TaskHandle {
    const { targetTime, ...rest } = options;
    const [sensor, common] = sensorOptions(rest);
    return this.#add(id, { kind: "date_time_sensor", targetTime, ...sensor } as ir.TaskConfig, common);
  }

  /** Start a run of another DAG (Airflow's `TriggerDagRunOperator`); it must exist in the project unless `external`. */
  triggerDag(
    id: string,
    options: TaskOptions & { dag: Dag | ExternalDag; conf?: Record<string, import("./types.js").JsonValue>; waitForCompletion?: boolean; pokeInterval?: DurationText },
  ): TaskHandle {
    const { dag: target, conf, waitForCompletion, pokeInterval, ...rest } = options;
    return this.#add(
      id,
      { kind: "trigger_dag", targetDag: target?.id, ...defined({ external: isExternal(target) || undefined, conf, waitForCompletion, pokeInterval }) } as ir.TaskConfig,
      rest,
    );
  }

  /** A container on Kubernetes (Airflow's `KubernetesPodOperator`). */
  pod(id: string, options: PodTaskOptions): TaskHandle {
    const { image, cmds, args, env, secrets, resources, namespace, nodeSelector, tolerations, serviceAccount, connId, ...rest } = options;
    return this.#add(
      id,
      { kind: "pod", image, ...defined({ cmds, args, env, secrets, resources, namespace, nodeSelector, tolerations, serviceAccount, connId }) } as ir.TaskConfig,
      rest,
    );
  }

  /**
   * Any other Airflow operator, by import path, with JSON arguments: the way out when dagwright
   * has no builder for an operator yet.
   * @example d.operator("ping", { import: "airflow.providers.http.operators.http.HttpOperator", args: { endpoint: "/health" } })
   */
  operator(id: string, options: TaskOptions & { import: string; args?: Record<string, import("./types.js").JsonValue> }): TaskHandle {
    const { import: importPath, args, ...rest } = options;
    return this.#add(id, { kind: "operator", import: importPath, args: args ?? {} }, rest);
  }

  /**
   * A task group: its tasks' ids are prefixed with the group's id, its `defaults` apply to them,
   * and dependencies on the group apply to its first or last tasks.
   */
  group(id: string, options: GroupOptions, body: (g: DagContext) => void): GroupHandle {
    const location = callSite();
    this.#checkOpen(id, location);
    const groupIr: ir.Group = {
      id: this.#prefix() + id,
      ...(this.groupIr ? { parent: this.groupIr.id } : {}),
      location,
      ...defined({ tooltip: options?.tooltip }),
      defaults: taskOptions(options?.defaults ?? {}),
      upstream: [],
    };
    this.dagIr.groups.push(groupIr);
    body(new DagContext(this.dagIr, groupIr, this.#state));
    return new GroupHandle(groupIr, this.dagIr.id);
  }

  /**
   * Run the steps one after another, as Airflow's `chain`: `d.chain(a, [b, c], d)`.
   * Two adjacent lists must have the same length and are linked pairwise.
   */
  chain(...steps: Linkable[]): void {
    const location = callSite();
    const lists = steps.map((step) => nodesOf(step, location));
    for (let index = 1; index < lists.length; index++) {
      const ups = lists[index - 1]!;
      const downs = lists[index]!;
      const bothLists = !(steps[index - 1] instanceof Node) && !(steps[index] instanceof Node);
      if (bothLists) {
        if (ups.length !== downs.length) {
          throw new DagwrightUsageError(
            "DW109",
            `chain links adjacent lists pairwise, but step ${index} has ${ups.length} tasks and step ${index + 1} has ${downs.length}`,
            location,
            "give both lists the same length, or link them with `then` for every pair",
          );
        }
        ups.forEach((up, i) => link(up, downs[i]!, location));
      } else {
        for (const up of ups) for (const down of downs) link(up, down, location);
      }
    }
  }

  #prefix(): string {
    return this.groupIr ? `${this.groupIr.id}.` : "";
  }

  #checkOpen(id: string, location: ir.Location): void {
    if (!this.#state.open) {
      throw new DagwrightUsageError(
        "DW110",
        `task ${JSON.stringify(id)} was added to DAG ${JSON.stringify(this.dagIr.id)} after the DAG's body returned`,
        location,
        "create every task inside the body function passed to dag()",
      );
    }
  }

  #add(id: string, config: ir.TaskConfig, options: TaskOptions): TaskHandle {
    const location = callSite();
    this.#checkOpen(id, location);
    const task: ir.Task = {
      id: this.#prefix() + id,
      ...lineageOf(options),
      ...(this.groupIr ? { group: this.groupIr.id } : {}),
      location,
      config,
      options: taskOptions(options),
      upstream: [],
    };
    this.dagIr.tasks.push(task);
    const handle = new TaskHandle(task, this.dagIr.id);
    // as_teardown(setups=...) makes each setup an upstream of the teardown: say so in the IR too.
    for (const setup of options.teardown?.setups ?? []) if (setup instanceof Node) link(setup, handle, location);
    return handle;
  }

  /** Mapping over a task's output depends on it, as Airflow makes it. */
  #linkOutput(source: TaskOutputRef, task: TaskHandle<unknown>): void {
    const upstream = this.dagIr.tasks.find((candidate) => candidate.id === source.output);
    if (upstream) link(new TaskHandle(upstream, this.dagIr.id), task, task.ir.location);
  }

  /** @internal */
  close(): void {
    this.#state.open = false;
  }
}

type DurationText = import("./types.js").Duration;

function isExternal(target: Dag | ExternalDag | undefined): boolean {
  return typeof target === "object" && target !== null && (target as ExternalDag).external === true;
}

/** Split a sensor's own options from the options every task has. */
function sensorOptions(options: SensorOptions): [Record<string, unknown>, TaskOptions] {
  const { mode, deferrable, pokeInterval, timeout, softFail, ...common } = options;
  return [defined({ mode, deferrable, pokeInterval, timeout, softFail }), common];
}

/** A DAG definition: export it from a module in the source folder and `dagwright compile` emits it. */
export interface Dag {
  /** The DAG's id, unique across the project. */
  readonly id: string;
}

class DagDefinition implements Dag {
  readonly [DAG_BRAND]: ir.Dag;
  constructor(dagIr: ir.Dag) {
    this[DAG_BRAND] = dagIr;
  }
  get id(): string {
    return this[DAG_BRAND].id;
  }
}

/**
 * Define a DAG. The body receives a builder whose methods add tasks; it is ordinary code,
 * so loops, helper functions and shared constants all work.
 *
 * @example
 * export default dag("hello", { schedule: "@daily", startDate: "2026-01-01" }, (d) => {
 *   d.bash("say_hello", { command: "echo hello" }).then(d.empty("done"));
 * });
 */
export function dag(id: string, options: DagOptions, body: (d: DagContext) => void): Dag {
  const location = callSite();
  const {
    schedule, startDate, endDate, catchup, owner, tags, description, docs, maxActiveRuns, maxActiveTasks, dagrunTimeout, defaults,
    displayName, ownerLinks, params, onFailure, onSuccess, ...unknown
  } = options ?? ({} as DagOptions);
  const dagIr = {
    id,
    location,
    schedule: scheduleOf(schedule),
    ...defined({ startDate, endDate }),
    catchup: catchup ?? false,
    ...defined({ owner }),
    tags: tags ?? [],
    ...defined({ description, docs, maxActiveRuns, maxActiveTasks, dagrunTimeout }),
    defaults: taskOptions(defaults ?? {}),
    ...defined({ displayName, ownerLinks, params: params && copy(params), onFailure, onSuccess }),
    groups: [],
    tasks: [],
    // Unknown options travel on so the IR schema reports them instead of dropping them.
    ...unknown,
  } as ir.Dag;
  const context = new DagContext(dagIr);
  const returned: unknown = body(context);
  context.close();
  if (typeof (returned as PromiseLike<unknown> | undefined)?.then === "function") {
    // Tasks added after an await would arrive after compile has collected the DAG.
    (returned as Promise<unknown>).then(undefined, () => undefined);
    throw new DagwrightUsageError(
      "DW111",
      `the body of DAG ${JSON.stringify(id)} is asynchronous; DAG bodies must build every task before they return`,
      location,
      "compute what the DAG needs synchronously (for example, read a file with fs.readFileSync), without async or await",
    );
  }
  return new DagDefinition(dagIr);
}

/** The IR of a value `dag()` returned, or undefined for anything else. */
export function dagIrOf(value: unknown): ir.Dag | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  return (value as Record<symbol, ir.Dag | undefined>)[DAG_BRAND];
}

function scheduleOf(schedule: Schedule | undefined): ir.Schedule {
  if (schedule === null || schedule === undefined) return { kind: "manual" };
  if (Array.isArray(schedule)) return { kind: "assets", condition: { all: schedule.map(conditionOf) } };
  if (typeof schedule === "object" && ("all" in schedule || "any" in schedule)) return { kind: "assets", condition: conditionOf(schedule) };
  if (typeof schedule === "object" && "every" in schedule) return { kind: "every", every: (schedule as { every: string }).every };
  return { kind: "cron", expression: schedule as string };
}

/** An asset or an all/any expression of them, as IR data. */
function conditionOf(item: unknown): ir.AssetCondition {
  const value = item as { kind?: string; all?: unknown[]; any?: unknown[] };
  if (value?.kind === "asset") return { asset: assetRef(value) };
  if (Array.isArray(value?.all)) return { all: value.all.map(conditionOf) };
  if (Array.isArray(value?.any)) return { any: value.any.map(conditionOf) };
  return { asset: value as ir.AssetRef };
}

/** A task's inputs and outputs, split by kind: assets, models and metrics. */
function lineageOf(options: TaskOptions): Partial<ir.Task> {
  const byKind = (list: readonly unknown[] | undefined, kind: string) =>
    (list ?? []).filter((item) => (item as { kind?: string })?.kind === kind).map((item) => assetRef(item));
  const result = {
    inputs: byKind(options.inputs, "asset"),
    outputs: byKind(options.outputs, "asset"),
    modelInputs: byKind(options.inputs, "model"),
    modelOutputs: byKind(options.outputs, "model"),
    metrics: byKind(options.outputs, "metric"),
  };
  return {
    ...Object.fromEntries(Object.entries(result).filter(([, list]) => list.length > 0)),
    ...(options.stage ? { stage: options.stage } : {}),
  } as Partial<ir.Task>;
}

function assetRef(value: unknown): ir.AssetRef {
  const { kind: _kind, ...ref } = value as { kind: string } & ir.AssetRef;
  return ref;
}

function taskOptions(options: TaskOptions & CommonTaskOptions): ir.TaskOptions {
  const { email, teardown, inputs: _inputs, outputs: _outputs, stage: _stage, ...rest } = options;
  return defined({
    ...rest,
    email: email === undefined ? undefined : Array.isArray(email) ? [...email] : [email],
    teardown: teardown === undefined ? undefined : { setups: (teardown.setups ?? []).map((setup) => setup.id), ...defined({ onFailureFailDagrun: teardown.onFailureFailDagrun }) },
  }) as ir.TaskOptions;
}

/** A deep copy of plain data, so later changes to the author's objects cannot reach the IR. */
function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The object without its undefined properties, so the IR holds only what the author set. */
function defined<T extends Record<string, unknown>>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as Partial<T>;
}
