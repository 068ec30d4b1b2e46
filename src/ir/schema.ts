/**
 * The intermediate representation: plain data, described by zod schemas.
 *
 * It is the one contract between the authoring API and every back end, and the
 * manifest publishes it. Nothing here knows about Airflow versions or files.
 * Values are kept as the author wrote them (durations as "5m", dates as
 * "2026-01-01"); validation checks them and back ends convert them.
 */
import { z } from "zod";
import { SparkJobConfig, SparkProjectConfig } from "./spark.js";

/** Where something was defined in the user's sources; `file` is relative to the project root, POSIX separators. */
export const Location = z.object({
  file: z.string(),
  line: z.number().int().min(1),
  column: z.number().int().min(1),
});
export type Location = z.infer<typeof Location>;

/** A duration as written: a whole number and a unit, for example "30s", "5m", "2h", "1d". */
export const DurationText = z.string();

export const TRIGGER_RULES = [
  "all_success",
  "all_failed",
  "all_done",
  "all_done_min_one_success",
  "all_skipped",
  "one_success",
  "one_failed",
  "one_done",
  "none_failed",
  "none_failed_min_one_success",
  "none_skipped",
  "always",
] as const;
export const TriggerRule = z.enum(TRIGGER_RULES);
export type TriggerRule = z.infer<typeof TriggerRule>;

export const SCHEDULE_PRESETS = [
  "@once",
  "@continuous",
  "@hourly",
  "@daily",
  "@weekly",
  "@monthly",
  "@quarterly",
  "@yearly",
] as const;

export const Schedule = z.discriminatedUnion("kind", [
  /** Runs only when triggered by hand or through the API. */
  z.object({ kind: z.literal("manual") }),
  /** A cron expression or a preset such as "@daily". */
  z.object({ kind: z.literal("cron"), expression: z.string() }),
  /** A fixed period between runs. */
  z.object({ kind: z.literal("every"), every: DurationText }),
]);
export type Schedule = z.infer<typeof Schedule>;

/** Options every task has; a DAG's `defaults` holds the same set. */
export const TaskOptions = z
  .object({
    owner: z.string(),
    retries: z.number(),
    retryDelay: DurationText,
    retryExponentialBackoff: z.boolean(),
    maxRetryDelay: DurationText,
    executionTimeout: DurationText,
    triggerRule: TriggerRule,
    pool: z.string(),
    poolSlots: z.number(),
    queue: z.string(),
    priorityWeight: z.number(),
    dependsOnPast: z.boolean(),
    email: z.array(z.string()),
    emailOnFailure: z.boolean(),
    emailOnRetry: z.boolean(),
    doc: z.string(),
  })
  .partial()
  .strict();
export type TaskOptions = z.infer<typeof TaskOptions>;

/** Defaults a DAG applies to all of its tasks (Airflow's `default_args`). */
export const TaskDefaults = TaskOptions.omit({ triggerRule: true, doc: true });
export type TaskDefaults = z.infer<typeof TaskDefaults>;

/** A dependency on another task, recorded where `.then`, `.after` or `chain` made it. */
export const Upstream = z.object({
  task: z.string(),
  /** Set only when the upstream task belongs to another DAG, which validation rejects. */
  foreignDag: z.string().optional(),
  location: Location,
});
export type Upstream = z.infer<typeof Upstream>;

/** A value that survives JSON, as Python task keyword arguments must. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export const JsonValue: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(JsonValue), z.record(z.string(), JsonValue)]),
);

export const TaskConfig = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("empty") }).strict(),
  z
    .object({
      kind: z.literal("bash"),
      command: z.string(),
      env: z.record(z.string(), z.string()).optional(),
      cwd: z.string().optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal("python"),
      /** "package.module:function", imported when the task runs. */
      callable: z.string(),
      kwargs: z.record(z.string(), JsonValue).optional(),
    })
    .strict(),
  SparkJobConfig,
]);
export type TaskConfig = z.infer<typeof TaskConfig>;
export type TaskKind = TaskConfig["kind"];

export const Task = z.object({
  id: z.string(),
  location: Location,
  config: TaskConfig,
  options: TaskOptions,
  upstream: z.array(Upstream),
}).strict();
export type Task = z.infer<typeof Task>;

export const Dag = z.object({
  id: z.string(),
  location: Location,
  schedule: Schedule,
  /** "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS]Z", always UTC. */
  startDate: z.string().optional(),
  endDate: z.string().optional(),
  catchup: z.boolean(),
  owner: z.string().optional(),
  tags: z.array(z.string()),
  description: z.string().optional(),
  docs: z.string().optional(),
  maxActiveRuns: z.number().optional(),
  maxActiveTasks: z.number().optional(),
  dagrunTimeout: DurationText.optional(),
  defaults: TaskDefaults,
  tasks: z.array(Task),
}).strict();
export type Dag = z.infer<typeof Dag>;

export const AIRFLOW_TARGETS = ["2.9", "2.10", "2.11", "3.0", "3.1", "3.2", "3.3"] as const;
export const AirflowTarget = z.enum(AIRFLOW_TARGETS);
export type AirflowTarget = z.infer<typeof AirflowTarget>;

/** Everything one compile knows: the DAGs of the project and what they are compiled for. */
export const Project = z.object({
  airflow: AirflowTarget,
  /** Spark defaults and size profiles from the project configuration. */
  spark: SparkProjectConfig.optional(),
  dags: z.array(Dag),
});
export type Project = z.infer<typeof Project>;
