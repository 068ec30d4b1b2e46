/**
 * `dag(id, options, body)` and the task and group handles it hands out. This module builds IR
 * and nothing else: it knows no Airflow version and writes no file.
 */
import { diagnose } from "../diagnostics/index.js";
import type { TaskKind } from "../ir/kinds/index.js";
import type * as ir from "../ir/schema.js";
import type { Complete, Conforms, Equal } from "./conformance.js";
import { DagwrightUsageError } from "./errors.js";
import { BUILDERS } from "./kinds/index.js";
import { mappedValues } from "./kinds/python.js";
import type { RequiredKwargs } from "./bindings.js";
import { copy, defined } from "./kinds/types.js";
import { callSite } from "./site.js";
import type {
  BashTaskOptions,
  CronSchedule,
  CronsSchedule,
  EventsSchedule,
  PeriodSchedule,
  BranchTaskOptions,
  CommonTaskOptions,
  Dag,
  DagOptions,
  DateTimeSensorOptions,
  ExternalTaskSensorOptions,
  FileSensorOptions,
  GroupArguments,
  GroupOptions,
  MappedGroupOptions,
  OperatorOptions,
  PodTaskOptions,
  PythonTaskOptions,
  CheckedSchedule,
  Schedule,
  ShortCircuitTaskOptions,
  SparkTaskOptions,
  TaskOptions,
  TaskOutput,
  TaskOutputRef,
  TimeDeltaSensorOptions,
  TriggerDagOptions,
  LatestOnlyOptions,
  ExternalTaskMarkerOptions,
  PythonSensorOptions,
  BashSensorOptions,
  TimeSensorOptions,
  DayOfWeekSensorOptions,
  BranchDateTimeOptions,
  BranchDayOfWeekOptions,
  EmailOptions,
  PythonVirtualenvOptions,
  BranchPythonVirtualenvOptions,
  ExternalPythonOptions,
  BranchExternalPythonOptions,
  ApprovalOptions,
  HitlOptions,
  HitlBranchOptions,
  HitlEntryOptions,
} from "./types.js";

const DAG_BRAND = Symbol.for("dagwright.dag");
const BUILD = Symbol.for("dagwright.build");

/** What can be linked: a task, a task group, or a list of them. */
export type Linkable = TaskHandle | MappedTaskHandle | GroupHandle | readonly (TaskHandle | MappedTaskHandle | GroupHandle)[] | TaskList;

/** What TypeScript says when a task id is given where a dependency takes the task's handle. */
export type TaskIdGiven = "dependencies take task handles (the value d.bash(...) and the other task methods return), not task ids";
/** A dependency's parameter: a Linkable as it is; a string turns into TaskIdGiven, so the error says what to pass. */
export type NotAnId<T> = T extends string ? TaskIdGiven : T;

/** What `then` returns: the task or group it was given, or a list when it was given several. */
export type Next<T> = T extends TaskHandle | MappedTaskHandle | GroupHandle ? T : TaskList;

/** Options of a dependency made with `then` or `after`. */
export interface EdgeOptions {
  /**
   * A label on the edge in Airflow's graph view (`a >> Label("yes") >> b`, Airflow's
   * `Label` edge modifier); on an edge to or from a group, every edge it expands to has it.
   * @example "yes"
   */
  label?: string;
}

/** The DAG an `.output` came from, kept off its enumerable keys so copies of options never carry it. */
const OUTPUT_OF = Symbol("dagwright.output-of");

function ownedBy<T extends object>(dag: ir.Dag, ref: T): Readonly<T> {
  Object.defineProperty(ref, OUTPUT_OF, { value: dag });
  return Object.freeze(ref);
}

/**
 * The first task output or handle in `options` that belongs to another DAG than `dag`: ids are
 * only unique within a DAG, so such a value would silently name this DAG's task of that id.
 */
function foreignReference(dag: ir.Dag, value: unknown, seen = new Set<object>()): { source: string; handle: boolean } | undefined {
  if (typeof value !== "object" || value === null || seen.has(value)) return undefined;
  seen.add(value);
  if (value instanceof Node) return value[BUILD].dag === dag ? undefined : { source: `${value[BUILD].dag.id}.${value.id}`, handle: true };
  const owner = (value as { [OUTPUT_OF]?: ir.Dag })[OUTPUT_OF];
  if (owner) return owner === dag ? undefined : { source: `${owner.id}.${(value as { output: string }).output}`, handle: false };
  if (!Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype) return undefined;
  for (const item of Object.values(value)) {
    const found = foreignReference(dag, item, seen);
    if (found) return found;
  }
  return undefined;
}

/** What tasks and groups share: dependencies made with `then` and `after`. */
abstract class Node {
  /** @internal */
  readonly [BUILD]: DagBuild;

  /** @internal */
  constructor(
    /** @internal */ readonly ir: ir.Task | ir.Group,
    build: DagBuild,
  ) {
    this[BUILD] = build;
  }

  /** The id of the DAG this belongs to. */
  get dagId(): string {
    return this[BUILD].dag.id;
  }

  /** The id as Airflow sees it, prefixed with the ids of the groups around it. */
  get id(): string {
    return this.ir.id;
  }

  /**
   * Run `next` after this; returns `next` so calls chain: `a.then(b).then(c)`.
   * Give a list to fan out: `a.then([b, c])`. `a.then(b, { label: "yes" })` labels the edge
   * in Airflow's graph view (`a >> Label("yes") >> b`).
   */
  then<T extends Linkable | string>(next: NotAnId<T>, options?: EdgeOptions): Next<T & Linkable> {
    const location = callSite();
    const downstream = nodesOf(next as Linkable, location);
    for (const node of downstream) link(this, node, location, options?.label);
    return (next instanceof Node ? next : new TaskList(downstream)) as Next<T & Linkable>;
  }

  /** Run this after `upstream` (a task, a group or a list); returns this. `{ label }` labels the edges. */
  after<T extends Linkable | string>(upstream: NotAnId<T>, options?: EdgeOptions): this {
    const location = callSite();
    for (const node of nodesOf(upstream as Linkable, location)) link(node, this, location, options?.label);
    return this;
  }
}

/** A task of a DAG. Make dependencies with `then`, `after` or the DAG's `chain`. */
export class TaskHandle<T = unknown> extends Node {
  /** @internal */
  declare readonly ir: ir.Task;

  /**
   * What the task returns (its XCom): to map a later task over (`expand: { command: list.output }`)
   * or to pass as a keyword argument of a Python task, type-checked with typed tasks;
   * `.output.key("k")` for one key of a dict returned with `multipleOutputs`.
   */
  get output(): TaskOutput<T> {
    const id = this.ir.id;
    const dag = this[BUILD].dag;
    return ownedBy(dag, { output: id, key: (key: string) => ownedBy(dag, { output: id, xcomKey: key }) }) as unknown as TaskOutput<T>;
  }
}

/** A mapped task: one instance per value it maps over; its output is the list of the instances' results. */
export class MappedTaskHandle<T = unknown> extends Node {
  /** @internal */
  declare readonly ir: ir.Task;

  /** The list of what each instance returned, in map-index order: to map a later task over, or to pass whole. */
  get output(): TaskOutputRef<T[]> {
    return ownedBy(this[BUILD].dag, { output: this.ir.id }) as TaskOutputRef<T[]>;
  }
}

/** A task group. Dependencies on it apply to its first tasks (upstream) or last tasks (downstream). */
export class GroupHandle extends Node {
  /** @internal */
  declare readonly ir: ir.Group;
}

/** Several tasks or groups treated as one step of a chain: `a.then([b, c]).then(d)` fans in to `d`. */
export class TaskList {
  /** @internal */
  constructor(
    /** @internal */ readonly tasks: readonly Node[],
  ) {}

  /** Run `next` after every member of this list. */
  then<T extends Linkable | string>(next: NotAnId<T>, options?: EdgeOptions): Next<T & Linkable> {
    const location = callSite();
    const downstream = nodesOf(next as Linkable, location);
    for (const up of this.tasks) for (const down of downstream) link(up, down, location, options?.label);
    return (next instanceof Node ? next : new TaskList(downstream)) as Next<T & Linkable>;
  }

  /** Run every member of this list after `upstream`. */
  after<T extends Linkable | string>(upstream: NotAnId<T>, options?: EdgeOptions): this {
    const location = callSite();
    const ups = nodesOf(upstream as Linkable, location);
    for (const up of ups) for (const down of this.tasks) link(up, down, location, options?.label);
    return this;
  }
}

function nodesOf(value: unknown, location: ir.Location): readonly Node[] {
  if (value instanceof Node) return [value];
  if (value instanceof TaskList) return value.tasks;
  if (Array.isArray(value) && value.every((item) => item instanceof Node)) return value;
  throw new DagwrightUsageError(diagnose("DW108", { got: describe(value) }, location));
}

function describe(value: unknown): string {
  if (typeof value === "string") return `the string ${JSON.stringify(value)}`;
  if (Array.isArray(value)) return "a list holding something other than task handles";
  return value === null ? "null" : typeof value;
}

/**
 * What a DAG's contexts share while its body runs: the DAG being built, whether the body is
 * still running, and how many dependencies it has declared. Declaration order matters: a
 * dependency on a group expands to the group's ends as they are then. Kept per DAG, so one
 * DAG's order never depends on another's.
 */
interface DagBuild {
  readonly dag: ir.Dag;
  open: boolean;
  declared: number;
}

function link(upstream: Node, downstream: Node, location: ir.Location, label?: string): void {
  const edges = downstream.ir.upstream;
  const isGroup = upstream instanceof GroupHandle;
  const foreign = upstream.dagId !== downstream.dagId;
  const existing = edges.find((edge) => edge.task === upstream.id && (edge.group ?? false) === isGroup && (edge.foreignDag ?? downstream.dagId) === upstream.dagId);
  if (existing) {
    if (label === undefined || existing.label === label) return;
    if (existing.label === undefined) {
      existing.label = label;
      return;
    }
    // A different label for the same edge is declared again, so validation names both (DW185).
  }
  const build = downstream[BUILD];
  edges.push({
    task: upstream.id,
    ...(isGroup ? { group: true as const } : {}),
    ...(foreign ? { foreignDag: upstream.dagId } : {}),
    order: build.declared++,
    ...(label === undefined ? {} : { label }),
    location,
  });
}

/** The options every task has, by name: what a builder takes off before the kind's own options. */
const TASK_OPTION_KEYS = [
  "owner", "retries", "retryDelay", "retryExponentialBackoff", "maxRetryDelay", "executionTimeout", "pool", "poolSlots", "queue", "priorityWeight",
  "weightRule", "executorConfig", "dependsOnPast", "email", "emailOnFailure", "emailOnRetry", "onFailure", "onSuccess", "onRetry", "onExecute", "preExecute",
  "postExecute", "doXcomPush", "sla", "inputs", "outputs", "stage", "suppress",
  "triggerRule", "doc", "displayName", "setup", "teardown",
] as const satisfies ReadonlyArray<keyof TaskOptions>;
const taskOptionsComplete: Complete<(typeof TASK_OPTION_KEYS)[number], TaskOptions> = true;
// Task options are the IR's task options, but for lineage and suppressions, which the IR keeps on the task.
const taskOptionsConform: Conforms<Omit<TaskOptions, "inputs" | "outputs" | "stage" | "suppress">, keyof ir.TaskOptions> = true;
const lineageConforms: Equal<"inputs" | "outputs" | "stage" | "suppress", Extract<keyof ir.Task, "inputs" | "outputs" | "stage" | "suppress">> = true;
const defaultsConform: Conforms<CommonTaskOptions, keyof ir.TaskDefaults> = true;
const groupConforms: Conforms<MappedGroupOptions<Record<string, unknown>>, Exclude<keyof ir.Group, "id" | "parent" | "location" | "upstream">> = true;
void taskOptionsComplete, taskOptionsConform, lineageConforms, defaultsConform, groupConforms;

/** The builder a DAG body (or a group body) receives: task builders, groups and `chain`. */
export class DagContext {
  readonly #build: DagBuild;
  readonly #group: ir.Group | undefined;

  /** @internal */
  constructor(build: DagBuild, group?: ir.Group) {
    this.#build = build;
    this.#group = group;
  }

  /** The id of the DAG being built. */
  get dagId(): string {
    return this.#build.dag.id;
  }

  /** A task that does nothing: a join point or a placeholder (Airflow's `EmptyOperator`). */
  empty(id: string, options: TaskOptions = {}): TaskHandle {
    return this.#task(id, "empty", options);
  }

  /** A shell command (Airflow's `BashOperator`); its output is the last line it prints. */
  bash(id: string, options: BashTaskOptions): TaskHandle {
    return this.#task(id, "bash", options);
  }

  /**
   * A Python function from your own package, imported lazily when the task runs (Airflow's
   * `PythonOperator`). `d.python<R, P, E>` types what it returns (`R`), its keyword arguments
   * (`P`) and those it maps over (`E`). Mapped with `expand` or `expandKwargs`, its output is a
   * list of `R`. With a bound function of the generated bindings as `callable`, `P` and `R`
   * come from the Python function's signature.
   */
  python<R = unknown, P = Record<string, import("./types.js").JsonValue>, E extends string = never>(
    id: string,
    options: PythonTaskOptions<P, E, R> & RequiredKwargs<NoInfer<P>, NoInfer<E>>,
  ): [E] extends [never] ? TaskHandle<R> : MappedTaskHandle<R> {
    const mapped = options.expand !== undefined || options.expandKwargs !== undefined;
    return this.#task(id, "python", options as TaskOptions, mapped) as [E] extends [never] ? TaskHandle<R> : MappedTaskHandle<R>;
  }

  /**
   * A Spark job, submitted with `spark-submit` through an Airflow connection or run as a
   * SparkApplication on Kubernetes. Resources, profile and target combine with the project's
   * Spark defaults in dagwright.config.ts, field by field.
   */
  spark(id: string, options: SparkTaskOptions): TaskHandle {
    return this.#task(id, "spark", options);
  }

  /**
   * A branch (Airflow's `BranchPythonOperator`): the callable returns the id of the target (or
   * targets) to follow, and the other targets are skipped. Link the targets downstream.
   */
  branch(id: string, options: BranchTaskOptions): TaskHandle {
    return this.#task(id, "branch", options);
  }

  /** A short-circuit (Airflow's `ShortCircuitOperator`): a falsy result skips what follows. */
  shortCircuit(id: string, options: ShortCircuitTaskOptions): TaskHandle {
    return this.#task(id, "short_circuit", options);
  }

  /**
   * Wait for a task (or, without `task`, a whole run) of another DAG for the same logical date
   * (Airflow's `ExternalTaskSensor`). The DAG and task must exist in the project, unless the DAG
   * is `external("id")`.
   */
  externalTaskSensor(id: string, options: ExternalTaskSensorOptions): TaskHandle {
    return this.#task(id, "external_task_sensor", options);
  }

  /** Wait for a file or folder to exist (Airflow's `FileSensor`). */
  fileSensor(id: string, options: FileSensorOptions): TaskHandle {
    return this.#task(id, "file_sensor", options);
  }

  /** Wait until this long after the end of the run's data interval (Airflow's `TimeDeltaSensor`). */
  timeDeltaSensor(id: string, options: TimeDeltaSensorOptions): TaskHandle {
    return this.#task(id, "time_delta_sensor", options);
  }

  /** Wait until a moment; Jinja works, e.g. "{{ data_interval_end.add(hours=2) }}" (Airflow's `DateTimeSensor`). */
  dateTimeSensor(id: string, options: DateTimeSensorOptions): TaskHandle {
    return this.#task(id, "date_time_sensor", options);
  }

  /** Wait until a time of day of the run's day (Airflow's `TimeSensor`; deferrable, `TimeSensorAsync` on Airflow 2). */
  timeSensor(id: string, options: TimeSensorOptions): TaskHandle {
    return this.#task(id, "time_sensor", options);
  }

  /** Wait until today (or the logical date) is one of some days of the week (Airflow's `DayOfWeekSensor`). */
  dayOfWeekSensor(id: string, options: DayOfWeekSensorOptions): TaskHandle {
    return this.#task(id, "day_of_week_sensor", options);
  }

  /** Wait until a Python function from your package returns something truthy (Airflow's `PythonSensor`). */
  pythonSensor(id: string, options: PythonSensorOptions): TaskHandle {
    return this.#task(id, "python_sensor", options);
  }

  /** Wait until a shell command exits 0 (Airflow's `BashSensor`). */
  bashSensor(id: string, options: BashSensorOptions): TaskHandle {
    return this.#task(id, "bash_sensor", options);
  }

  /** Skip everything downstream unless this run is the DAG's latest (Airflow's `LatestOnlyOperator`). */
  latestOnly(id: string, options: LatestOnlyOptions = {}): TaskHandle {
    return this.#task(id, "latest_only", options);
  }

  /**
   * Clear a task of another DAG when this task is cleared recursively (Airflow's
   * `ExternalTaskMarker`); the DAG and task must exist in the project unless `external`.
   */
  externalTaskMarker(id: string, options: ExternalTaskMarkerOptions): TaskHandle {
    return this.#task(id, "external_task_marker", options);
  }

  /**
   * A branch on the time (Airflow's `BranchDateTimeOperator`): inside the bounds it follows
   * `followTaskIdsIfTrue`, outside `followTaskIdsIfFalse`. Link every target downstream.
   */
  branchDateTime(id: string, options: BranchDateTimeOptions): TaskHandle {
    return this.#task(id, "branch_date_time", options);
  }

  /** A branch on the day of the week (Airflow's `BranchDayOfWeekOperator`). Link every target downstream. */
  branchDayOfWeek(id: string, options: BranchDayOfWeekOptions): TaskHandle {
    return this.#task(id, "branch_day_of_week", options);
  }

  /** Send an email (Airflow's `EmailOperator`: core on Airflow 2, the SMTP provider's on Airflow 3). */
  email(id: string, options: EmailOptions): TaskHandle {
    return this.#task(id, "email", options);
  }

  /**
   * A Python function run in a virtual environment Airflow builds for the task (Airflow's
   * `PythonVirtualenvOperator`). A generated function imports `callable` inside it, so your
   * package must be importable there. On Airflow 2 the workers and scheduler need `virtualenv`.
   */
  pythonVirtualenv(id: string, options: PythonVirtualenvOptions): TaskHandle {
    return this.#task(id, "python_virtualenv", options);
  }

  /** A branch whose function runs in a virtual environment (Airflow's `BranchPythonVirtualenvOperator`). Link the targets downstream. */
  branchPythonVirtualenv(id: string, options: BranchPythonVirtualenvOptions): TaskHandle {
    return this.#task(id, "python_virtualenv", options);
  }

  /** A Python function run with an existing interpreter (Airflow's `ExternalPythonOperator`); your package must be importable there. */
  externalPython(id: string, options: ExternalPythonOptions): TaskHandle {
    return this.#task(id, "external_python", options);
  }

  /** A branch whose function runs with an existing interpreter (Airflow's `BranchExternalPythonOperator`). Link the targets downstream. */
  branchExternalPython(id: string, options: BranchExternalPythonOptions): TaskHandle {
    return this.#task(id, "external_python", options);
  }

  /** Ask a person to approve or reject in the UI; rejecting skips what follows (Airflow 3.1+'s `ApprovalOperator`). */
  approval(id: string, options: ApprovalOptions): TaskHandle {
    return this.#task(id, "hitl", { ...options, variant: "approval" } as TaskOptions);
  }

  /** Ask a person to choose among options in the UI (Airflow 3.1+'s `HITLOperator`). */
  hitl(id: string, options: HitlOptions): TaskHandle {
    return this.#task(id, "hitl", { ...options, variant: "options" } as TaskOptions);
  }

  /** Ask a person which path to follow (Airflow 3.1+'s `HITLBranchOperator`). Link every option's task downstream. */
  hitlBranch(id: string, options: HitlBranchOptions): TaskHandle {
    return this.#task(id, "hitl", { ...options, variant: "branch" } as TaskOptions);
  }

  /** Ask a person to fill in a form (Airflow 3.1+'s `HITLEntryOperator`). */
  hitlEntry(id: string, options: HitlEntryOptions): TaskHandle {
    return this.#task(id, "hitl", { ...options, variant: "entry" } as TaskOptions);
  }

  /** Start a run of another DAG (Airflow's `TriggerDagRunOperator`); it must exist in the project unless `external`. */
  triggerDag(id: string, options: TriggerDagOptions): TaskHandle {
    return this.#task(id, "trigger_dag", options);
  }

  /** A container on Kubernetes (Airflow's `KubernetesPodOperator`). */
  pod(id: string, options: PodTaskOptions): TaskHandle {
    return this.#task(id, "pod", options);
  }

  /**
   * Any other Airflow operator, by import path, with JSON arguments: the way out when dagwright
   * has no builder for an operator yet.
   * @example d.operator("ping", { import: "airflow.providers.http.operators.http.HttpOperator", args: { endpoint: "/health" } })
   */
  operator(id: string, options: OperatorOptions): TaskHandle {
    return this.#task(id, "operator", options);
  }

  /**
   * A task group: its tasks' ids are prefixed with the group's id, its `defaults` apply to them,
   * and dependencies on the group apply to its first or last tasks.
   */
  group<A extends Record<string, unknown>>(id: string, options: MappedGroupOptions<A>, body: (g: DagContext, args: GroupArguments<A>) => void): GroupHandle;
  group(id: string, options: GroupOptions, body: (g: DagContext) => void): GroupHandle;
  group(id: string, options: GroupOptions | MappedGroupOptions<Record<string, unknown>>, body: (g: DagContext, args: GroupArguments<Record<string, unknown>>) => void): GroupHandle {
    const location = callSite();
    this.#checkOpen(id, location);
    const fullId = this.#prefix() + id;
    const uses: string[] = [];
    const expand = options?.expand && Object.fromEntries(Object.entries(options.expand).map(([name, source]) => [name, mappedValues(source, uses)]));
    const groupIr: ir.Group = {
      id: fullId,
      ...(this.#group ? { parent: this.#group.id } : {}),
      location,
      ...defined({ tooltip: options?.tooltip }),
      defaults: taskOptions(options?.defaults ?? {}),
      ...defined({ expand }),
      upstream: [],
    };
    this.#build.dag.groups.push(groupIr);
    const handle = new GroupHandle(groupIr, this.#build);
    const args = Object.fromEntries(Object.keys(expand ?? {}).map((argument) => [argument, Object.freeze({ group: fullId, argument })]));
    body(new DagContext(this.#build, groupIr), args as GroupArguments<Record<string, unknown>>);
    // Mapping over an output depends on its task, as Airflow makes it when expand() runs: after the body.
    for (const source of uses) {
      const upstream = this.#build.dag.tasks.find((candidate) => candidate.id === source);
      if (upstream) link(new TaskHandle(upstream, this.#build), handle, location);
    }
    return handle;
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
        if (ups.length !== downs.length) throw new DagwrightUsageError(diagnose("DW109", { step: index, ups: ups.length, downs: downs.length }, location));
        ups.forEach((up, i) => link(up, downs[i]!, location));
      } else {
        for (const up of ups) for (const down of downs) link(up, down, location);
      }
    }
  }

  #prefix(): string {
    return this.#group ? `${this.#group.id}.` : "";
  }

  #checkOpen(id: string, location: ir.Location): void {
    if (!this.#build.open) throw new DagwrightUsageError(diagnose("DW110", { dag: this.#build.dag.id, task: id }, location));
  }

  /** Add a task of `kind`: the options every task has, and the kind's own, through its builder. */
  #task<K extends TaskKind>(id: string, kind: K, options: TaskOptions, mapped?: false): TaskHandle;
  #task<K extends TaskKind>(id: string, kind: K, options: TaskOptions, mapped: boolean): TaskHandle | MappedTaskHandle;
  #task<K extends TaskKind>(id: string, kind: K, options: TaskOptions, mapped = false): TaskHandle | MappedTaskHandle {
    const location = callSite();
    this.#checkOpen(id, location);
    const builder = BUILDERS[kind];
    const common: Record<string, unknown> = {};
    const own: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(options ?? {})) ((TASK_OPTION_KEYS as readonly string[]).includes(key) ? common : own)[key] = value;
    // The kind's own options are copied as JSON (kwargs, args); the common ones keep their numbers for the IR schema to check.
    refuseNonFinite(own, { dag: this.#build.dag.id, task: this.#prefix() + id }, location);
    const foreign = foreignReference(this.#build.dag, options);
    if (foreign) {
      throw new DagwrightUsageError(diagnose("DW113", { where: { dag: this.#build.dag.id, task: this.#prefix() + id }, source: foreign.source, ...(foreign.handle ? { handle: true as const } : {}) }, location));
    }
    const { config, uses } = builder.config(own);
    // Options no builder knows travel on, so the IR schema reports them (DW004) instead of dropping them.
    const unknown = Object.fromEntries(Object.entries(own).filter(([key]) => !(builder.keys as readonly string[]).includes(key)));
    const task: ir.Task = {
      id: this.#prefix() + id,
      ...lineageOf(common as TaskOptions),
      ...suppressionsOf((common as TaskOptions).suppress),
      ...(this.#group ? { group: this.#group.id } : {}),
      location,
      config: { ...config, ...unknown },
      options: taskOptions(common as TaskOptions),
      upstream: [],
    };
    this.#build.dag.tasks.push(task);
    const handle = mapped ? new MappedTaskHandle(task, this.#build) : new TaskHandle(task, this.#build);
    // as_teardown(setups=...) makes each setup an upstream of the teardown: say so in the IR too.
    for (const setup of (common as TaskOptions).teardown?.setups ?? []) if (setup instanceof Node) link(setup, handle, location);
    // Using a task's output depends on it, as Airflow makes it; so does taking a mapped group's
    // argument on the outputs that group maps over (Airflow 2 links them; said so on every line).
    const groupSources = Object.values((config as { kwargsAtRunTime?: Record<string, ir.RunTimeValue> }).kwargsAtRunTime ?? {}).flatMap((value) =>
      "group" in value ? Object.values(this.#build.dag.groups.find((group) => group.id === value.group)?.expand ?? {}).flatMap((source) => ("outputs" in source ? source.outputs.map((output) => output.output) : [])) : [],
    );
    for (const source of [...(uses ?? []), ...groupSources]) {
      const upstream = this.#build.dag.tasks.find((candidate) => candidate.id === source);
      if (upstream) link(new TaskHandle(upstream, this.#build), handle, location);
    }
    return handle;
  }

  /** @internal */
  close(): void {
    this.#build.open = false;
  }
}

/** DW004 for the first NaN or infinity in `options`, which copying to JSON would make null. */
function refuseNonFinite(options: unknown, where: { dag: string; task?: string }, location: ir.Location): void {
  const found = nonFinitePath(options);
  if (!found) return;
  const problem = `option ${found.path} is ${found.value}, which Airflow cannot be given: JSON has no such number (it would arrive as None)`;
  const subject = where.task === undefined ? { dag: where.dag } : { dag: where.dag, task: where.task };
  throw new DagwrightUsageError(diagnose("DW004", { where: subject, problem }, location));
}

/**
 * The path of the first NaN or infinity inside plain options, if any: copying to JSON would
 * quietly make it null, and a task would get None where its author wrote a number.
 */
function nonFinitePath(value: unknown, path = ""): { path: string; value: string } | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? undefined : { path: path || "value", value: String(value) };
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = nonFinitePath(item, `${path}[${index}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof value !== "object" || value === null || Object.getPrototypeOf(value) !== Object.prototype) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = nonFinitePath(item, path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return undefined;
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

/** The DAG options, by name. */
const DAG_OPTION_KEYS = [
  "schedule", "timetable", "startDate", "endDate", "catchup", "owner", "tags", "description", "docs", "maxActiveRuns", "maxActiveTasks", "dagrunTimeout",
  "defaults", "displayName", "ownerLinks", "params", "onFailure", "onSuccess", "orientation", "deadline", "suppress",
] as const satisfies ReadonlyArray<keyof DagOptions>;
const dagOptionsComplete: Complete<(typeof DAG_OPTION_KEYS)[number], DagOptions> = true;
const dagOptionsConform: Conforms<DagOptions, Exclude<keyof ir.Dag, "id" | "location" | "groups" | "tasks">> = true;
void dagOptionsComplete, dagOptionsConform;

/**
 * Define a DAG. The body receives a builder whose methods add tasks; it is ordinary code,
 * so loops, helper functions and shared constants all work.
 *
 * @example
 * export default dag("hello", { schedule: "@daily", startDate: "2026-01-01" }, (d) => {
 *   d.bash("say_hello", { command: "echo hello" }).then(d.empty("done"));
 * });
 */
export function dag<const S extends Schedule>(
  id: string,
  options: Omit<DagOptions, "schedule"> & {
    /** When the DAG runs (Airflow's `schedule`). See {@link Schedule}. @example "@daily" */
    schedule: CheckedSchedule<S>;
  },
  body: (d: DagContext) => void,
): Dag {
  const location = callSite();
  const given = options ?? ({} as DagOptions);
  const unknown = Object.fromEntries(Object.entries(given).filter(([key]) => !(DAG_OPTION_KEYS as readonly string[]).includes(key)));
  const { schedule, timetable, startDate, endDate, catchup, owner, tags, description, docs, maxActiveRuns, maxActiveTasks, dagrunTimeout, defaults, displayName, ownerLinks, params, onFailure, onSuccess, orientation, deadline, suppress } =
    given;
  // Params are copied as JSON, where a NaN or infinity would quietly become null.
  refuseNonFinite(params === undefined ? undefined : { params }, { dag: id }, location);
  const dagIr: ir.Dag = {
    id,
    location,
    schedule: scheduleOf(schedule),
    ...defined({ timetable, startDate, endDate }),
    catchup: catchup ?? false,
    ...defined({ owner }),
    tags: tags ? [...tags] : [],
    ...defined({ description, docs, maxActiveRuns, maxActiveTasks, dagrunTimeout }),
    defaults: taskOptions(defaults ?? {}),
    ...defined({ displayName, ownerLinks: ownerLinks && { ...ownerLinks }, params: params && (copy(params) as ir.Dag["params"]), onFailure, onSuccess, orientation }),
    ...defined({ deadline: deadline === undefined ? undefined : (copy(Array.isArray(deadline) ? deadline : [deadline]) as ir.Dag["deadline"]) }),
    ...suppressionsOf(suppress),
    groups: [],
    tasks: [],
    // Unknown options travel on so the IR schema reports them instead of dropping them.
    ...unknown,
  };
  const build: DagBuild = { dag: dagIr, open: true, declared: 0 };
  const context = new DagContext(build);
  const returned: unknown = body(context);
  context.close();
  if (typeof (returned as PromiseLike<unknown> | undefined)?.then === "function") {
    // Tasks added after an await would arrive after compile has collected the DAG.
    (returned as Promise<unknown>).then(undefined, () => undefined);
    throw new DagwrightUsageError(diagnose("DW111", { dag: id }, location));
  }
  createdListener?.(dagIr);
  return new DagDefinition(dagIr);
}

/** Who hears of every DAG `dag()` creates: the evaluator, to name DAGs created but never exported. */
let createdListener: ((dag: ir.Dag) => void) | undefined;

/**
 * Hear of each DAG created from now on (undefined stops). Not part of the authoring API.
 * @internal
 */
export function onDagCreated(listener: ((dag: ir.Dag) => void) | undefined): void {
  createdListener = listener;
}

/**
 * The IR of a value `dag()` returned, or undefined for anything else. Not part of the authoring API.
 * @internal
 */
export function dagIrOf(value: unknown): ir.Dag | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  return (value as Record<symbol, ir.Dag | undefined>)[DAG_BRAND];
}

function scheduleOf(schedule: Schedule | undefined): ir.Schedule {
  if (schedule === null || schedule === undefined) return { kind: "manual" };
  if (Array.isArray(schedule)) return { kind: "assets", condition: assetsOf(schedule) };
  if (typeof schedule === "object" && ("all" in schedule || "any" in schedule)) return { kind: "assets", condition: conditionOf(schedule) };
  if (typeof schedule === "object" && "assets" in schedule) {
    const { assets, or } = schedule as { assets: unknown; or: unknown };
    // Without `or` (which the types ask for), it says what a list of assets says: read it so, not as an empty cron.
    return { kind: "assets", condition: assetsOf(assets), ...(or === undefined ? {} : { orTime: timeScheduleOf(or) }) };
  }
  return timeScheduleOf(schedule);
}

/** A list of assets (all of them), or an all/any expression. */
function assetsOf(assets: unknown): ir.AssetCondition {
  return Array.isArray(assets) ? { all: assets.map(conditionOf) } : conditionOf(assets);
}

/** The keys of the time schedules' object forms. */
const TIME_SCHEDULE_KEYS = ["cron", "every", "crons", "events", "timetable", "interval", "runImmediately", "restrictToEvents", "description"];

/** A time schedule as IR data; keys that are not one of its forms' travel on for the IR schema to report (DW004). */
function timeScheduleOf(schedule: unknown): ir.TimeSchedule {
  if (typeof schedule === "string") return { kind: "cron", expression: schedule };
  const value = (schedule ?? {}) as Partial<CronSchedule & PeriodSchedule & CronsSchedule & EventsSchedule>;
  const unknown = Object.fromEntries(Object.entries(value).filter(([key]) => !TIME_SCHEDULE_KEYS.includes(key)));
  const trigger = defined({ interval: value.interval, runImmediately: value.runImmediately });
  if (value.every !== undefined) return { kind: "every", every: value.every, ...defined({ timetable: value.timetable, interval: value.interval }), ...unknown };
  if (value.crons !== undefined) return { kind: "crons", expressions: [...value.crons], ...trigger, ...unknown };
  if (value.events !== undefined) return { kind: "events", dates: [...value.events], ...defined({ restrictToEvents: value.restrictToEvents, description: value.description }), ...unknown };
  return { kind: "cron", expression: value.cron ?? "", ...defined({ timetable: value.timetable }), ...trigger, ...unknown };
}

/** An asset or an all/any expression of them, as IR data. */
function conditionOf(item: unknown): ir.AssetCondition {
  const value = item as { kind?: string; name?: string; all?: unknown[]; any?: unknown[] };
  if (value?.kind === "asset") return { asset: assetRef(value) };
  if (value?.kind === "asset_alias") return { alias: value.name! };
  if (Array.isArray(value?.all)) return { all: value.all.map(conditionOf) };
  if (Array.isArray(value?.any)) return { any: value.any.map(conditionOf) };
  return { asset: value as ir.AssetRef };
}

/** A task's inputs and outputs, split by kind: assets, models and metrics. */
function lineageOf(options: TaskOptions): Partial<ir.Task> {
  const byKind = <T>(list: readonly unknown[] | undefined, kind: string): T[] =>
    (list ?? []).filter((item) => (item as { kind?: string })?.kind === kind).map((item) => assetRef(item) as T);
  const result = {
    inputs: byKind<ir.AssetRef>(options.inputs, "asset"),
    outputs: byKind<ir.AssetRef>(options.outputs, "asset"),
    outputAliases: (options.outputs ?? []).filter((item) => (item as { kind?: string })?.kind === "asset_alias").map((item) => (item as { name: string }).name),
    modelInputs: byKind<ir.ModelRef>(options.inputs, "model"),
    modelOutputs: byKind<ir.ModelRef>(options.outputs, "model"),
    metrics: byKind<ir.MetricRef>(options.outputs, "metric"),
  };
  return {
    ...Object.fromEntries(Object.entries(result).filter(([, list]) => list.length > 0)),
    ...(options.stage ? { stage: options.stage } : {}),
  };
}

function assetRef(value: unknown): ir.AssetRef {
  const { kind: _kind, ...ref } = value as { kind: string } & ir.AssetRef;
  return copy(ref);
}

/** The diagnostics a task or DAG silences, by code, each with its reason: dagwright's alone, never Airflow's. */
function suppressionsOf(suppress: Readonly<Record<string, string>> | undefined): { suppress?: Record<string, string> } {
  return suppress === undefined ? {} : { suppress: copy(suppress) as Record<string, string> };
}

function taskOptions(options: TaskOptions & CommonTaskOptions): ir.TaskOptions {
  const { email, teardown, executorConfig, inputs: _inputs, outputs: _outputs, stage: _stage, suppress: _suppress, ...rest } = options;
  return defined({
    ...rest,
    executorConfig: executorConfig === undefined ? undefined : (copy(executorConfig) as ir.TaskOptions["executorConfig"]),
    email: email === undefined ? undefined : Array.isArray(email) ? [...email] : [email as string],
    teardown: teardown === undefined ? undefined : { setups: (teardown.setups ?? []).map((setup) => setup.id), ...defined({ onFailureFailDagrun: teardown.onFailureFailDagrun }) },
  });
}
