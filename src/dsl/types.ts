/**
 * The option types users write. Each option carries JSDoc so an editor shows it on hover;
 * the names are camelCase here and become Airflow's snake_case in the generated Python.
 */

/** A unit of a {@link Duration}: seconds, minutes, hours or days. */
export type DurationUnit = "s" | "m" | "h" | "d";

/**
 * A length of time: a whole number followed by a unit, with no space.
 * @example "30s", "5m", "2h", "1d"
 */
// `& {}` keeps the name: without it, TypeScript spells out every unit's template in its errors.
export type Duration = `${number}${DurationUnit}` & {};

/** A calendar date in UTC, `YYYY-MM-DD`, or a UTC instant, `YYYY-MM-DDTHH:MM[:SS]Z`. */
export type DateText = `${number}-${number}-${number}` | `${number}-${number}-${number}T${string}Z`;

/** Airflow's schedule presets. `@once` runs a single time; `@continuous` starts a new run as soon as one ends. */
export type SchedulePreset =
  | "@once"
  | "@continuous"
  | "@hourly"
  | "@daily"
  | "@weekly"
  | "@monthly"
  | "@quarterly"
  | "@yearly";

/** A five-field cron expression: minute, hour, day of month, month, day of week. @example "30 2 * * 1-5" */
export type CronExpression = `${string} ${string} ${string} ${string} ${string}`;

/**
 * A preset or a cron expression as text. A text whose type TypeScript widened to `string` (kept
 * in a shared object: `const cfg = { schedule: "0 3 * * *" }`) type-checks without `as const`,
 * and compile checks it (DW201); a literal must be a preset or a five-field cron (see
 * {@link CheckedSchedule}); editors offer the presets.
 */
export type ScheduleText = SchedulePreset | CronExpression | (string & {});

/** A schedule text TypeScript knows as a literal: it must be a preset or a five-field cron. */
export type KnownScheduleText = SchedulePreset | CronExpression;

/**
 * The schedule `dag()` accepts for the schedule `S` it was given: a literal text (and a literal
 * `cron`) must be a preset or a five-field cron, so `"@dayly"` is a tsc error; a text TypeScript
 * widened to `string` passes, and compile checks it (DW201).
 */
export type CheckedSchedule<S> = S extends string
  ? string extends S
    ? S
    : KnownScheduleText
  : S extends { cron: infer C }
    ? string extends C
      ? S
      : C extends KnownScheduleText
        ? S
        : Omit<S, "cron"> & {
            /** A preset or a five-field cron expression, in UTC (the timetable's `cron`). @example "0 3 * * *" */
            cron: KnownScheduleText;
          }
    : S;

/**
 * How a cron or period schedule maps onto runs:
 * - `"dataInterval"`: a run covers the interval that just ended and starts at its end, so
 *   `{{ ds }}` of a `@daily` run is the day before it starts (Airflow 2's default, and
 *   dagwright's: `CronDataIntervalTimetable`, `DeltaDataIntervalTimetable`);
 * - `"trigger"`: a run starts at each time and covers nothing unless `interval` says so, so
 *   `{{ ds }}` is the day it starts (Airflow 3's default for `schedule="@daily"`:
 *   `CronTriggerTimetable`, `DeltaTriggerTimetable`).
 */
export type Timetable = "dataInterval" | "trigger";

/** A cron schedule with its timetable spelled out. */
export interface CronSchedule {
  /**
   * A preset such as `"@daily"` or a cron expression such as `"0 3 * * *"`, in UTC (the
   * timetable's `cron`). @example "0 3 * * *"
   */
  cron: ScheduleText;
  /**
   * How runs map onto the cron's times: the timetable class the DAG's `schedule` gets
   * (`CronDataIntervalTimetable` or `CronTriggerTimetable`). @default the DAG's `timetable`, else
   * the project's, else `"dataInterval"` @example "trigger"
   */
  timetable?: Timetable;
  /** With the trigger timetable: the data interval each run covers, ending at its time (Airflow's `interval`). @example "1d" */
  interval?: Duration;
  /**
   * With the trigger timetable on Airflow 3: whether a DAG switched on between two times runs
   * at once for the last one missed (`true`), not (`false`), or only if it was missed by at most
   * this long (Airflow's `run_immediately`). @example "10m"
   */
  runImmediately?: boolean | Duration;
}

/** A fixed period between runs. */
export interface PeriodSchedule {
  /** The time between runs: the timetable's `delta` (a `timedelta`). @example "6h" */
  every: Duration;
  /**
   * How runs map onto the periods: the timetable class the DAG's `schedule` gets
   * (`DeltaDataIntervalTimetable` or `DeltaTriggerTimetable`; the latter needs Airflow 2.11+).
   * @default the DAG's `timetable`, else the project's, else `"dataInterval"` @example "trigger"
   */
  timetable?: Timetable;
  /** With the trigger timetable: the data interval each run covers (Airflow's `interval`). @example "6h" */
  interval?: Duration;
}

/** Several cron expressions, one timetable (Airflow 3's `MultipleCronTriggerTimetable`). */
export interface CronsSchedule {
  /** The cron expressions or presets, in UTC; a run starts at each time of any of them (the timetable's `crons`). @example ["0 3 * * *", "0 15 * * 1-5"] */
  crons: readonly ScheduleText[];
  /** The data interval each run covers, ending at its time (Airflow's `interval`). @example "12h" */
  interval?: Duration;
  /** As for one cron with the trigger timetable (Airflow's `run_immediately`). @example true */
  runImmediately?: boolean | Duration;
}

/** Runs at exactly these moments (Airflow's `EventsTimetable`). */
export interface EventsSchedule {
  /** The moments to run at, as UTC dates or instants (the timetable's `event_dates`). @example ["2026-03-31", "2026-06-30T18:00Z"] */
  events: readonly DateText[];
  /** Refuse manual runs at other times (Airflow's `restrict_to_events`). @default false @example true */
  restrictToEvents?: boolean;
  /** Shown in Airflow's UI instead of the list of dates (Airflow's `description`). @example "quarter ends" */
  description?: string;
}

/** A schedule by time. */
export type TimeSchedule = ScheduleText | CronSchedule | PeriodSchedule | CronsSchedule | EventsSchedule;

/** Runs when the assets are updated, and also on a time schedule (Airflow's `AssetOrTimeSchedule`). */
export interface AssetsOrTimeSchedule {
  /** The assets whose updates start a run (the schedule's `assets`). @example [events] */
  assets: AssetSchedule;
  /** The time schedule that also starts runs (the schedule's `timetable`). @example "@daily" */
  or: TimeSchedule;
}

/**
 * When the DAG runs:
 * - a preset such as `"@daily"`, or a cron expression such as `"0 3 * * *"`;
 * - `{ every: "6h" }` for a fixed period, `{ cron, timetable, interval }` to choose how runs map
 *   onto time (see {@link Timetable}), `{ crons: [...] }` for several crons, `{ events: [...] }`
 *   for fixed moments;
 * - assets (a list, `{ all }` or `{ any }`): when other DAGs update them, and
 *   `{ assets, or: "@daily" }` for either;
 * - `null` for manual and API-triggered runs only.
 *
 * Unless told otherwise, cron and period schedules use data intervals on every Airflow version:
 * a run covers the interval that just ended, so `{{ ds }}` of a `@daily` run is the day before
 * the run starts.
 */
export type Schedule = TimeSchedule | AssetSchedule | AssetsOrTimeSchedule | null;

/** A dataset or table, named by URI: `asset("s3://lake/features/churn")`. Make one with `asset`. */
export interface Asset {
  /** Tells an asset apart from the other values `inputs` and `outputs` take. */
  readonly kind: "asset";
  /** Where the data lives, as a URI (Airflow's `uri`; `Dataset(uri)` on Airflow 2). @example "s3://lake/raw/events" */
  readonly uri: string;
  /** A name for the asset, unique in Airflow (Airflow 3's `name`); the URI when unset. @example "raw_events" */
  readonly name?: string;
  /** What the data is, for the manifest and the docs site. @example "Click events, one file per hour" */
  readonly description?: string;
  /** Produced outside this project, so no task here needs to write it. @example true */
  readonly external?: boolean;
  /** Airflow's `extra`: free-form JSON kept with the asset. @example { owner: "ingest" } */
  readonly extra?: { readonly [key: string]: JsonValue };
  /**
   * What updates the asset from outside Airflow, for DAGs scheduled on it (Airflow 3.0+'s
   * `watchers`, a list of AssetWatcher).
   * @example [{ name: "landing", trigger: "airflow.providers.standard.triggers.file.FileDeleteTrigger", kwargs: { filepath: "/data/in.csv" } }]
   */
  readonly watchers?: readonly AssetWatcher[];
}

/**
 * An AssetWatcher: an event trigger (a BaseEventTrigger subclass, by import path) whose events
 * update the asset, so DAGs scheduled on it run. @example { name: "landing", trigger: "airflow.providers.standard.triggers.file.FileDeleteTrigger", kwargs: { filepath: "/data/in.csv" } }
 */
export interface AssetWatcher {
  /** The watcher's name (AssetWatcher's `name`). @example "landing" */
  readonly name: string;
  /** The trigger class's import path (AssetWatcher's `trigger`, made with these `kwargs`). @example "airflow.providers.standard.triggers.file.FileDeleteTrigger" */
  readonly trigger: `${string}.${string}`;
  /** Keyword arguments of the trigger class. @example { filepath: "/data/in.csv" } */
  readonly kwargs?: { readonly [key: string]: JsonValue };
}

/** An asset alias: a task writing it says when it runs which assets it stands for (`outlet_events[alias].add(asset)`). */
export interface AssetAlias {
  /** Tells an alias apart from the other values `outputs` takes. */
  readonly kind: "asset_alias";
  /** The alias's name (AssetAlias's `name`). @example "daily_exports" */
  readonly name: string;
}

/** A trained model: `model("churn", { registry: "mlflow", flavour: "sklearn" })`. */
export interface Model {
  /** Tells a model apart from the other values `inputs` and `outputs` take. */
  readonly kind: "model";
  /** The model's name in its registry; lineage only, Airflow gets no argument for it. @example "churn" */
  readonly name: string;
  /** The registry that keeps the model. @example "mlflow" */
  readonly registry?: string;
  /** The framework that saved the model. @example "sklearn" */
  readonly flavour?: string;
}

/** An evaluation metric: `metric("auc", { direction: "higher", threshold: 0.7 })`. */
export interface Metric {
  /** Tells a metric apart from the other values `outputs` takes. */
  readonly kind: "metric";
  /** The metric's name; lineage only, Airflow gets no argument for it. @example "auc" */
  readonly name: string;
  /** Whether a higher or a lower value is better. @example "higher" */
  readonly direction: "higher" | "lower";
  /** The value a model must reach, for the manifest and the docs. @example 0.7 */
  readonly threshold?: number;
}

/**
 * Run when assets are updated: a list means all of them (Airflow's list schedule);
 * `{ all: [...] }` and `{ any: [...] }` nest.
 */
export type AssetSchedule = ReadonlyArray<Asset | AssetAlias> | AssetExpression;
/** A condition on assets: every one updated (`all`, Airflow's `&`) or any one (`any`, Airflow's `|`); they nest. */
export type AssetExpression =
  | {
      /** Run when every one of these is updated (Airflow's `a & b`). @example [orders, customers] */
      all: ReadonlyArray<Asset | AssetAlias | AssetExpression>;
    }
  | {
      /** Run when any one of these is updated (Airflow's `a | b`). @example [eu, { all: [us, ca] }] */
      any: ReadonlyArray<Asset | AssetAlias | AssetExpression>;
    };

/**
 * When a task runs, given the states of its upstream tasks (Airflow's trigger rules).
 * `all_done_min_one_success` needs Airflow 3.1 or newer.
 */
export type TriggerRule =
  | "all_success"
  | "all_failed"
  | "all_done"
  | "all_done_min_one_success"
  | "all_skipped"
  | "one_success"
  | "one_failed"
  | "one_done"
  | "none_failed"
  | "none_failed_min_one_success"
  | "none_skipped"
  | "always";

/** A value that survives JSON: what Python task keyword arguments may hold. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A Python function as "package.module:function", imported only when it is called. @example "ml.alerts:notify" */
export type CallablePath = `${string}:${string}`;

/**
 * How Airflow adds up a task's priority weight against other waiting tasks (Airflow's
 * `weight_rule`): `"downstream"` (Airflow's default) adds the weights of every task after it,
 * `"upstream"` those of every task before it, `"absolute"` takes the task's own `priorityWeight`.
 */
export type WeightRule = "downstream" | "upstream" | "absolute";

/** A node taint a pod tolerates (a `k8s.V1Toleration`). */
export interface Toleration {
  /** The taint's key (`V1Toleration.key`); with `Exists` and no key, every taint. @example "nvidia.com/gpu" */
  key?: string;
  /** `Equal` matches the taint's value, `Exists` any value (`V1Toleration.operator`). @default "Equal" @example "Exists" */
  operator?: "Exists" | "Equal";
  /** The taint's value, with `Equal` (`V1Toleration.value`). @example "true" */
  value?: string;
  /** The taint effect tolerated; every effect when unset (`V1Toleration.effect`). @example "NoSchedule" */
  effect?: "NoSchedule" | "PreferNoSchedule" | "NoExecute";
}

/**
 * What the Kubernetes executor changes in a task's pod (Airflow's
 * `executor_config={"pod_override": k8s.V1Pod(...)}`, built with the kubernetes client's models).
 */
export interface PodOverride {
  /** The task's own container (the one the Kubernetes executor names "base"). @example { image: "registry.acme.io/etl:2.4", env: { LOG_LEVEL: "debug" } } */
  container?: {
    /** Another image for the task's container (`V1Container.image`). @example "registry.acme.io/etl:2.4" */
    image?: string;
    /** Environment variables of the container (`V1Container.env`). @example { LOG_LEVEL: "debug" } */
    env?: Record<string, string>;
    /** Requests and limits as Kubernetes quantities (`V1Container.resources`). @example { requests: { cpu: "1", memory: "2Gi" }, limits: { memory: "4Gi" } } */
    resources?: {
      /** What the scheduler reserves for the container (`V1ResourceRequirements.requests`). @example { cpu: "500m", memory: "1Gi" } */
      requests?: {
        /** CPU cores, whole or in millicores (`requests["cpu"]`). @example "500m" */
        cpu?: Quantity;
        /** Memory, in bytes or with a unit (`requests["memory"]`). @example "1Gi" */
        memory?: Quantity;
      };
      /** The most the container may use (`V1ResourceRequirements.limits`). @example { memory: "4Gi" } */
      limits?: {
        /** CPU cores the container is throttled at (`limits["cpu"]`). @example "2" */
        cpu?: Quantity;
        /** Memory the container is killed above (`limits["memory"]`). @example "4Gi" */
        memory?: Quantity;
      };
    };
  };
  /** Labels of the pod (`V1ObjectMeta.labels`). @example { team: "ml" } */
  labels?: Record<string, string>;
  /** Annotations of the pod (`V1ObjectMeta.annotations`). @example { "cluster-autoscaler.kubernetes.io/safe-to-evict": "false" } */
  annotations?: Record<string, string>;
  /** The nodes the pod may run on (`V1PodSpec.node_selector`). @example { "node-pool": "highmem" } */
  nodeSelector?: Record<string, string>;
  /** Taints the pod tolerates (`V1PodSpec.tolerations`). @example [{ key: "dedicated", operator: "Equal", value: "ml", effect: "NoSchedule" }] */
  tolerations?: Toleration[];
  /** The service account the pod runs as (`V1PodSpec.service_account_name`). @example "etl-runner" */
  serviceAccount?: string;
}

/**
 * A task's executor configuration (Airflow's `executor_config`): `{ podOverride }` for the
 * Kubernetes executor, or plain JSON that another executor reads (for example the ECS
 * executor's `{ overrides: ... }`). A `pod_override` written as JSON is refused (DW180).
 */
export type ExecutorConfig =
  | {
      /** What the Kubernetes executor changes in the task's pod (`executor_config={"pod_override": k8s.V1Pod(...)}`). @example { container: { resources: { limits: { memory: "8Gi" } } } } */
      podOverride: PodOverride;
    }
  | { [key: string]: JsonValue };

/** Options shared by a DAG's `defaults` and every task; each becomes the Airflow operator argument it names. */
export interface CommonTaskOptions {
  /** Who owns the task, shown in Airflow's UI (Airflow's `owner`). Defaults to the DAG's `owner`. @example "ml-platform" */
  owner?: string;
  /** How many times Airflow retries the task after a failure (Airflow's `retries`). A whole number, 0 or more. @example 2 */
  retries?: number;
  /** How long to wait before a retry (Airflow's `retry_delay`, a `timedelta`). @example "5m" */
  retryDelay?: Duration;
  /** Double the wait after each failed try, up to `maxRetryDelay` (Airflow's `retry_exponential_backoff`). @example true */
  retryExponentialBackoff?: boolean;
  /** The longest wait between retries when backing off exponentially (Airflow's `max_retry_delay`). @example "1h" */
  maxRetryDelay?: Duration;
  /** Fail the task when one try runs longer than this (Airflow's `execution_timeout`). @example "2h" */
  executionTimeout?: Duration;
  /** The Airflow pool whose slots the task takes (Airflow's `pool`). @example "warehouse" */
  pool?: string;
  /** How many slots of the pool the task takes; a whole number, 1 or more (Airflow's `pool_slots`). @example 2 */
  poolSlots?: number;
  /** The executor queue (for example a Celery queue) that runs the task (Airflow's `queue`). @example "gpu" */
  queue?: string;
  /** Priority against other tasks waiting for a slot; higher runs first. A whole number (Airflow's `priority_weight`). @example 10 */
  priorityWeight?: number;
  /** How the priority weight adds up over the DAG (Airflow's `weight_rule`). @default "downstream" @example "absolute" */
  weightRule?: WeightRule;
  /**
   * What the executor needs to run the task: a Kubernetes pod override, or JSON (Airflow's `executor_config`).
   * @example { podOverride: { container: { resources: { requests: { memory: "4Gi" } } } } }
   */
  executorConfig?: ExecutorConfig;
  /** Run only when this task succeeded in the previous DAG run (Airflow's `depends_on_past`). @example true */
  dependsOnPast?: boolean;
  /** Addresses Airflow emails about this task (Airflow's `email`). @example ["oncall@acme.io"] */
  email?: string | string[];
  /** Email `email` when the task fails (Airflow's `email_on_failure`). Defaults to true when `email` is set. @example false */
  emailOnFailure?: boolean;
  /** Email `email` when the task is retried (Airflow's `email_on_retry`). @example true */
  emailOnRetry?: boolean;
  /** Called with the task's context when it fails (Airflow's `on_failure_callback`, imported only when called). @example "ml.alerts:task_failed" */
  onFailure?: CallablePath;
  /** Called with the task's context when it succeeds (Airflow's `on_success_callback`). @example "ml.alerts:task_done" */
  onSuccess?: CallablePath;
  /** Called with the task's context when it is retried (Airflow's `on_retry_callback`). @example "ml.alerts:task_retried" */
  onRetry?: CallablePath;
  /** Called with the task's context right before it runs (Airflow's `on_execute_callback`). @example "ml.audit:task_started" */
  onExecute?: CallablePath;
  /**
   * Called with the task's context right before `execute`; raising stops the task (Airflow's
   * `pre_execute`, imported only when called). @example "ml.checks:inputs_ready"
   */
  preExecute?: CallablePath;
  /**
   * Called with the task's context and its result right after `execute`; raising fails the
   * task (Airflow's `post_execute`, imported only when called). @example "ml.checks:rows_written"
   */
  postExecute?: CallablePath;
  /**
   * Push the task's return value as its XCom (Airflow's `do_xcom_push`). Set false for a task
   * whose result nothing reads (a later task taking its `.output` then is an error).
   * @default true @example false
   */
  doXcomPush?: boolean;
  /**
   * Airflow 2's SLA: the task should be done this long after the run's start (Airflow's `sla`).
   * Airflow 3 removed SLAs: on a 3.x target it is an error (DW124); use the DAG's `deadline`
   * (Airflow 3.1+) instead. @example "3h"
   */
  sla?: Duration;
}

/** Options every task accepts. */
export interface TaskOptions extends CommonTaskOptions {
  /** Assets (Airflow's `inlets`) and models the task reads; lineage and the manifest record them. @example [asset("s3://lake/raw/events")] */
  inputs?: ReadonlyArray<Asset | Model>;
  /**
   * Assets (Airflow's `outlets`: DAGs scheduled on them run when the task succeeds), models and
   * metrics the task writes. @example [asset("s3://lake/features/churn"), model("churn")]
   */
  outputs?: ReadonlyArray<Asset | AssetAlias | Model | Metric>;
  /**
   * Silence diagnostics on this task alone, each code with the reason why: a team rule's code
   * (`"ACME001"`) or a built-in warning's (`"DW504"`). Errors dagwright finds cannot be silenced.
   * Every suppression is listed in the manifest with its reason, and one that silences nothing
   * is a warning (DW018). dagwright's own: nothing of it reaches Airflow.
   * @example { ACME002: "a one-off backfill, retried by hand" }
   */
  suppress?: Readonly<Record<string, string>>;
  /** The task's step in an ML pipeline, for lineage and docs; Airflow gets no argument for it. @example "train" */
  stage?: "ingest" | "validate" | "features" | "train" | "evaluate" | "predict" | "publish";
  /** When the task runs, given its upstream tasks' states (Airflow's `trigger_rule`). @default "all_success" @example "none_failed_min_one_success" */
  triggerRule?: TriggerRule;
  /** Markdown documentation shown on the task in Airflow's UI (Airflow's `doc_md`). @example "Trains the churn model on yesterday's features." */
  doc?: string;
  /** The name Airflow's UI shows instead of the id (Airflow's `task_display_name`). @example "Train the model" */
  displayName?: string;
  /** This task sets up a resource (a cluster, a table) that teardown tasks remove (Airflow's `task.as_setup()`). @example true */
  setup?: boolean;
  /**
   * This task tears down what `setups` created; it runs even when the work between fails
   * (Airflow's `task.as_teardown(setups=...)`). @example { setups: [createCluster] }
   */
  teardown?: {
    /** The setup tasks whose resources this task removes (`as_teardown(setups=...)`). @example [createCluster] */
    setups: readonly SetupHandle[];
    /** Fail the DAG run when this teardown fails (`as_teardown(on_failure_fail_dagrun=...)`). @default false @example true */
    onFailureFailDagrun?: boolean;
  };
}

/** A task that teardown options can name; any task handle. */
export interface SetupHandle {
  /** The task's (or group's) id, as Airflow sees it. @example "create_cluster" */
  readonly id: string;
}

/** Options of a shell command task (Airflow's `BashOperator`). */
export interface BashTaskOptions extends TaskOptions {
  /** The shell command (Airflow's `bash_command`). Airflow renders Jinja in it at run time, so `{{ ds }}` works. @example "python -m jobs.extract --ds {{ ds }}" */
  command: string;
  /** Environment variables of the command (Airflow's `env`), added to the worker's own unless `appendEnv` is false. @example { REGION: "eu" } */
  env?: Record<string, string>;
  /**
   * Whether `env` is added to the worker's environment (`true`) or replaces it (`false`)
   * (Airflow's `append_env`). @default true when `env` is set @example false
   */
  appendEnv?: boolean;
  /** The working directory of the command (Airflow's `cwd`); a temporary directory when unset. @example "/opt/jobs" */
  cwd?: string;
  /**
   * Dynamic task mapping (Airflow's `BashOperator.partial(...).expand(...)`): one task instance
   * per command (a list, or the list an upstream task returns, `extract.output`) or per
   * environment. @example { command: list.output }
   */
  expand?: {
    /** One instance per command (`expand(bash_command=...)`). @example ["echo eu", "echo us"] */
    command?: readonly string[] | TaskOutputRef;
    /** One instance per environment (`expand(env=...)`). @example [{ REGION: "eu" }, { REGION: "us" }] */
    env?: ReadonlyArray<Record<string, string>>;
  };
}

/**
 * The value an upstream task returns (its XCom): `extract.output`, or one key of the dict it
 * returned with `multipleOutputs`: `extract.output.key("rows")`.
 */
export interface TaskOutputRef<T = unknown> {
  /** The id of the task. */
  readonly output: string;
  /** The key of the XCom, when it is one key of a dict returned with `multipleOutputs`. */
  readonly xcomKey?: string;
  /** The type of the value, for the compiler only: `d.python<number>(...)` makes `.output` a TaskOutputRef<number>. */
  readonly __returns?: T;
}

/** The keys `output.key()` accepts: those of a typed dict, any string for an untyped task. */
export type OutputKey<T> = unknown extends T ? string : T extends readonly unknown[] ? never : T extends object ? keyof T & string : never;

/** A task's whole output, with a reference to each key of the dict it returns with `multipleOutputs`. */
export interface TaskOutput<T = unknown> extends TaskOutputRef<T> {
  /**
   * One key of the dict the task returns, pushed as its own XCom (Airflow's `task.output["rows"]`).
   * The task must set `multipleOutputs: true` (DW150 otherwise).
   */
  key<K extends OutputKey<T>>(key: K): TaskOutputRef<T extends object ? T[K & keyof T] : unknown>;
}

/** One argument of a mapped task group, as its tasks see it: each group instance has one value. */
export interface GroupArgumentRef<T = unknown> {
  /** The id of the mapped group. */
  readonly group: string;
  /** The argument's name. */
  readonly argument: string;
  /** The type of the value, for the compiler only. */
  readonly __value?: T;
}

/**
 * What a mapped argument takes one value from per task instance: a literal list, an upstream
 * output that is a list (a mapped task's output is the list of its instances' results), or
 * several such outputs one after the other (Airflow's `concat`, 2.10+).
 */
export type MappedValues<T = JsonValue> = readonly T[] | TaskOutputRef<readonly T[]> | ReadonlyArray<TaskOutputRef<readonly T[]>>;

/**
 * Keyword arguments of a Python task: values, the output of an upstream task of the same type,
 * or the argument of the mapped group the task is in.
 */
export type PythonKwargs<P> = { [K in keyof P]: P[K] | TaskOutputRef<P[K]> | GroupArgumentRef<P[K]> };

/** The names of Airflow's task context a Python callable may take (each line has its own; DW151 names those the target lacks). */
export type { AirflowContextKey } from "../ir/airflow-context.js";
import type { AirflowContextKey } from "../ir/airflow-context.js";

import type { PythonFunction } from "./bindings.js";
export type { PythonFunction } from "./bindings.js";

/** What every Python task has, mapped or not. */
export interface PythonCallOptions extends TaskOptions {
  /**
   * The function to call, as `"package.module:function"`. It is imported only when the task
   * runs, so a module missing on the scheduler never breaks DAG parsing. An `async def` is
   * awaited and a generator's yielded asset metadata is recorded, as Airflow does.
   * @example "ml.churn.train:main"
   */
  callable: `${string}:${string}` | PythonFunction;
  /** Positional arguments, before the keyword arguments (Airflow's `op_args`). @example ["{{ ds }}", 7] */
  args?: readonly JsonValue[];
  /**
   * The values of Airflow's task context the function takes by name (`def f(ti, params)`); no
   * argument of its own: Airflow passes what the function's signature names whatever is declared
   * here. Declaring them checks, at compile time, that the target has them and that no keyword
   * argument shadows them, and, when the task runs, that the function accepts them.
   * @example ["ti", "params"]
   */
  context?: readonly AirflowContextKey[];
  /** Push each key of the returned dict as its own XCom, for `task.output.key("k")` (Airflow's `multiple_outputs`). @default false @example true */
  multipleOutputs?: boolean;
  /** Values rendered with Jinja and passed as the context's `templates_dict` (Airflow's `templates_dict`). @example { day: "{{ ds }}" } */
  templatesDict?: Record<string, JsonValue>;
  /** File endings whose files Airflow reads and renders when a templated value names one (Airflow's `templates_exts`). @example [".sql"] */
  templatesExts?: readonly string[];
  /** Log the return value (Airflow's `show_return_value_in_logs`). @default true @example false */
  showReturnValueInLogs?: boolean;
}

/** A keyword argument's type: the function's, or any JSON value for an untyped task. */
export type ArgumentOf<P, K> = K extends keyof P ? P[K] : JsonValue;

/** For a typed task, each keyword argument it may map over, with what to do to map over it. */
type MappableArguments<P, E extends string> = string extends keyof P
  ? {}
  : { readonly [K in Exclude<keyof P & string, E>]?: `name "${K}" in d.python's third type argument to map over it` };

/**
 * Options of a Python task (Airflow's `PythonOperator`). `P` types the function's keyword
 * arguments; `E` names those it maps over (`expand`, `expandKwargs`), inferred for untyped tasks:
 * `d.python<R, { region: string; top: number }, "region">(...)`. A mapped task's `.output` is the
 * list of its instances' results.
 */
export interface PythonTaskOptions<P = Record<string, JsonValue>, E extends string = never, R = unknown> extends PythonCallOptions {
  /**
   * The function to call: a bound function of the project's Python from the generated bindings
   * (`py.churn.train.train_model`, see `dagwright bind`), which types `kwargs` and the task's
   * `.output`; or `"package.module:function"`, imported only when the task runs, so a module
   * missing on the scheduler never breaks DAG parsing. An `async def` is awaited and a
   * generator's yielded asset metadata is recorded, as Airflow does.
   * @example "ml.churn.train:main"
   */
  callable: `${string}:${string}` | PythonFunction<P, R>;
  /**
   * Keyword arguments passed to the function (Airflow's `op_kwargs`; every instance's, when
   * mapped). Airflow renders Jinja in string values. A value may be an upstream task's `.output`
   * (or `.output.key("k")`): it travels as an XCom, and with typed tasks (`d.python<number>(...)`
   * upstream, `d.python<R, { rows: number }>(...)` here) TypeScript checks that its type fits.
   * @example { day: "{{ ds }}", rows: count.output }
   */
  kwargs?: PythonKwargs<{ [K in keyof P as K extends NoInfer<E> ? never : K]: P[K] }> & Partial<PythonKwargs<Pick<P, NoInfer<E> & keyof P>>>;
  /**
   * Dynamic task mapping: one instance per value of each argument (the cross product when
   * several are, as Airflow's `expand`): a literal list, an upstream output that is a list, or
   * several such outputs one after the other. @example { region: regions.output }
   */
  expand?: { [K in E]: MappedValues<ArgumentOf<P, K>> } & MappableArguments<P, E>;
  /**
   * Dynamic task mapping over sets of keyword arguments (Airflow's `expand_kwargs`): a literal
   * list, or an upstream output that is a list of dicts. Not with `expand`.
   * @example [{ region: "eu", top: 10 }, { region: "us", top: 20 }]
   */
  expandKwargs?: ReadonlyArray<{ [K in E]: ArgumentOf<P, K> }> | TaskOutputRef<ReadonlyArray<{ [K in E]: ArgumentOf<P, K> }>>;
}

/** Options of a branch: a Python function that returns which of `targets` run next. */
export interface BranchTaskOptions extends TaskOptions {
  /**
   * Returns the id (or a list of ids) of the targets to follow; the others are skipped
   * (Airflow's `python_callable`, imported only when the task runs); or a bound function of the
   * generated bindings (`dagwright bind`). @example "ml.routing:pick_model"
   */
  callable: CallablePath | PythonFunction;
  /** Keyword arguments passed to the callable; Airflow renders Jinja in strings (Airflow's `op_kwargs`). @example { threshold: 0.7 } */
  kwargs?: Record<string, JsonValue>;
  /**
   * Every task or group the callable may choose; each must be a direct downstream of the
   * branch. dagwright checks them; Airflow gets the choice from the callable. @example [retrain, skip]
   */
  targets: ReadonlyArray<SetupHandle>;
}

/** Options of a short-circuit: a Python function whose falsy result skips everything downstream. */
export interface ShortCircuitTaskOptions extends TaskOptions {
  /** The function whose result decides (Airflow's `python_callable`, imported only when the task runs), or a bound function of the generated bindings. @example "ml.checks:has_new_data" */
  callable: CallablePath | PythonFunction;
  /** Keyword arguments passed to the function; Airflow renders Jinja in strings (Airflow's `op_kwargs`). @example { day: "{{ ds }}" } */
  kwargs?: Record<string, JsonValue>;
  /** Skip only direct downstream tasks and let the others' trigger rules decide (Airflow's `ignore_downstream_trigger_rules`). @default false @example true */
  ignoreDownstreamTriggerRules?: boolean;
}

/** How a sensor waits. */
export interface SensorOptions extends TaskOptions {
  /** `poke` holds a worker slot while waiting; `reschedule` frees it between checks (Airflow's `mode`). @default "poke" @example "reschedule" */
  mode?: "poke" | "reschedule";
  /** Wait in Airflow's triggerer instead of a worker (Airflow's `deferrable`, or the sensor's async class where it has none). @example true */
  deferrable?: boolean;
  /** Time between checks (Airflow's `poke_interval`). @default "60s" @example "5m" */
  pokeInterval?: Duration;
  /** Fail (or skip, with softFail) after waiting this long (Airflow's `timeout`). @default "7d" @example "6h" */
  timeout?: Duration;
  /** Skip instead of failing on timeout (Airflow's `soft_fail`). @example true */
  softFail?: boolean;
}

/** Wait for a task, or a whole run, of another DAG for the same logical date (Airflow's `ExternalTaskSensor`). */
export interface ExternalTaskSensorOptions extends SensorOptions {
  /** The DAG to wait for: a DAG of this project, or `external("id")` for one defined elsewhere (Airflow's `external_dag_id`). @example external("billing_daily") */
  dag: Dag | ExternalDag;
  /** The task of that DAG to wait for; without it, the sensor waits for the whole run (Airflow's `external_task_id`). @example "publish" */
  task?: string;
  /** How much earlier the other DAG's run is than this one's (Airflow's `execution_delta`). @example "4h" */
  executionDelta?: Duration;
  /** Wait for every task of this group of that DAG instead of one task; not with `task` (Airflow's `external_task_group_id`). @example "load" */
  taskGroup?: string;
  /** The states of the other task (or run) that end the wait successfully (Airflow's `allowed_states`). @default ["success"] @example ["success", "skipped"] */
  allowedStates?: readonly TaskInstanceState[];
  /** The states that fail this sensor at once (Airflow's `failed_states`). @example ["failed", "upstream_failed"] */
  failedStates?: readonly TaskInstanceState[];
  /** The states that skip this sensor (Airflow's `skipped_states`). @example ["skipped"] */
  skippedStates?: readonly TaskInstanceState[];
}

/** The states of a task instance (or, without a task, of a DAG run) that ExternalTaskSensor compares. */
export type TaskInstanceState =
  | "success"
  | "failed"
  | "skipped"
  | "upstream_failed"
  | "running"
  | "queued"
  | "scheduled"
  | "up_for_retry"
  | "up_for_reschedule"
  | "removed"
  | "restarting"
  | "deferred";

/** Wait for a file or folder to exist (Airflow's `FileSensor`). */
export interface FileSensorOptions extends SensorOptions {
  /** The path to wait for, globs allowed; Airflow renders Jinja in it (Airflow's `filepath`). @example "/data/in/{{ ds }}/_SUCCESS" */
  filepath: string;
  /** The Airflow filesystem connection the path is relative to (Airflow's `fs_conn_id`). @default "fs_default" @example "landing_fs" */
  fsConnId?: string;
  /** Match a folder's files recursively (Airflow's `recursive`). @example true */
  recursive?: boolean;
}

/** Wait until this long after the end of the run's data interval (Airflow's `TimeDeltaSensor`). */
export interface TimeDeltaSensorOptions extends SensorOptions {
  /** How long after the data interval's end (Airflow's `delta`, a `timedelta`). @example "30m" */
  delta: Duration;
}

/** Wait until a moment (Airflow's `DateTimeSensor`). */
export interface DateTimeSensorOptions extends SensorOptions {
  /** The moment, Jinja allowed (Airflow's `target_time`). @example "{{ data_interval_end.add(hours=2) }}" */
  targetTime: string;
}

/** A time of day, 24-hour, in UTC. @example "09:30" */
export type TimeOfDay = `${number}:${number}` | `${number}:${number}:${number}`;

/** A day of the week, as Airflow's `WeekDay` names it. */
export type Weekday = "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday";

/** Wait until a time of day of the run's day (Airflow's `TimeSensor`; `TimeSensorAsync` when deferrable on Airflow 2). */
export interface TimeSensorOptions extends SensorOptions {
  /** The time of day, "HH:MM" or "HH:MM:SS" in UTC (Airflow's `target_time`, a `datetime.time`). @example "06:00" */
  targetTime: TimeOfDay;
}

/** Wait until today is one of some days of the week (Airflow's `DayOfWeekSensor`). */
export interface DayOfWeekSensorOptions extends SensorOptions {
  /** The day, or days, to wait for (Airflow's `week_day`). @example ["Saturday", "Sunday"] */
  weekDay: Weekday | readonly Weekday[];
  /** Compare the run's logical date instead of today's (Airflow's `use_task_logical_date`). @default false @example true */
  useTaskLogicalDate?: boolean;
}

/** Wait until a Python function returns something truthy (Airflow's `PythonSensor`). */
export interface PythonSensorOptions extends SensorOptions {
  /** The function to poke, as `"package.module:function"` or a bound function of the generated bindings, imported only when the task runs (Airflow's `python_callable`). @example "ingest.checks:partition_ready" */
  callable: CallablePath | PythonFunction;
  /** Keyword arguments passed to the function; Airflow renders Jinja in strings (Airflow's `op_kwargs`). @example { table: "events", day: "{{ ds }}" } */
  kwargs?: Record<string, JsonValue>;
  /** Values rendered with Jinja and passed as the context's `templates_dict` (Airflow's `templates_dict`). @example { day: "{{ ds }}" } */
  templatesDict?: Record<string, JsonValue>;
}

/** Wait until a shell command exits 0 (Airflow's `BashSensor`). */
export interface BashSensorOptions extends SensorOptions {
  /** The shell command, Jinja allowed; exit 0 ends the wait (Airflow's `bash_command`). @example "test -f /data/in/{{ ds }}.csv" */
  command: string;
  /** The command's environment, instead of the worker's (Airflow's `env`). @example { PATH: "/usr/bin:/bin" } */
  env?: Record<string, string>;
  /** How the command's output is decoded (Airflow's `output_encoding`). @default "utf-8" @example "latin-1" */
  outputEncoding?: string;
  /** An exit code that means "check again"; any other non-zero code fails the task (Airflow's `retry_exit_code`). @example 99 */
  retryExitCode?: number;
}

/** Skip everything downstream unless the run is the DAG's latest (Airflow's `LatestOnlyOperator`). */
export type LatestOnlyOptions = TaskOptions;

/** Clear a task of another DAG when this one is cleared with "downstream" and "recursive" (Airflow's `ExternalTaskMarker`). */
export interface ExternalTaskMarkerOptions extends TaskOptions {
  /** The DAG whose task is cleared: a DAG of this project, or `external("id")` (Airflow's `external_dag_id`). @example reporting */
  dag: Dag | ExternalDag;
  /** The task of that DAG to clear (Airflow's `external_task_id`). @example "wait_for_load" */
  task: string;
  /**
   * The logical date of the run to clear, Jinja allowed (Airflow 2's `execution_date`, Airflow 3's
   * `logical_date`). @default "{{ logical_date.isoformat() }}" @example "{{ data_interval_end.isoformat() }}"
   */
  logicalDate?: string;
  /** How many markers deep clearing follows (Airflow's `recursion_depth`). @default 10 @example 3 */
  recursionDepth?: number;
}

/** A bound of BranchDateTimeOperator: a time of day ("HH:MM[:SS]", UTC) or a UTC date and time. */
export type DateTimeBound = TimeOfDay | DateText;

/** Follow some tasks when now (or the logical date) is between two bounds, others when not (Airflow's `BranchDateTimeOperator`). */
export interface BranchDateTimeOptions extends TaskOptions {
  /** The lower bound (Airflow's `target_lower`); at least one of the bounds. @example "09:00" */
  targetLower?: DateTimeBound;
  /** The upper bound (Airflow's `target_upper`). @example "17:00" */
  targetUpper?: DateTimeBound;
  /** The tasks or groups followed inside the bounds; each must be directly downstream (Airflow's `follow_task_ids_if_true`). @example [businessHours] */
  followTaskIdsIfTrue: ReadonlyArray<SetupHandle>;
  /** The tasks or groups followed outside them (Airflow's `follow_task_ids_if_false`). @example [afterHours] */
  followTaskIdsIfFalse: ReadonlyArray<SetupHandle>;
  /** Compare the run's logical date instead of now (Airflow's `use_task_logical_date`). @default false @example true */
  useTaskLogicalDate?: boolean;
}

/** Follow some tasks on some days of the week, others on the rest (Airflow's `BranchDayOfWeekOperator`). */
export interface BranchDayOfWeekOptions extends TaskOptions {
  /** The day, or days, that follow the true side (Airflow's `week_day`). @example ["Saturday", "Sunday"] */
  weekDay: Weekday | readonly Weekday[];
  /** The tasks or groups followed on those days; each must be directly downstream (Airflow's `follow_task_ids_if_true`). @example [weekendReport] */
  followTaskIdsIfTrue: ReadonlyArray<SetupHandle>;
  /** The tasks or groups followed on the other days (Airflow's `follow_task_ids_if_false`). @example [dailyReport] */
  followTaskIdsIfFalse: ReadonlyArray<SetupHandle>;
  /** Use the run's logical date instead of today (Airflow's `use_task_logical_date`). @default false @example true */
  useTaskLogicalDate?: boolean;
}

/** Send an email through SMTP (Airflow's `EmailOperator`: core on Airflow 2, the SMTP provider's on Airflow 3). */
export interface EmailOptions extends TaskOptions {
  /** The recipients, Jinja allowed (Airflow's `to`). @example ["ml-team@acme.io"] */
  to: string | readonly string[];
  /** The subject, Jinja allowed (Airflow's `subject`). @example "Churn model for {{ ds }} is ready" */
  subject: string;
  /** The HTML body, Jinja allowed (Airflow's `html_content`). @example "<p>AUC: {{ ti.xcom_pull('evaluate') }}</p>" */
  htmlContent: string;
  /** Paths of files to attach (Airflow's `files`). @example ["/tmp/report.pdf"] */
  files?: readonly string[];
  /** Copy recipients (Airflow's `cc`). @example "analytics@acme.io" */
  cc?: string | readonly string[];
  /** Blind copy recipients (Airflow's `bcc`). @example ["audit@acme.io"] */
  bcc?: string | readonly string[];
  /** The MIME subtype of the message (Airflow's `mime_subtype`). @default "mixed" @example "alternative" */
  mimeSubtype?: string;
  /** The character set of the message (Airflow's `mime_charset`). @default "utf-8" @example "iso-8859-1" */
  mimeCharset?: string;
  /** The SMTP connection (Airflow's `conn_id`). @default "smtp_default" on Airflow 3; the [smtp] configuration on Airflow 2 @example "smtp_alerts" */
  connId?: string;
}

/**
 * What a function run by another interpreter takes. Airflow sends that interpreter the source of
 * the function it is given; dagwright gives it a small generated function that imports
 * `callable` there and calls it with `kwargs`, so your package must be importable inside it
 * (in `requirements`, in the system site packages, or on PYTHONPATH).
 */
export interface OtherInterpreterOptions extends TaskOptions {
  /** The function, as `"package.module:function"`, imported inside the other interpreter (Airflow's `python_callable`). @example "ml.score:run" */
  callable: CallablePath;
  /** Keyword arguments, pickled to the other interpreter; each name a Python identifier (Airflow's `op_kwargs`). @example { model: "churn", day: "{{ ds }}" } */
  kwargs?: Record<string, JsonValue>;
  /** Whether the other interpreter has Airflow installed, so Airflow's macros and context work there (Airflow's `expect_airflow`). @default true @example false */
  expectAirflow?: boolean;
  /** Exit codes that skip the task instead of failing it (Airflow's `skip_on_exit_code`). @example [99] */
  skipOnExitCode?: readonly number[];
}

/** Run a function in a virtual environment Airflow builds for the task (Airflow's `PythonVirtualenvOperator`). */
export interface PythonVirtualenvOptions extends OtherInterpreterOptions {
  /** The packages pip installs into the environment (Airflow's `requirements`). @example ["pandas==2.2.3"] */
  requirements?: readonly string[];
  /** The Python version of the environment (Airflow's `python_version`); the worker's when unset. @example "3.11" */
  pythonVersion?: string;
  /** Let the environment see the worker's site packages (Airflow's `system_site_packages`). @default true @example false */
  systemSitePackages?: boolean;
  /** Extra pip install options (Airflow's `pip_install_options`). @example ["--no-cache-dir"] */
  pipInstallOptions?: readonly string[];
  /** Package index URLs; the first is the index, the others extra ones (Airflow's `index_urls`). @example ["https://pypi.acme.io/simple"] */
  indexUrls?: readonly string[];
  /** A folder on the worker where the environment is cached between runs (Airflow's `venv_cache_path`). @example "/var/cache/venvs" */
  venvCacheDir?: string;
}

/** A branch whose function runs in a virtual environment (Airflow's `BranchPythonVirtualenvOperator`). */
export interface BranchPythonVirtualenvOptions extends PythonVirtualenvOptions {
  /** Every task or group the function may choose; each must be a direct downstream of the branch. dagwright checks them; Airflow gets the choice from the function. @example [retrain, skip] */
  targets: ReadonlyArray<SetupHandle>;
}

/** Run a function with an existing Python interpreter, such as a prepared virtual environment (Airflow's `ExternalPythonOperator`). */
export interface ExternalPythonOptions extends OtherInterpreterOptions {
  /** The interpreter's path, Jinja allowed (Airflow's `python`). @example "/opt/venvs/ml/bin/python" */
  python: string;
}

/** A branch whose function runs with an existing interpreter (Airflow's `BranchExternalPythonOperator`). */
export interface BranchExternalPythonOptions extends ExternalPythonOptions {
  /** Every task or group the function may choose; each must be a direct downstream of the branch. dagwright checks them; Airflow gets the choice from the function. @example [retrain, skip] */
  targets: ReadonlyArray<SetupHandle>;
}

/** What every human-in-the-loop task has (Airflow 3.1+; refused on older targets, DW140). Notifiers and assigned users are not offered yet. */
export interface HumanTaskOptions extends TaskOptions {
  /** The question's title in the UI, Jinja allowed (Airflow's `subject`). @example "Ship the churn model of {{ ds }}?" */
  subject: string;
  /** The question's text, Markdown and Jinja allowed (Airflow's `body`). @example "AUC went from 0.71 to **0.74**." */
  body?: string;
  /** Form fields the person fills in, by name, with their default values (Airflow's `params`). @example { comment: "" } */
  params?: Record<string, JsonValue>;
  /** How long to wait for an answer before the defaults are taken (or the task fails without them) (Airflow's `response_timeout`). @example "1d" */
  responseTimeout?: Duration;
}

/** Ask a person to choose among options (Airflow's `HITLOperator`); the choice is the task's output. */
export interface HitlOptions extends HumanTaskOptions {
  /** The choices (Airflow's `options`). @example ["Ship", "Hold"] */
  options: readonly string[];
  /** The choice (or choices, with multiple) taken when nobody answers in time (Airflow's `defaults`). @example "Hold" */
  defaults?: string | readonly string[];
  /** Allow several choices (Airflow's `multiple`). @default false @example true */
  multiple?: boolean;
}

/** Ask a person to approve or reject; rejecting skips what follows (Airflow's `ApprovalOperator`). */
export interface ApprovalOptions extends HumanTaskOptions {
  /** The answer taken when nobody answers in time (Airflow's `defaults`). @example "Reject" */
  defaults?: "Approve" | "Reject";
  /** On reject, skip every downstream task, not only the direct ones (Airflow's `ignore_downstream_trigger_rules`). @default false @example true */
  ignoreDownstreamTriggerRules?: boolean;
  /** Fail the task on reject instead of skipping downstream (Airflow's `fail_on_reject`). @default false @example true */
  failOnReject?: boolean;
}

/** Ask a person which path to follow (Airflow's `HITLBranchOperator`). */
export interface HitlBranchOptions extends HumanTaskOptions {
  /**
   * Each choice's label and the task or group it follows (Airflow's `options` and
   * `options_mapping`); each must be directly downstream. @example { "Ship it": ship, "Hold": hold }
   */
  options: Readonly<Record<string, SetupHandle>>;
  /** The choice (or choices) taken when nobody answers in time, by label (Airflow's `defaults`). @example "Hold" */
  defaults?: string | readonly string[];
  /** Allow following several choices (Airflow's `multiple`). @default false @example true */
  multiple?: boolean;
}

/** Ask a person to fill in a form, `params` (Airflow's `HITLEntryOperator`). */
export interface HitlEntryOptions extends HumanTaskOptions {
  /** The buttons that submit the form (Airflow's `options`). @default ["OK"] @example ["Submit", "Skip"] */
  options?: readonly string[];
  /** The button taken when nobody answers in time (Airflow's `defaults`). @example "Skip" */
  defaults?: string | readonly string[];
  /** Allow several buttons (Airflow's `multiple`). @default false @example true */
  multiple?: boolean;
}

/** Start a run of another DAG (Airflow's `TriggerDagRunOperator`). */
export interface TriggerDagOptions extends TaskOptions {
  /** The DAG to start: a DAG of this project, or `external("id")` for one defined elsewhere (Airflow's `trigger_dag_id`). @example scoring */
  dag: Dag | ExternalDag;
  /** The run's configuration, `dag_run.conf` there (Airflow's `conf`). @example { model: "churn", day: "{{ ds }}" } */
  conf?: Record<string, JsonValue>;
  /** Wait until the triggered run finishes (Airflow's `wait_for_completion`). @example true */
  waitForCompletion?: boolean;
  /** With waitForCompletion, how often to check (Airflow's `poke_interval`, in seconds). @example "60s" */
  pokeInterval?: Duration;
}

/** Any other operator, by import path, with JSON arguments. */
export interface OperatorOptions extends TaskOptions {
  /**
   * The operator class, from any importable module: "package.module:ClassName" or
   * "package.module.ClassName"; the generated file writes `from package.module import ClassName`.
   * @example "airflow.providers.http.operators.http.HttpOperator"
   * @example "team_ops.operators:PublishOperator"
   */
  import: string;
  /**
   * The operator's keyword arguments, by their Python names: JSON, and `py.timedelta(...)`,
   * `py.date(...)`, `py.time(...)`, `py.datetime(...)` and `py.callable(...)` for Python values
   * JSON cannot hold, anywhere inside lists and dicts. A dict key "$py" is reserved for them.
   * @example { endpoint: "/health", method: "GET", timeout: py.timedelta("30s") }
   */
  args?: Readonly<Record<string, import("./py.js").OperatorArg>>;
}

/** A DAG definition: export it from a module in the source folder and `dagwright compile` emits it. */
export interface Dag {
  /** The DAG's id, unique across the project (Airflow's `dag_id`). @example "churn_training" */
  readonly id: string;
}

/** A DAG outside this project, named by id: `external("billing_daily")`. */
export interface ExternalDag {
  /** Marks a DAG dagwright does not compile, so its existence is not checked. */
  readonly external: true;
  /** The DAG's id in Airflow. @example "billing_daily" */
  readonly id: string;
}

/** A Kubernetes resource quantity. @example "500m", "2", "1Gi", "512Mi" */
export type Quantity = `${number}` | `${number}${"m" | "k" | "M" | "G" | "T" | "P" | "E" | "Ki" | "Mi" | "Gi" | "Ti" | "Pi" | "Ei"}`;

/**
 * A resource a container requests or is limited to: `cpu`, `memory`, `ephemeral-storage`,
 * `hugepages-<size>`, or an extended resource named `domain/name` (a device plugin's, such as
 * `nvidia.com/gpu`).
 */
export type ResourceName = "cpu" | "memory" | "ephemeral-storage" | `hugepages-${string}` | `${string}/${string}`;

/**
 * Quantities by resource name (the kubernetes client's `V1ResourceRequirements.requests` or `.limits`).
 * @example { cpu: "4", memory: "16Gi", "nvidia.com/gpu": "1" }
 */
export type ResourceList = {
  /** CPU, in cores or millicores. @example "500m" */
  cpu?: Quantity;
  /** Memory, in bytes with a binary or decimal suffix. @example "16Gi" */
  memory?: Quantity;
  /** Local scratch disk the container may write (its logs and emptyDir volumes count too). @example "10Gi" */
  "ephemeral-storage"?: Quantity;
} & { [name: `hugepages-${string}`]: Quantity } & { [name: `${string}/${string}`]: Quantity };

/**
 * What a container requests and what it may use at most (Airflow's `container_resources`, a
 * `k8s.V1ResourceRequirements`). An extended resource such as a GPU is counted in whole units,
 * and its request, when written, equals its limit (DW132).
 * @example { requests: { cpu: "4", memory: "16Gi" }, limits: { memory: "16Gi", "nvidia.com/gpu": "1" } }
 */
export interface PodResources {
  /** What the scheduler reserves for the container on its node (`requests=`). @example { cpu: "500m", memory: "512Mi" } */
  requests?: ResourceList;
  /** The most the container may use (`limits=`); a GPU is asked for here. @example { memory: "1Gi", "nvidia.com/gpu": "1" } */
  limits?: ResourceList;
}

/** A key of a config map or secret written as a file at `path` in the volume (`k8s.V1KeyToPath`). @example { key: "config.yaml", path: "train.yaml" } */
export interface KeyToPath {
  /** The key in the config map or secret (`key=`). @example "config.yaml" */
  key: string;
  /** The file's path in the volume, relative (`path=`). @example "train.yaml" */
  path: string;
}

/**
 * A volume of the pod (an item of Airflow's `volumes`, a `k8s.V1Volume`), named so that
 * `volumeMounts` can mount it, from exactly one source.
 * @example { name: "data", persistentVolumeClaim: { claimName: "training-data" } }
 */
export type PodVolume =
  | {
      /** The volume's name, a DNS label that mounts refer to (`name=`). @example "data" */
      name: string;
      /** A persistent volume claim (`persistent_volume_claim=k8s.V1PersistentVolumeClaimVolumeSource(...)`). @example { claimName: "training-data", readOnly: true } */
      persistentVolumeClaim: {
        /** The claim's name in the pod's namespace (`claim_name=`). @example "training-data" */
        claimName: string;
        /** Mount the claim read-only (`read_only=`). @default false */
        readOnly?: boolean;
      };
    }
  | {
      /** The volume's name, a DNS label that mounts refer to (`name=`). @example "config" */
      name: string;
      /** A config map's keys as files (`config_map=k8s.V1ConfigMapVolumeSource(...)`). @example { name: "train-config" } */
      configMap: {
        /** The config map's name (`name=`). @example "train-config" */
        name: string;
        /** Only these keys, each at its path; every key by its own name otherwise (`items=`). @example [{ key: "config.yaml", path: "train.yaml" }] */
        items?: KeyToPath[];
        /** Start the pod even when the config map or a key is missing (`optional=`). @default false */
        optional?: boolean;
      };
    }
  | {
      /** The volume's name, a DNS label that mounts refer to (`name=`). @example "credentials" */
      name: string;
      /** A secret's keys as files (`secret=k8s.V1SecretVolumeSource(...)`). @example { secretName: "gcs-credentials" } */
      secret: {
        /** The secret's name (`secret_name=`). @example "gcs-credentials" */
        secretName: string;
        /** Only these keys, each at its path; every key by its own name otherwise (`items=`). @example [{ key: "key.json", path: "gcs.json" }] */
        items?: KeyToPath[];
        /** Start the pod even when the secret or a key is missing (`optional=`). @default false */
        optional?: boolean;
      };
    }
  | {
      /** The volume's name, a DNS label that mounts refer to (`name=`). @example "scratch" */
      name: string;
      /** An empty directory that lives as long as the pod (`empty_dir=k8s.V1EmptyDirVolumeSource(...)`). @example { medium: "Memory", sizeLimit: "8Gi" } */
      emptyDir: {
        /** `"Memory"` for a tmpfs in the node's memory (for example /dev/shm of a PyTorch data loader); the node's disk otherwise (`medium=`). */
        medium?: "Memory";
        /** The most the directory may hold, a Kubernetes quantity (`size_limit=`). @example "8Gi" */
        sizeLimit?: Quantity;
      };
    };

/** Where a container sees one of the pod's volumes (a `k8s.V1VolumeMount`). @example { name: "data", mountPath: "/data", readOnly: true } */
export interface VolumeMount {
  /** The name of a volume in `volumes` (`name=`); any other name is an error (DW133). @example "data" */
  name: string;
  /** The absolute path in the container (`mount_path=`). @example "/data" */
  mountPath: string;
  /** A relative path inside the volume to mount instead of its root (`sub_path=`). @example "churn/2026" */
  subPath?: string;
  /** Mount it read-only (`read_only=`). @default false */
  readOnly?: boolean;
}

/**
 * Every key of a secret or a config map as environment variables (an item of Airflow's
 * `env_from`, a `k8s.V1EnvFromSource`).
 * @example { secret: "wandb", prefix: "WANDB_" }
 */
export type EnvFrom =
  | {
      /** The secret's name (`secret_ref=k8s.V1SecretEnvSource(name=...)`). @example "wandb" */
      secret: string;
      /** Put before every variable's name (`prefix=`). @example "WANDB_" */
      prefix?: string;
      /** Start the pod even when the secret is missing (`optional=`). @default false */
      optional?: boolean;
    }
  | {
      /** The config map's name (`config_map_ref=k8s.V1ConfigMapEnvSource(name=...)`). @example "training-env" */
      configMap: string;
      /** Put before every variable's name (`prefix=`). @example "TRAIN_" */
      prefix?: string;
      /** Start the pod even when the config map is missing (`optional=`). @default false */
      optional?: boolean;
    };

/**
 * A test of a node's label (`matchExpressions`) or field (`matchFields`), a
 * `k8s.V1NodeSelectorRequirement`: `In`/`NotIn` take values, `Exists`/`DoesNotExist` none,
 * `Gt`/`Lt` one whole number.
 * @example { key: "nvidia.com/gpu.product", operator: "In", values: ["NVIDIA-A100-SXM4-80GB"] }
 */
export interface NodeSelectorRequirement {
  /** The label or field (`key=`). @example "topology.kubernetes.io/zone" */
  key: string;
  /** How the value is compared (`operator=`). @example "In" */
  operator: "In" | "NotIn" | "Exists" | "DoesNotExist" | "Gt" | "Lt";
  /** The values compared with (`values=`). @example ["eu-west-1a"] */
  values?: string[];
}

/** Nodes whose labels and fields pass every test (a `k8s.V1NodeSelectorTerm`). @example { matchExpressions: [{ key: "gpu", operator: "Exists" }] } */
export interface NodeSelectorTerm {
  /** Tests of the node's labels (`match_expressions=`). @example [{ key: "gpu", operator: "Exists" }] */
  matchExpressions?: NodeSelectorRequirement[];
  /** Tests of the node's fields, such as metadata.name (`match_fields=`). @example [{ key: "metadata.name", operator: "In", values: ["gpu-node-1"] }] */
  matchFields?: NodeSelectorRequirement[];
}

/** A test of a pod's label (a `k8s.V1LabelSelectorRequirement`). @example { key: "app", operator: "In", values: ["trainer"] } */
export interface LabelSelectorRequirement {
  /** The label (`key=`). @example "app" */
  key: string;
  /** How the value is compared (`operator=`): `In`/`NotIn` take values, `Exists`/`DoesNotExist` none. @example "In" */
  operator: "In" | "NotIn" | "Exists" | "DoesNotExist";
  /** The values compared with (`values=`). @example ["trainer"] */
  values?: string[];
}

/**
 * The pods to run near (or away from), and what "near" means (a `k8s.V1PodAffinityTerm`).
 * @example { labelSelector: { matchLabels: { app: "trainer" } }, topologyKey: "kubernetes.io/hostname" }
 */
export interface PodAffinityTerm {
  /** Which pods (`label_selector=k8s.V1LabelSelector(...)`). @example { matchLabels: { app: "trainer" } } */
  labelSelector?: {
    /** Labels the pods have, each with this value (`match_labels=`). @example { app: "trainer" } */
    matchLabels?: Record<string, string>;
    /** Tests of the pods' labels (`match_expressions=`). @example [{ key: "app", operator: "Exists" }] */
    matchExpressions?: LabelSelectorRequirement[];
  };
  /** The node label whose equal values count as near: a node, a zone (`topology_key=`). @example "kubernetes.io/hostname" */
  topologyKey: string;
  /** The namespaces of those pods; the pod's own otherwise (`namespaces=`). @example ["ml"] */
  namespaces?: string[];
}

/** Pod affinity or anti-affinity rules (a `k8s.V1PodAffinity` or `k8s.V1PodAntiAffinity`). @example { required: [{ labelSelector: { matchLabels: { app: "trainer" } }, topologyKey: "kubernetes.io/hostname" }] } */
export interface PodAffinityRules {
  /** Terms every placement must meet (`required_during_scheduling_ignored_during_execution=`). @example [{ topologyKey: "kubernetes.io/hostname", labelSelector: { matchLabels: { app: "trainer" } } }] */
  required?: PodAffinityTerm[];
  /** Terms the scheduler prefers, by weight 1 to 100 (`preferred_during_scheduling_ignored_during_execution=[k8s.V1WeightedPodAffinityTerm(...)]`). @example [{ weight: 50, podAffinityTerm: { topologyKey: "topology.kubernetes.io/zone" } }] */
  preferred?: Array<{
    /** 1 to 100; higher counts more (`weight=`). @example 50 */
    weight: number;
    /** The term (`pod_affinity_term=`). @example { topologyKey: "topology.kubernetes.io/zone" } */
    podAffinityTerm: PodAffinityTerm;
  }>;
}

/**
 * Where the pod may or would rather be scheduled (Airflow's `affinity`, a `k8s.V1Affinity`).
 * @example { nodeAffinity: { required: [{ matchExpressions: [{ key: "nvidia.com/gpu.product", operator: "In", values: ["NVIDIA-A100-SXM4-80GB"] }] }] } }
 */
export interface Affinity {
  /** Nodes the pod must or would rather run on (`node_affinity=k8s.V1NodeAffinity(...)`). @example { required: [{ matchExpressions: [{ key: "gpu", operator: "Exists" }] }] } */
  nodeAffinity?: {
    /** Node terms of which one must match (`required_during_scheduling_ignored_during_execution=k8s.V1NodeSelector(...)`). @example [{ matchExpressions: [{ key: "gpu", operator: "Exists" }] }] */
    required?: NodeSelectorTerm[];
    /** Node terms the scheduler prefers, by weight 1 to 100 (`preferred_during_scheduling_ignored_during_execution=[k8s.V1PreferredSchedulingTerm(...)]`). @example [{ weight: 10, preference: { matchExpressions: [{ key: "spot", operator: "DoesNotExist" }] } }] */
    preferred?: Array<{
      /** 1 to 100; higher counts more (`weight=`). @example 10 */
      weight: number;
      /** The node term (`preference=`). @example { matchExpressions: [{ key: "spot", operator: "DoesNotExist" }] } */
      preference: NodeSelectorTerm;
    }>;
  };
  /** Pods to run near (`pod_affinity=k8s.V1PodAffinity(...)`). @example { preferred: [{ weight: 50, podAffinityTerm: { topologyKey: "kubernetes.io/hostname", labelSelector: { matchLabels: { app: "cache" } } } }] } */
  podAffinity?: PodAffinityRules;
  /** Pods to keep away from (`pod_anti_affinity=k8s.V1PodAntiAffinity(...)`). @example { required: [{ topologyKey: "kubernetes.io/hostname", labelSelector: { matchLabels: { app: "trainer" } } }] } */
  podAntiAffinity?: PodAffinityRules;
}

/**
 * A container that runs to completion before the task's own (an item of Airflow's
 * `init_containers`, a `k8s.V1Container`): to fetch data or a model into a shared volume.
 * @example { name: "fetch-data", image: "amazon/aws-cli:2.17.0", args: ["s3", "sync", "s3://lake/features", "/data"], volumeMounts: [{ name: "data", mountPath: "/data" }] }
 */
export interface InitContainer {
  /** The container's name, a DNS label unique in the pod, not "base" (`name=`). @example "fetch-data" */
  name: string;
  /** The image (`image=`). @example "amazon/aws-cli:2.17.0" */
  image: string;
  /** The entrypoint (`command=`). @example ["sh", "-c"] */
  cmds?: string[];
  /** Arguments of the entrypoint (`args=`). @example ["s3", "sync", "s3://lake/features", "/data"] */
  args?: string[];
  /** Environment variables (`env=[k8s.V1EnvVar(...)]`). @example { AWS_REGION: "eu-west-1" } */
  env?: Record<string, string>;
  /** Volumes of the pod it mounts (`volume_mounts=`). @example [{ name: "data", mountPath: "/data" }] */
  volumeMounts?: VolumeMount[];
  /** Its requests and limits (`resources=k8s.V1ResourceRequirements(...)`). @example { limits: { cpu: "1", memory: "1Gi" } } */
  resources?: PodResources;
}

/** Options of a Kubernetes pod task (Airflow's `KubernetesPodOperator`). */
export interface PodTaskOptions extends TaskOptions {
  /** The container's image (`image=`). @example "registry.example.com/churn/train:1.4.0" */
  image: string;
  /** The container's entrypoint (`cmds=`). @example ["python", "-m", "churn.train"] */
  cmds?: string[];
  /** Arguments of the entrypoint; Airflow renders Jinja in them (`arguments=`). @example ["--date", "{{ ds }}"] */
  args?: string[];
  /** Environment variables of the container (`env_vars=[k8s.V1EnvVar(...)]`). @example { MODEL: "churn" } */
  env?: Record<string, string>;
  /** Environment variables from Kubernetes secrets, by reference: never the value (`secrets=[Secret("env", ...)]`). @example [{ env: "PGPASSWORD", secret: "warehouse-db", key: "password" }] */
  secrets?: Array<{
    /** The environment variable's name in the container. @example "PGPASSWORD" */
    env: string;
    /** The Kubernetes secret's name. @example "warehouse-db" */
    secret: string;
    /** The key of the secret whose value the variable gets. @example "password" */
    key: string;
  }>;
  /** Environment variables from keys of Kubernetes config maps (`env_vars=[k8s.V1EnvVar(value_from=...)]`). @example [{ env: "MLFLOW_TRACKING_URI", configMap: "mlflow", key: "uri" }] */
  configMapKeys?: Array<{
    /** The environment variable's name in the container. @example "MLFLOW_TRACKING_URI" */
    env: string;
    /** The config map's name. @example "mlflow" */
    configMap: string;
    /** The key of the config map whose value the variable gets. @example "uri" */
    key: string;
  }>;
  /** Every key of secrets and config maps as environment variables (`env_from=[k8s.V1EnvFromSource(...)]`). @example [{ secret: "wandb", prefix: "WANDB_" }] */
  envFrom?: EnvFrom[];
  /** Requests and limits, GPUs and other extended resources among them (`container_resources=k8s.V1ResourceRequirements(...)`). @example { limits: { memory: "16Gi", "nvidia.com/gpu": "1" } } */
  resources?: PodResources;
  /** The pod's volumes (`volumes=[k8s.V1Volume(...)]`). @example [{ name: "data", persistentVolumeClaim: { claimName: "training-data" } }] */
  volumes?: PodVolume[];
  /** Where the container sees the volumes (`volume_mounts=[k8s.V1VolumeMount(...)]`). @example [{ name: "data", mountPath: "/data" }] */
  volumeMounts?: VolumeMount[];
  /** The namespace the pod runs in (`namespace=`). @default "default" @example "ml-training" */
  namespace?: string;
  /** Labels a node must have to run the pod (`node_selector=`). @example { "cloud.google.com/gke-accelerator": "nvidia-tesla-t4" } */
  nodeSelector?: Record<string, string>;
  /** Where the pod may or would rather run (`affinity=k8s.V1Affinity(...)`). @example { nodeAffinity: { required: [{ matchExpressions: [{ key: "gpu", operator: "Exists" }] }] } } */
  affinity?: Affinity;
  /** Taints of nodes the pod tolerates (`tolerations=`). @example [{ key: "nvidia.com/gpu", operator: "Exists", effect: "NoSchedule" }] */
  tolerations?: Toleration[];
  /** Containers that run to completion, in order, before the task's own (`init_containers=[k8s.V1Container(...)]`). @example [{ name: "fetch", image: "busybox:1.36", cmds: ["true"] }] */
  initContainers?: InitContainer[];
  /** Secrets to pull private images with (`image_pull_secrets=[k8s.V1LocalObjectReference(...)]`). @example ["registry-credentials"] */
  imagePullSecrets?: string[];
  /** The service account the pod runs as (`service_account_name=`). @example "trainer" */
  serviceAccount?: string;
  /** The Airflow connection to the cluster (`kubernetes_conn_id=`). @default "kubernetes_default" @example "kubernetes_gpu" */
  connId?: string;
}

/** The direction of a DAG's graph view: left to right, top to bottom, right to left, bottom to top. */
export type Orientation = "LR" | "TB" | "RL" | "BT";

/**
 * Where a deadline counts from (Airflow's `DeadlineReference`): when the run was queued
 * (`DAGRUN_QUEUED_AT`), its logical date (`DAGRUN_LOGICAL_DATE`), or a fixed moment (`FIXED_DATETIME`).
 */
export type DeadlineReference =
  | "dagrunQueuedAt"
  | "dagrunLogicalDate"
  | {
      /** The fixed moment, in UTC (`DeadlineReference.FIXED_DATETIME(datetime(...))`). @example "2026-06-30T18:00Z" */
      fixed: DateText;
    };

/**
 * A deadline of each DAG run (Airflow 3.1+'s `DeadlineAlert`, which replaces Airflow 2's SLAs): when
 * a run is not done `interval` after `reference`, Airflow's triggerer awaits `callback`.
 * @example { reference: "dagrunQueuedAt", interval: "2h", callback: "reports.alerts:late_run" }
 */
export interface Deadline {
  /** Where the deadline counts from (`reference=DeadlineReference...`). @example "dagrunQueuedAt" */
  reference: DeadlineReference;
  /** How long after the reference the run must be done (`interval=timedelta(...)`). @example "2h" */
  interval: Duration;
  /** An `async def` as "package.module:function" (`callback=AsyncCallback("package.module.function")`). @example "reports.alerts:late_run" */
  callback: CallablePath;
  /** Keyword arguments the callback receives beside the context (`AsyncCallback(kwargs=...)`). @example { channel: "#ml-oncall" } */
  kwargs?: Record<string, JsonValue>;
}

/** Options of a DAG. */
export interface DagOptions {
  /** When the DAG runs (Airflow's `schedule`). See {@link Schedule}. @example "@daily" */
  schedule: Schedule;
  /**
   * The timetable of its cron and period schedules (see {@link Timetable}): which timetable class
   * the `schedule` argument gets. @default the project's, else "dataInterval" @example "trigger"
   */
  timetable?: Timetable;
  /** The first date the schedule covers, in UTC (Airflow's `start_date`). Required unless `schedule` is `null`. @example "2026-01-01" */
  startDate?: DateText;
  /** The last date the schedule covers, in UTC (Airflow's `end_date`). @example "2026-12-31" */
  endDate?: DateText;
  /**
   * Create runs for every interval between `startDate` and now that has not run yet (Airflow's
   * `catchup`). @default false, written out on every line: Airflow 2 would otherwise catch up
   * (its `catchup_by_default` is True) and Airflow 3 would not. @example true
   */
  catchup?: boolean;
  /** The owner of every task unless a task says otherwise (`owner` in the DAG's `default_args`). @example "ml-platform" */
  owner?: string;
  /** Labels to filter DAGs by in Airflow's UI; each at most 100 characters (Airflow's `tags`). @example ["ml", "churn"] */
  tags?: string[];
  /** A one-line description shown in Airflow's DAG list (Airflow's `description`). @example "Retrains the churn model every night" */
  description?: string;
  /** Markdown documentation shown on the DAG's page in Airflow's UI (Airflow's `doc_md`). @example "## Churn training\nOwned by ml-platform." */
  docs?: string;
  /** How many runs of this DAG may be active at once (Airflow's `max_active_runs`). @example 1 */
  maxActiveRuns?: number;
  /** How many tasks of this DAG may run at once, across its active runs (Airflow's `max_active_tasks`). @example 8 */
  maxActiveTasks?: number;
  /** Fail a DAG run that takes longer than this (Airflow's `dagrun_timeout`). @example "6h" */
  dagrunTimeout?: Duration;
  /** Options applied to every task of the DAG; a task's own options win (Airflow's `default_args`). @example { retries: 2, retryDelay: "5m" } */
  defaults?: CommonTaskOptions;
  /** The name Airflow's UI shows instead of the id (Airflow's `dag_display_name`). @example "Churn training" */
  displayName?: string;
  /** Links for owners in Airflow's UI: owner name to an http(s) or mailto address (Airflow's `owner_links`). @example { "ml-platform": "mailto:ml@acme.io" } */
  ownerLinks?: Record<string, string>;
  /** Typed parameters of a run, made with `param.string(...)`, `param.integer(...)`, ... (Airflow's `params`). @example { region: param.string({ enum: ["eu", "us"], default: "eu" }) } */
  params?: Record<string, ParamSpec>;
  /** Called with the run's context when a run fails (Airflow's `on_failure_callback` of the DAG). @example "ml.alerts:run_failed" */
  onFailure?: CallablePath;
  /** Called with the run's context when a run succeeds (Airflow's `on_success_callback` of the DAG). @example "ml.alerts:run_done" */
  onSuccess?: CallablePath;
  /** The direction of the graph view (Airflow 2's `orientation`; Airflow 3 removed it: DW182). @default "LR" @example "TB" */
  orientation?: Orientation;
  /** Deadline alerts of each run (Airflow's `deadline`, 3.1+; DW183 before). @example { reference: "dagrunQueuedAt", interval: "2h", callback: "reports.alerts:late_run" } */
  deadline?: Deadline | readonly Deadline[];
  /**
   * Silence diagnostics on the DAG itself (its tasks say their own), each code with the reason why: a team rule's code
   * (`"ACME001"`) or a built-in warning's (`"DW504"`). Errors dagwright finds cannot be silenced.
   * Every suppression is listed in the manifest with its reason, and one that silences nothing
   * is a warning (DW018). dagwright's own: nothing of it reaches Airflow.
   * @example { ACME002: "a one-off backfill, retried by hand" }
   */
  suppress?: Readonly<Record<string, string>>;
}

/** A JSON-schema type of a param or of an array's items (`"null"` makes it nullable). */
export type ParamType = "string" | "integer" | "number" | "boolean" | "array" | "object" | "null";

/**
 * The JSON-schema formats of a string param: Airflow's trigger form shows a date, date-time or
 * time picker, a textarea for `multiline` and (Airflow 3's newer forms) a masked field for
 * `password` and a duration field for `duration`; Airflow checks the others when a run starts.
 */
export type ParamFormat =
  | "date"
  | "date-time"
  | "time"
  | "multiline"
  | "password"
  | "email"
  | "idn-email"
  | "hostname"
  | "idn-hostname"
  | "ipv4"
  | "ipv6"
  | "uri"
  | "uri-reference"
  | "uri-template"
  | "uuid"
  | "regex"
  | "duration"
  | "json-pointer"
  | "relative-json-pointer";

/** JSON-schema keywords of a param or of an array's items; each becomes the keyword of the same name. */
export interface ParamSchema {
  /** JSON-schema `type`: one type, or several (`["null", "string"]`); none takes any JSON value. */
  readonly type?: ParamType | readonly ParamType[];
  /** JSON-schema `title`: the label of the field in Airflow's trigger form (instead of the param's name). */
  readonly title?: string;
  /** JSON-schema `description` (Param's `description`): help text under the field. */
  readonly description?: string;
  /** JSON-schema `enum`: the only values allowed; the trigger form shows a drop-down. */
  readonly enum?: readonly JsonValue[];
  /** JSON-schema `const`: the one value allowed; the trigger form hides the field. */
  readonly const?: JsonValue;
  /** JSON-schema `examples`: proposals in the trigger form (a multi-select for arrays of strings). */
  readonly examples?: readonly JsonValue[];
  /** JSON-schema `minimum`. */
  readonly minimum?: number;
  /** JSON-schema `maximum`. */
  readonly maximum?: number;
  /** JSON-schema `exclusiveMinimum`: the value must be greater. */
  readonly exclusiveMinimum?: number;
  /** JSON-schema `exclusiveMaximum`: the value must be smaller. */
  readonly exclusiveMaximum?: number;
  /** JSON-schema `multipleOf`. */
  readonly multipleOf?: number;
  /** JSON-schema `minLength` of a string. */
  readonly minLength?: number;
  /** JSON-schema `maxLength` of a string. */
  readonly maxLength?: number;
  /** JSON-schema `pattern`: a regular expression the string must match (Python's `re.search`). */
  readonly pattern?: string;
  /** JSON-schema `format` of a string (see {@link ParamFormat}). */
  readonly format?: ParamFormat;
  /** JSON-schema `minItems` of an array. */
  readonly minItems?: number;
  /** JSON-schema `maxItems` of an array. */
  readonly maxItems?: number;
  /** JSON-schema `uniqueItems` of an array. */
  readonly uniqueItems?: boolean;
  /** JSON-schema `items`: the schema of each item of an array. */
  readonly items?: ParamSchema;
}

/** A DAG parameter (Airflow's `Param`): a JSON schema and a default. Make one with `param`. */
export interface ParamSpec extends ParamSchema {
  /** Param's first argument, `default`: the value of a run that gives none. */
  readonly default?: JsonValue;
  /** Airflow's `description_md`: help text in Markdown, shown instead of `description`. */
  readonly descriptionMd?: string;
  /** Airflow's `section`: the trigger form groups the fields of one section in a collapsible box. */
  readonly section?: string;
  /** Airflow's `values_display`: the label the trigger form shows for each enum or example value (keyed by the value as a string). */
  readonly valuesDisplay?: Readonly<Record<string, string>>;
}

/** Options of a task group. */
export interface GroupOptions {
  /** Shown when hovering the group in Airflow's UI (TaskGroup's `tooltip`). @example "Load the warehouse tables" */
  tooltip?: string;
  /** Options of every task in the group; a task's own options win (TaskGroup's `default_args`). @example { pool: "warehouse", retries: 3 } */
  defaults?: CommonTaskOptions;
  /** Only a mapped group maps over arguments: see {@link MappedGroupOptions}. */
  expand?: never;
}

/**
 * A mapped task group (Airflow's `@task_group(...).expand(...)`): one instance of all its tasks
 * per value of each argument, the cross product when several are. The body receives the
 * arguments, for its Python tasks' `kwargs`.
 */
export interface MappedGroupOptions<A> extends Omit<GroupOptions, "expand"> {
  /** Each argument and what it takes its values from. @example { region: regions.output } */
  expand: { [K in keyof A]: MappedValues<A[K]> };
}

/** The arguments of a mapped group, as its body sees them. */
export type GroupArguments<A> = { readonly [K in keyof A]: GroupArgumentRef<A[K]> };

/** A JVM memory size: a whole number and k, m, g or t, with no space and no "b". @example "512m", "4g" */
export type MemorySize = `${number}${"k" | "m" | "g" | "t" | "K" | "M" | "G" | "T"}` & {};

/** Resources of the Spark driver. */
export interface SparkDriverResources {
  /** Heap of the driver JVM (`spark.driver.memory`; SparkSubmitOperator's `driver_memory`). @example "2g" */
  memory?: MemorySize;
  /** Cores of the driver (`spark.driver.cores`, passed in `conf`); a whole number, 1 or more. @example 2 */
  cores?: number;
  /** Memory outside the driver's heap (`spark.driver.memoryOverhead`, passed in `conf`); Spark's default is 10% of `memory`, at least 384m. @example "512m" */
  memoryOverhead?: MemorySize;
}

/** Resources of each Spark executor. */
export interface SparkExecutorResources {
  /** Heap of each executor JVM (`spark.executor.memory`; SparkSubmitOperator's `executor_memory`). @example "4g" */
  memory?: MemorySize;
  /** Cores of each executor (`spark.executor.cores`; SparkSubmitOperator's `executor_cores`); a whole number, 1 or more. @example 4 */
  cores?: number;
  /** Memory outside each executor's heap (`spark.executor.memoryOverhead`, passed in `conf`); Spark's default is 10% of `memory`, at least 384m. @example "1g" */
  memoryOverhead?: MemorySize;
  /** How many executors to run (`spark.executor.instances`; SparkSubmitOperator's `num_executors`); leave unset with `dynamicAllocation`. @example 8 */
  instances?: number;
}

/** Let Spark add and remove executors as the load changes (`spark.dynamicAllocation.*`). */
export interface SparkDynamicAllocation {
  /** The fewest executors to keep (`spark.dynamicAllocation.minExecutors`). @default 0 @example 2 */
  min?: number;
  /** How many executors to start with; between `min` and `max` (`spark.dynamicAllocation.initialExecutors`). @example 4 */
  initial?: number;
  /** The most executors to run; required, so a job's size is always bounded (`spark.dynamicAllocation.maxExecutors`). @example 20 */
  max: number;
}

/** Submit with `spark-submit` through an Airflow Spark connection (Airflow's `SparkSubmitOperator`). */
export interface SparkSubmitTarget {
  /** Submit with `spark-submit` (SparkSubmitOperator). @example "submit" */
  kind: "submit";
  /** The Airflow connection whose host is the master (`yarn`, `spark://host:7077`, `k8s://...`, `local[4]`) (SparkSubmitOperator's `conn_id`). @default "spark_default" @example "spark_yarn" */
  connId?: string;
  /** Run the driver on the submitting machine (`client`) or in the cluster (`cluster`) (SparkSubmitOperator's `deploy_mode`). @example "cluster" */
  deployMode?: "client" | "cluster";
}

/** Run as a SparkApplication of the Kubernetes Spark operator (Airflow's `SparkKubernetesOperator`). */
export interface SparkKubernetesTarget {
  /** Run as a SparkApplication (SparkKubernetesOperator). @example "kubernetes" */
  kind: "kubernetes";
  /** The container image holding Spark and the application (the SparkApplication's `image`). @example "registry.acme.io/spark-jobs:3.5" */
  image?: string;
  /** The Kubernetes namespace of the SparkApplication (SparkKubernetesOperator's `namespace`). @default "default" @example "spark" */
  namespace?: string;
  /** The service account the driver runs as (the SparkApplication driver's `serviceAccount`). @example "spark-driver" */
  serviceAccount?: string;
  /** The Spark version in the image (the SparkApplication's `sparkVersion`). @example "3.5.3" */
  sparkVersion?: string;
  /** The Airflow connection to the Kubernetes cluster (SparkKubernetesOperator's `kubernetes_conn_id`). @default "kubernetes_default" @example "k8s_analytics" */
  connId?: string;
}

/** Settings a Spark job, the project's defaults or a named size profile can give. */
export interface SparkSettings {
  /** Memory and cores of the driver (`spark.driver.*`). @example { memory: "2g", cores: 1 } */
  driver?: SparkDriverResources;
  /** Memory, cores and number of the executors (`spark.executor.*`). @example { memory: "8g", cores: 4, instances: 10 } */
  executor?: SparkExecutorResources;
  /** Dynamic allocation of executors (`spark.dynamicAllocation.*`, passed in `conf`); do not combine with `executor.instances`. @example { min: 2, max: 20 } */
  dynamicAllocation?: SparkDynamicAllocation;
  /** Other Spark properties (SparkSubmitOperator's `conf`); resources have typed fields above, use those instead. @example { "spark.sql.shuffle.partitions": 400 } */
  conf?: { [key: `spark.${string}`]: string | number | boolean };
  /** Maven coordinates of packages to put on the classpath (`--packages`; SparkSubmitOperator's `packages`). @example ["org.apache.hadoop:hadoop-aws:3.3.4"] */
  packages?: string[];
  /** Jars to put on the classpath (`--jars`; SparkSubmitOperator's `jars`). @example ["s3://lake/jars/udfs.jar"] */
  jars?: string[];
  /** Python files or archives for the Python path (`--py-files`; SparkSubmitOperator's `py_files`). @example ["jobs/common.zip"] */
  pyFiles?: string[];
  /** Files to place in each executor's working directory (`--files`; SparkSubmitOperator's `files`). @example ["conf/features.yaml"] */
  files?: string[];
  /** Environment variables of the driver (SparkSubmitOperator's `env_vars`). @example { FEATURE_SET: "v2" } */
  env?: Record<string, string>;
  /** Where and how the job runs: SparkSubmitOperator or SparkKubernetesOperator. @default { kind: "submit" } @example { kind: "kubernetes", image: "registry.acme.io/spark-jobs:3.5" } */
  target?: SparkSubmitTarget | SparkKubernetesTarget;
}

/** Options of a Spark task. */
export interface SparkTaskOptions extends TaskOptions, SparkSettings {
  /** The application: a `.py` file, or a `.jar` together with `mainClass` (SparkSubmitOperator's `application`). Airflow renders Jinja in it. @example "jobs/features.py" */
  application: string;
  /** The main class of a jar application (SparkSubmitOperator's `java_class`). @example "com.acme.jobs.Features" */
  mainClass?: string;
  /** Arguments of the application (SparkSubmitOperator's `application_args`). Airflow renders Jinja in them, so `{{ ds }}` works. @example ["--day", "{{ ds }}"] */
  args?: string[];
  /** The Spark application name (SparkSubmitOperator's `name`). @default "<dag_id>.<task_id>" @example "churn-features" */
  name?: string;
  /** A size profile from `spark.profiles` in dagwright.config.ts; the task's own fields override it. Airflow gets the combined settings. @example "large" */
  profile?: string;
}
