/**
 * `dag(id, options, body)` and the task handles it hands out. This module builds IR and
 * nothing else: it knows no Airflow version and writes no file.
 */
import type * as ir from "../ir/schema.js";
import { DagwrightUsageError } from "./errors.js";
import { callSite } from "./site.js";
import type {
  BashTaskOptions,
  CommonTaskOptions,
  DagOptions,
  PythonTaskOptions,
  Schedule,
  SparkTaskOptions,
  TaskOptions,
} from "./types.js";

const DAG_BRAND = Symbol.for("dagwright.dag");

/** What `then` returns: the task it was given, or a list when it was given several. */
export type Next<T> = T extends TaskHandle ? T : TaskList;

/** A task of a DAG. Make dependencies with `then`, `after` or the DAG's `chain`. */
export class TaskHandle {
  /** @internal */
  constructor(
    /** @internal */ readonly ir: ir.Task,
    /** The id of the DAG the task belongs to. */
    readonly dagId: string,
  ) {}

  /** The task's id, unique within its DAG. */
  get id(): string {
    return this.ir.id;
  }

  /**
   * Run `next` after this task; returns `next` so calls chain: `a.then(b).then(c)`.
   * Give a list to fan out: `a.then([b, c])`.
   */
  then<T extends TaskHandle | readonly TaskHandle[] | TaskList>(next: T): Next<T> {
    const location = callSite();
    const downstream = tasksOf(next, location);
    for (const task of downstream) link(this, task, location);
    return (next instanceof TaskHandle ? next : new TaskList(downstream)) as Next<T>;
  }

  /** Run this task after `upstream` (one task or a list); returns this task. */
  after(upstream: TaskHandle | readonly TaskHandle[] | TaskList): this {
    const location = callSite();
    for (const task of tasksOf(upstream, location)) link(task, this, location);
    return this;
  }
}

/** Several tasks treated as one step of a chain: `a.then([b, c]).then(d)` fans in to `d`. */
export class TaskList {
  /** @internal */
  constructor(readonly tasks: readonly TaskHandle[]) {}

  /** Run `next` after every task of this list. */
  then<T extends TaskHandle | readonly TaskHandle[] | TaskList>(next: T): Next<T> {
    const location = callSite();
    const downstream = tasksOf(next, location);
    for (const up of this.tasks) for (const down of downstream) link(up, down, location);
    return (next instanceof TaskHandle ? next : new TaskList(downstream)) as Next<T>;
  }

  /** Run every task of this list after `upstream`. */
  after(upstream: TaskHandle | readonly TaskHandle[] | TaskList): this {
    const location = callSite();
    const ups = tasksOf(upstream, location);
    for (const up of ups) for (const down of this.tasks) link(up, down, location);
    return this;
  }
}

function tasksOf(value: unknown, location: ir.Location): readonly TaskHandle[] {
  if (value instanceof TaskHandle) return [value];
  if (value instanceof TaskList) return value.tasks;
  if (Array.isArray(value) && value.every((item) => item instanceof TaskHandle)) return value;
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

function link(upstream: TaskHandle, downstream: TaskHandle, location: ir.Location): void {
  const edges = downstream.ir.upstream;
  if (edges.some((edge) => edge.task === upstream.id && (edge.foreignDag ?? downstream.dagId) === upstream.dagId)) return;
  edges.push({
    task: upstream.id,
    ...(upstream.dagId === downstream.dagId ? {} : { foreignDag: upstream.dagId }),
    location,
  });
}

/** The builder a DAG body receives: task builders and `chain`. */
export class DagContext {
  #open = true;

  /** @internal */
  constructor(/** @internal */ private readonly dagIr: ir.Dag) {}

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
    const { command, env, cwd, ...rest } = options;
    return this.#add(id, { kind: "bash", command, ...defined({ env, cwd }) }, rest);
  }

  /** A Python function from your own package, imported lazily when the task runs (Airflow's `PythonOperator`). */
  python(id: string, options: PythonTaskOptions): TaskHandle {
    const { callable, kwargs, ...rest } = options;
    return this.#add(id, { kind: "python", callable, ...defined({ kwargs }) }, rest);
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
   * Run the steps one after another, as Airflow's `chain`: `d.chain(a, [b, c], d)`.
   * Two adjacent lists must have the same length and are linked pairwise.
   */
  chain(...steps: Array<TaskHandle | readonly TaskHandle[] | TaskList>): void {
    const location = callSite();
    const lists = steps.map((step) => tasksOf(step, location));
    for (let index = 1; index < lists.length; index++) {
      const ups = lists[index - 1]!;
      const downs = lists[index]!;
      const bothLists = !(steps[index - 1] instanceof TaskHandle) && !(steps[index] instanceof TaskHandle);
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

  #add(id: string, config: ir.TaskConfig, options: TaskOptions): TaskHandle {
    const location = callSite();
    if (!this.#open) {
      throw new DagwrightUsageError(
        "DW110",
        `task ${JSON.stringify(id)} was added to DAG ${JSON.stringify(this.dagIr.id)} after the DAG's body returned`,
        location,
        "create every task inside the body function passed to dag()",
      );
    }
    const task: ir.Task = { id, location, config, options: taskOptions(options), upstream: [] };
    this.dagIr.tasks.push(task);
    return new TaskHandle(task, this.dagIr.id);
  }

  /** @internal */
  close(): void {
    this.#open = false;
  }
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
  const { schedule, startDate, endDate, catchup, owner, tags, description, docs, maxActiveRuns, maxActiveTasks, dagrunTimeout, defaults, ...unknown } =
    options ?? ({} as DagOptions);
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
  if (typeof schedule === "object" && "every" in schedule) return { kind: "every", every: schedule.every };
  return { kind: "cron", expression: schedule as string };
}

function taskOptions(options: TaskOptions & CommonTaskOptions): ir.TaskOptions {
  const { email, ...rest } = options;
  return defined({
    ...rest,
    email: email === undefined ? undefined : Array.isArray(email) ? [...email] : [email],
  }) as ir.TaskOptions;
}

/** The object without its undefined properties, so the IR holds only what the author set. */
function defined<T extends Record<string, unknown>>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as Partial<T>;
}
