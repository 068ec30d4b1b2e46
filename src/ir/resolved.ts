/**
 * The resolved project: the IR together with every fact derived from it, computed once by the
 * resolve stage. Validation and every back end read this; the manifest publishes a projection.
 */
import type { AssetRef, Dag, EffectiveTaskOptions, Group, Location, Project, Task, TaskDefaults, Timetable } from "./schema.js";
import type { AirflowTarget } from "./schema.js";
import type { AssetLineage, ModelLineage, OpenLineageName, ProjectLineage } from "./lineage.js";
import type { ConfigOf, TaskKind } from "./kinds/index.js";
import type { EffectiveSparkJob } from "./spark.js";
import type { PythonSource } from "./python.js";

/** A dependency between two tasks, and where the author made it (on the tasks or on a group). */
export interface TaskEdge {
  from: string;
  to: string;
  location: Location;
  /** The label Airflow's graph view shows on the edge. */
  label?: string;
  /** Another label the same edge was declared with (validation refuses it, DW185). */
  otherLabel?: { label: string; location: Location };
}

/**
 * Where an effective option's value came from: the project's defaults, a folder's, the DAG's
 * (its defaults or its owner), a group's defaults, the task itself, or Airflow (a teardown's
 * trigger rule).
 */
export type OptionSource = "project" | `folder:${string}` | "dag" | `group:${string}` | "task" | "airflow";

export type OptionSources<T> = { readonly [K in keyof T]?: OptionSource };

/** Cores and memory (heap and overhead, in MiB) a Spark job or a set of jobs asks for. */
export interface SparkResources {
  cores: number;
  memoryMib: number;
}

export interface ResolvedSparkJob {
  dagId: string;
  taskId: string;
  job: EffectiveSparkJob;
  /** What the job asks the cluster for at most. */
  requested: SparkResources;
}

/** The most a DAG's Spark jobs ask for at once: jobs no dependency orders can run together. */
export interface SparkPeak extends SparkResources {
  jobs: number;
  /** False when the DAG has too many Spark jobs to search exactly; the peak is then their sum. */
  exact: boolean;
}

export interface ResolvedTask {
  readonly ir: Task;
  readonly id: string;
  readonly dagId: string;
  /** The id inside its group: the `task_id` the generated file passes. */
  readonly localId: string;
  /** The groups the task sits in, outermost first. */
  readonly groups: readonly string[];
  /** Every option in force: project, folder, DAG (and owner), groups, then the task. */
  readonly effective: EffectiveTaskOptions;
  readonly effectiveFrom: OptionSources<EffectiveTaskOptions>;
  /** The tasks it runs after, dependencies on groups expanded, in edge order. */
  readonly upstream: readonly string[];
  /** The tasks that run right after it. */
  readonly downstream: readonly string[];
  /** The effective Spark job of a Spark task. */
  readonly spark?: ResolvedSparkJob;
  /** The function of the project's Python the task calls, when dagwright read it (src/python/). */
  readonly python?: PythonSource;
  /** The OpenLineage job name Airflow's provider gives the task: "<dag_id>.<task_id>". */
  readonly openLineageJob: string;
}

export interface ResolvedGroup {
  readonly ir: Group;
  readonly id: string;
  /** The id inside its parent group: the `group_id` the generated file passes. */
  readonly localId: string;
  /** Its tasks, nested groups' included, in declaration order. */
  readonly members: readonly string[];
}

export interface ResolvedDag {
  readonly ir: Dag;
  readonly id: string;
  /** Airflow's `default_args`: the project's and folders' defaults, then the DAG's owner and defaults. */
  readonly defaultArgs: TaskDefaults;
  readonly defaultArgsFrom: OptionSources<TaskDefaults>;
  readonly tasks: readonly ResolvedTask[];
  readonly groups: readonly ResolvedGroup[];
  /** Task-to-task dependencies, group dependencies expanded, in a stable order. */
  readonly edges: readonly TaskEdge[];
  readonly sparkPeak?: SparkPeak;
  /** The timetable of its cron and period schedules that choose none: the DAG's, the project's, else dataInterval. */
  readonly timetable: Timetable;
  /** The assets the DAG's schedule waits for, when it is scheduled on assets. */
  readonly scheduledAssets: readonly AssetRef[];
  task(id: string): ResolvedTask | undefined;
  group(id: string): ResolvedGroup | undefined;
  /** Every task reachable from `starts` over one or more edges. */
  descendants(starts: Iterable<string>): ReadonlySet<string>;
}

export interface ResolvedProject {
  readonly ir: Project;
  readonly airflow: AirflowTarget;
  readonly dags: readonly ResolvedDag[];
  readonly lineage: ProjectLineage;
  /** Every Spark job, in DAG and task order. */
  readonly sparkJobs: readonly ResolvedSparkJob[];
  dag(id: string): ResolvedDag | undefined;
  /** An asset's lineage by URI. */
  asset(uri: string): AssetLineage | undefined;
  /** A model's lineage by name. */
  model(name: string): ModelLineage | undefined;
  /** OpenLineage's name of an asset URI. */
  openLineageName(uri: string): OpenLineageName;
}

/** A resolved task of one kind, with its configuration typed for that kind. */
export type ResolvedTaskOf<K extends TaskKind> = Omit<ResolvedTask, "ir"> & { readonly ir: Omit<Task, "config"> & { readonly config: ConfigOf<K> } };
