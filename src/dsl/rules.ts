/**
 * Team rules: checks a team writes in TypeScript (`rules/*.ts`, listed under `rules` in
 * `dagwright.config.ts`) that see the resolved project and report findings with their own
 * codes. compile and validate run them after dagwright's own checks, and show what they find
 * as they show their own diagnostics.
 */
import type { EffectiveSparkJob } from "../ir/spark.js";
import type { EffectiveTaskOptions, TaskDefaults } from "../ir/schema.js";

/** One task as a rule sees it: its options after every default, and where it is defined. */
export interface RuleTask {
  /** The task's id as Airflow sees it, prefixed with its groups' ids ("group.task"). */
  readonly id: string;
  /** The id of the DAG it belongs to. */
  readonly dagId: string;
  /** The task kind: "bash", "python", "spark", "pod", ... */
  readonly kind: string;
  /** The module that defines it, relative to the project root. @example "dags-src/etl.ts" */
  readonly file: string;
  /** The line of its call in `file` (1-based). */
  readonly line: number;
  /** The column of its call in `file` (1-based). */
  readonly column: number;
  /** Every option in force, after the project's, folder's, DAG's and groups' defaults. @example task.options.retries */
  readonly options: Readonly<EffectiveTaskOptions>;
  /** Where each option came from: "project", "folder:<path>", "dag", "group:<id>", "task" or "airflow". */
  readonly optionSources: Readonly<Record<string, string>>;
  /** What the kind does: its command, callable, application and the rest of its settings. */
  readonly config: Readonly<Record<string, unknown>>;
  /** The tasks it runs right after, with dependencies on groups expanded. */
  readonly upstream: readonly string[];
  /** The tasks that run right after it. */
  readonly downstream: readonly string[];
  /** Its groups, outermost first. */
  readonly groups: readonly string[];
  /** Whether it runs once per value (it, or a group it is in, maps over a list). */
  readonly mapped: boolean;
  /** Its step in an ML pipeline, when it says: "ingest", "validate", "features", "train", "evaluate", "predict" or "publish". */
  readonly stage?: string;
  /** What it reads, as the manifest's lineage names them: "asset:<uri>" and "model:<name>". @example ["asset:s3://lake/features"] */
  readonly reads: readonly string[];
  /** What it writes, named the same way, and the metrics it reports ("metric:<name>"). @example ["model:churn", "metric:auc"] */
  readonly writes: readonly string[];
  /** A Spark task's job after profiles and defaults, and what it asks the cluster for at most. */
  readonly spark?: RuleSparkJob;
}

/** A Spark task's job, as a rule sees it. */
export interface RuleSparkJob {
  /** The job after the config's defaults, its profile and its own settings. @example job.executor.memory */
  readonly job: Readonly<EffectiveSparkJob>;
  /** What the driver and all executors ask the cluster for at most. */
  readonly requested: {
    /** Cores of the driver and all executors (dynamic allocation at its maximum). */
    readonly cores: number;
    /** Memory of the driver and all executors, heap and overhead, in MiB. */
    readonly memoryMib: number;
  };
}

/** One DAG as a rule sees it. */
export interface RuleDag {
  /** The DAG's id (Airflow's `dag_id`). */
  readonly id: string;
  /** The module that defines it, relative to the project root. */
  readonly file: string;
  /** The line of its `dag(` call in `file` (1-based). */
  readonly line: number;
  /** The column of its `dag(` call in `file` (1-based). */
  readonly column: number;
  /** Its module's folder under the source folder ("" at the top), as the config's `folders` names it. */
  readonly folder: string;
  /** The DAG's own `owner`, when it sets one (tasks may still get one from defaults: see `defaultArgs`). */
  readonly owner?: string;
  /** Its tags (Airflow's `tags`); empty when it has none. */
  readonly tags: readonly string[];
  /** Its one-line description (Airflow's `description`). */
  readonly description?: string;
  /** Whether Airflow creates the runs it missed (Airflow's `catchup`), false unless the DAG says. */
  readonly catchup: boolean;
  /** "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS]Z", in UTC. */
  readonly startDate?: string;
  /** Airflow's `default_args`: the project's and folder's defaults, then the DAG's owner and defaults. */
  readonly defaultArgs: Readonly<TaskDefaults>;
  /** Every other option of the DAG as dagwright records it (schedule, maxActiveRuns, params, ...), as in the manifest. */
  readonly options: Readonly<Record<string, unknown>>;
  /** Its task groups' ids. */
  readonly groups: readonly string[];
  /** Its tasks, in the order they are declared. */
  readonly tasks: readonly RuleTask[];
}

/** The project as rules see it: plain data, the same for every rule. */
export interface RuleProject {
  /** The Airflow version the project compiles for. */
  readonly airflow: string;
  /** Every DAG of the project, in the order the modules are found. */
  readonly dags: readonly RuleDag[];
}

/** A finding of a rule, about a DAG or one of its tasks. */
export type RuleFinding = {
  /** What is wrong, naming what it is about. @example `DAG "${dag.id}" has no tag` */
  readonly message: string;
  /** What to do about it; the rule's `hint` when absent. */
  readonly hint?: string;
  /**
   * The option the finding is about, as a path into the task's (or DAG's) options, such as
   * "retries" or "executor.memory": the diagnostic then points at the option's value where the
   * call writes it, and at the call otherwise.
   */
  readonly option?: string;
} & (
  | {
      /** The task the finding is about: the diagnostic points at its call. */
      readonly task: RuleTask;
      /** Not given with a task: a finding is about a task or a DAG. */
      readonly dag?: undefined;
    }
  | {
      /** The DAG the finding is about: the diagnostic points at its `dag(` call. */
      readonly dag: RuleDag;
      /** Not given with a DAG: a finding is about a task or a DAG. */
      readonly task?: undefined;
    }
);

/** A team rule: made with {@link defineRule}, exported by a module listed in the config's `rules`. */
export interface Rule {
  /**
   * The code its findings carry: capital letters, then digits, such as "ACME001" (not "DW...",
   * which are dagwright's). Configure its severity under `severity` in the config, and silence one
   * finding with a task's `suppress`.
   */
  readonly code: string;
  /** What the rule holds DAGs to, in one line; the manifest lists it. @example "every DAG has an owner and a tag" */
  readonly description: string;
  /** How serious a finding is unless the config's `severity` says otherwise. @default "error" */
  readonly severity?: "error" | "warning";
  /** What to do about a finding, unless the finding says. */
  readonly hint?: string;
  /** Look at the project and report each finding. It runs once per compile, and must not change anything. */
  check(project: RuleProject, report: (finding: RuleFinding) => void): void;
}

const RULES = new WeakSet<object>();

/**
 * Declare a team rule. Export it (or a list of them) from a module the config's `rules` lists.
 *
 * @example
 * import { defineRule } from "dagwright";
 *
 * export const ownedAndTagged = defineRule({
 *   code: "ACME001",
 *   description: "every DAG has an owner and a tag",
 *   check(project, report) {
 *     for (const dag of project.dags) {
 *       if (!dag.defaultArgs.owner) report({ dag, message: `DAG "${dag.id}" has no owner`, option: "owner" });
 *       if (dag.tags.length === 0) report({ dag, message: `DAG "${dag.id}" has no tag`, option: "tags" });
 *     }
 *   },
 * });
 */
export function defineRule(rule: Rule): Rule {
  const defined = Object.freeze({ ...rule });
  RULES.add(defined);
  return defined;
}

/** Whether a value is what defineRule returned. Not part of the authoring API. */
export function isRule(value: unknown): value is Rule {
  return typeof value === "object" && value !== null && RULES.has(value);
}

/** What a rule's code must look like: capitals, then digits; DW is dagwright's. */
export const RULE_CODE = /^(?!DW\d)[A-Z][A-Z_]*[0-9]+$/;
