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
  readonly dagId: string;
  /** The task kind: "bash", "python", "spark", "pod", ... */
  readonly kind: string;
  /** The module that defines it, relative to the project root, and the line and column of its call. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Every option in force, after the project's, folder's, DAG's and groups' defaults. @example task.options.retries */
  readonly options: Readonly<EffectiveTaskOptions>;
  /** Where each option came from: "project", "folder:<path>", "dag", "group:<id>", "task" or "airflow". */
  readonly optionSources: Readonly<Record<string, string>>;
  /** What the kind does: its command, callable, application and the rest of its settings. */
  readonly config: Readonly<Record<string, unknown>>;
  /** The tasks it runs right after, and right before, with dependencies on groups expanded. */
  readonly upstream: readonly string[];
  readonly downstream: readonly string[];
  /** Its groups, outermost first. */
  readonly groups: readonly string[];
  /** Whether it runs once per value (it, or a group it is in, maps over a list). */
  readonly mapped: boolean;
  /** Its step in an ML pipeline, when it says: "ingest", "validate", "features", "train", "evaluate", "predict" or "publish". */
  readonly stage?: string;
  /** What it reads and writes, as the manifest's lineage names them: "asset:<uri>", "model:<name>" and (written only) "metric:<name>". */
  readonly reads: readonly string[];
  readonly writes: readonly string[];
  /** A Spark task's job after profiles and defaults, and what it asks the cluster for at most. */
  readonly spark?: { readonly job: Readonly<EffectiveSparkJob>; readonly requested: { readonly cores: number; readonly memoryMib: number } };
}

/** One DAG as a rule sees it. */
export interface RuleDag {
  readonly id: string;
  /** The module that defines it, relative to the project root, and the line and column of its `dag(` call. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Its module's folder under the source folder ("" at the top), as the config's `folders` names it. */
  readonly folder: string;
  /** The DAG's own `owner`, when it sets one (tasks may still get one from defaults: see `defaultArgs`). */
  readonly owner?: string;
  readonly tags: readonly string[];
  readonly description?: string;
  readonly catchup: boolean;
  /** "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS]Z", in UTC. */
  readonly startDate?: string;
  /** Airflow's `default_args`: the project's and folder's defaults, then the DAG's owner and defaults. */
  readonly defaultArgs: Readonly<TaskDefaults>;
  /** Every other option of the DAG as dagwright records it (schedule, maxActiveRuns, params, ...), as in the manifest. */
  readonly options: Readonly<Record<string, unknown>>;
  /** Its task groups' ids. */
  readonly groups: readonly string[];
  readonly tasks: readonly RuleTask[];
}

/** The project as rules see it: plain data, the same for every rule. */
export interface RuleProject {
  /** The Airflow version the project compiles for. */
  readonly airflow: string;
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
} & ({ readonly task: RuleTask; readonly dag?: undefined } | { readonly dag: RuleDag; readonly task?: undefined });

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
