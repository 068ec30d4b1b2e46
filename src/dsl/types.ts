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
export type Duration = `${number}${DurationUnit}`;

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
 * When the DAG runs:
 * - a preset such as `"@daily"`, or a cron expression such as `"0 3 * * *"`;
 * - `{ every: "6h" }` for a fixed period;
 * - `null` for manual and API-triggered runs only.
 *
 * Cron and period schedules use data intervals on every Airflow version: a run covers the
 * interval that just ended, so `{{ ds }}` of a `@daily` run is the day before the run starts.
 */
export type Schedule = SchedulePreset | CronExpression | { every: Duration } | null;

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

/** Options shared by a DAG's `defaults` and every task. */
export interface CommonTaskOptions {
  /** Who owns the task, shown in Airflow's UI. Defaults to the DAG's `owner`. */
  owner?: string;
  /** How many times Airflow retries the task after a failure. A whole number, 0 or more. */
  retries?: number;
  /** How long to wait before a retry. @example "5m" */
  retryDelay?: Duration;
  /** Double the wait after each failed try, up to `maxRetryDelay`. */
  retryExponentialBackoff?: boolean;
  /** The longest wait between retries when backing off exponentially. @example "1h" */
  maxRetryDelay?: Duration;
  /** Fail the task when one try runs longer than this. @example "2h" */
  executionTimeout?: Duration;
  /** The Airflow pool whose slots the task takes. */
  pool?: string;
  /** How many slots of the pool the task takes; a whole number, 1 or more. */
  poolSlots?: number;
  /** The executor queue (for example a Celery queue) that runs the task. */
  queue?: string;
  /** Priority against other tasks waiting for a slot; higher runs first. A whole number. */
  priorityWeight?: number;
  /** Run only when this task succeeded in the previous DAG run. */
  dependsOnPast?: boolean;
  /** Addresses Airflow emails about this task. */
  email?: string | string[];
  /** Email `email` when the task fails. Defaults to true when `email` is set. */
  emailOnFailure?: boolean;
  /** Email `email` when the task is retried. */
  emailOnRetry?: boolean;
}

/** Options every task accepts. */
export interface TaskOptions extends CommonTaskOptions {
  /** When the task runs, given its upstream tasks' states. @default "all_success" */
  triggerRule?: TriggerRule;
  /** Markdown documentation shown on the task in Airflow's UI. */
  doc?: string;
}

/** Options of a shell command task (Airflow's `BashOperator`). */
export interface BashTaskOptions extends TaskOptions {
  /** The shell command. Airflow renders Jinja in it at run time, so `{{ ds }}` works. */
  command: string;
  /** Environment variables added to the worker's environment for the command. */
  env?: Record<string, string>;
  /** The working directory of the command; a temporary directory when unset. */
  cwd?: string;
}

/** Options of a Python task (Airflow's `PythonOperator`). */
export interface PythonTaskOptions extends TaskOptions {
  /**
   * The function to call, as `"package.module:function"`. It is imported only when the task
   * runs, so a module missing on the scheduler never breaks DAG parsing.
   * @example "ml.churn.train:main"
   */
  callable: `${string}:${string}`;
  /** Keyword arguments passed to the function. Airflow renders Jinja in string values. */
  kwargs?: Record<string, JsonValue>;
}

/** Options of a DAG. */
export interface DagOptions {
  /** When the DAG runs. See {@link Schedule}. */
  schedule: Schedule;
  /** The first date the schedule covers, in UTC. Required unless `schedule` is `null`. @example "2026-01-01" */
  startDate?: DateText;
  /** The last date the schedule covers, in UTC. */
  endDate?: DateText;
  /** Create runs for every interval between `startDate` and now that has not run yet. @default false */
  catchup?: boolean;
  /** The owner of every task unless a task says otherwise. */
  owner?: string;
  /** Labels to filter DAGs by in Airflow's UI; each at most 100 characters. */
  tags?: string[];
  /** A one-line description shown in Airflow's DAG list. */
  description?: string;
  /** Markdown documentation shown on the DAG's page in Airflow's UI. */
  docs?: string;
  /** How many runs of this DAG may be active at once. */
  maxActiveRuns?: number;
  /** How many tasks of this DAG may run at once, across its active runs. */
  maxActiveTasks?: number;
  /** Fail a DAG run that takes longer than this. @example "6h" */
  dagrunTimeout?: Duration;
  /** Options applied to every task of the DAG; a task's own options win. */
  defaults?: CommonTaskOptions;
}
