/**
 * The intermediate representation: plain data, described by zod schemas.
 *
 * It is the one contract between the authoring API and every back end, and the
 * manifest publishes it. Nothing here knows about Airflow versions or files.
 * Values are kept as the author wrote them (durations as "5m", dates as
 * "2026-01-01"); validation checks them and back ends convert them.
 */
import { z } from "zod";
import { AIRFLOW_TARGETS } from "./targets.js";
import { DurationText, JsonValue, Location, MappedValues } from "./common.js";
import { TaskConfig } from "./kinds/index.js";
import { SparkProjectConfig } from "./spark.js";
import { PythonIndex } from "./python.js";

export { Callable, DurationText, GroupArgument, JsonObject, JsonValue, Location, MappedValues, RunTimeValue, TaskOutput } from "./common.js";
export { TaskConfig, type ConfigOf, type FieldsOf, type TaskKind } from "./kinds/index.js";

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

/** A dataset or table a task reads or writes, named by URI (Airflow's Asset, Dataset on Airflow 2). */
/**
 * What makes a DAG scheduled on an asset run when something outside Airflow happens (Airflow 3's
 * AssetWatcher): an event trigger class by import path, and its keyword arguments.
 */
export const AssetWatcherRef = z
  .object({ name: z.string(), trigger: z.string(), kwargs: z.record(z.string(), JsonValue).optional() })
  .strict();
export type AssetWatcherRef = z.infer<typeof AssetWatcherRef>;

export const AssetRef = z
  .object({
    uri: z.string(),
    name: z.string().optional(),
    description: z.string().optional(),
    /** Produced outside this project, so no task here needs to write it. */
    external: z.boolean().optional(),
    /** Airflow's `extra`: free-form JSON kept with the asset. */
    extra: z.record(z.string(), JsonValue).optional(),
    /** Event triggers that update the asset from outside (Airflow 3.0+). */
    watchers: z.array(AssetWatcherRef).optional(),
  })
  .strict();
export type AssetRef = z.infer<typeof AssetRef>;

/** An asset alias (Airflow's AssetAlias, DatasetAlias on 2.10+): tasks name at run time which assets it stands for. */
export const AssetAliasRef = z.object({ alias: z.string() }).strict();
export type AssetAliasRef = z.infer<typeof AssetAliasRef>;

/** A trained model, named in a registry: lineage records which data trained it and what evaluated it. */
export const ModelRef = z
  .object({ name: z.string(), registry: z.string().optional(), flavour: z.string().optional() })
  .strict();
export type ModelRef = z.infer<typeof ModelRef>;

/** An evaluation metric: which way is better, and the bar a model must pass. */
export const MetricRef = z
  .object({ name: z.string(), direction: z.enum(["higher", "lower"]), threshold: z.number().optional() })
  .strict();
export type MetricRef = z.infer<typeof MetricRef>;

export const STAGES = ["ingest", "validate", "features", "train", "evaluate", "predict", "publish"] as const;

/** Which asset updates start a run: one asset, all of several, or any of several. */
export type AssetCondition = { asset: AssetRef } | { alias: string } | { all: AssetCondition[] } | { any: AssetCondition[] };
export const AssetCondition: z.ZodType<AssetCondition> = z.lazy(() =>
  z.union([
    z.object({ asset: AssetRef }).strict(),
    AssetAliasRef,
    z.object({ all: z.array(AssetCondition) }).strict(),
    z.object({ any: z.array(AssetCondition) }).strict(),
  ]),
);

/**
 * How a cron or period schedule maps onto runs: `dataInterval` (a run covers the interval that
 * just ended, Airflow 2's default) or `trigger` (a run happens at the time, Airflow 3's default).
 */
export const TIMETABLES = ["dataInterval", "trigger"] as const;
export const Timetable = z.enum(TIMETABLES);
export type Timetable = z.infer<typeof Timetable>;

/** What a trigger timetable's run does when it starts: `true`, `false`, or a window as a duration. */
const RunImmediately = z.union([z.boolean(), DurationText]);

/** Schedules by time: cron, a fixed period, several crons, or a list of moments. */
const CronSchedule = z
  .object({
    kind: z.literal("cron"),
    /** A cron expression or a preset such as "@daily". */
    expression: z.string(),
    timetable: Timetable.optional(),
    /** A trigger timetable's data interval: how far back each run covers. */
    interval: DurationText.optional(),
    runImmediately: RunImmediately.optional(),
  })
  .strict();
const EverySchedule = z.object({ kind: z.literal("every"), every: DurationText, timetable: Timetable.optional(), interval: DurationText.optional() }).strict();
const CronsSchedule = z
  .object({ kind: z.literal("crons"), expressions: z.array(z.string()), interval: DurationText.optional(), runImmediately: RunImmediately.optional() })
  .strict();
const EventsSchedule = z
  .object({ kind: z.literal("events"), dates: z.array(z.string()), restrictToEvents: z.boolean().optional(), description: z.string().optional() })
  .strict();
export const TimeSchedule = z.discriminatedUnion("kind", [CronSchedule, EverySchedule, CronsSchedule, EventsSchedule]);
export type TimeSchedule = z.infer<typeof TimeSchedule>;

export const Schedule = z.discriminatedUnion("kind", [
  /** Runs when assets other DAGs produce are updated, and with `orTime`, also on that schedule. */
  z.object({ kind: z.literal("assets"), condition: AssetCondition, orTime: TimeSchedule.optional() }).strict(),
  /** Runs only when triggered by hand or through the API. */
  z.object({ kind: z.literal("manual") }).strict(),
  CronSchedule,
  EverySchedule,
  CronsSchedule,
  EventsSchedule,
]);
export type Schedule = z.infer<typeof Schedule>;

/** How Airflow adds up priority weights (Airflow's `weight_rule`). */
export const WEIGHT_RULES = ["downstream", "upstream", "absolute"] as const;
export const WeightRule = z.enum(WEIGHT_RULES);

const StringMap = z.record(z.string(), z.string());
/** Kubernetes resource quantities of a container, as written ("500m", "1Gi"). */
const PodResources = z.object({ requests: StringMap.optional(), limits: StringMap.optional() }).strict();

/** What the Kubernetes executor changes in the pod of one task (Airflow's `executor_config={"pod_override": k8s.V1Pod(...)}`). */
export const PodOverride = z
  .object({
    /** The task's own container, which the Kubernetes executor names "base". */
    container: z.object({ image: z.string().optional(), env: StringMap.optional(), resources: PodResources.optional() }).strict().optional(),
    labels: StringMap.optional(),
    annotations: StringMap.optional(),
    nodeSelector: StringMap.optional(),
    tolerations: z
      .array(z.object({ key: z.string().optional(), operator: z.enum(["Exists", "Equal"]).optional(), value: z.string().optional(), effect: z.enum(["NoSchedule", "PreferNoSchedule", "NoExecute"]).optional() }).strict())
      .optional(),
    serviceAccount: z.string().optional(),
  })
  .strict();
export type PodOverride = z.infer<typeof PodOverride>;

/** A task's executor configuration: a Kubernetes pod override, or JSON for other executors. */
export const ExecutorConfig = z.union([
  z.object({ podOverride: PodOverride }).strict(),
  // JSON never holds podOverride: a malformed or accompanied pod override is refused (DW004), not passed on as JSON.
  z.record(z.string(), JsonValue).refine((config) => !("podOverride" in config), "podOverride must be the only key, with the fields of a pod override"),
]);
export type ExecutorConfig = z.infer<typeof ExecutorConfig>;

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
    /** How the priority weight adds up: Airflow's `weight_rule`. */
    weightRule: WeightRule,
    /** Airflow's `executor_config`. */
    executorConfig: ExecutorConfig,
    dependsOnPast: z.boolean(),
    email: z.array(z.string()),
    emailOnFailure: z.boolean(),
    emailOnRetry: z.boolean(),
    doc: z.string(),
    /** The name Airflow's UI shows instead of the id. */
    displayName: z.string(),
    /** Callbacks as "package.module:function", imported only when Airflow calls them. */
    onFailure: z.string(),
    onSuccess: z.string(),
    onRetry: z.string(),
    onExecute: z.string(),
    /** Called right before and right after `execute` (Airflow's `pre_execute`, `post_execute`). */
    preExecute: z.string(),
    postExecute: z.string(),
    /** Whether the task's return value is pushed as its XCom (Airflow's default: yes). */
    doXcomPush: z.boolean(),
    /** Airflow 2's SLA: how long after the run's start the task should be done. */
    sla: DurationText,
    /** This task sets up a resource that teardown tasks remove. */
    setup: z.boolean(),
    /** This task tears down what the given setup tasks created; it runs even when work fails. */
    teardown: z.object({ setups: z.array(z.string()), onFailureFailDagrun: z.boolean().optional() }).strict(),
  })
  .partial()
  .strict();
export type TaskOptions = z.infer<typeof TaskOptions>;

/** The options in force for a task; teardowns get the trigger rule Airflow gives them itself. */
export const EffectiveTaskOptions = TaskOptions.extend({ triggerRule: z.enum([...TRIGGER_RULES, "all_done_setup_success"]).optional() });
export type EffectiveTaskOptions = z.infer<typeof EffectiveTaskOptions>;

/** Defaults applied to many tasks (Airflow's `default_args`): per project, folder, DAG or group. */
export const TaskDefaults = TaskOptions.omit({ triggerRule: true, doc: true, displayName: true, setup: true, teardown: true });
export type TaskDefaults = z.infer<typeof TaskDefaults>;

/** A dependency on another task, recorded where `.then`, `.after` or `chain` made it. */
export const Upstream = z.object({
  /** The upstream task's id, or with `group`, a task group's id. */
  task: z.string(),
  group: z.literal(true).optional(),
  /** When it was declared, relative to the DAG's other dependencies: group dependencies expand in this order. */
  order: z.number().int().optional(),
  /** Set only when the upstream task belongs to another DAG, which validation rejects. */
  foreignDag: z.string().optional(),
  /** The edge's label in Airflow's graph view (`a >> Label("yes") >> b`). */
  label: z.string().optional(),
  location: Location,
});
export type Upstream = z.infer<typeof Upstream>;


/** Codes of diagnostics silenced on one task or DAG, each with why: "ACME001" or "DW504" to a reason. */
export const Suppressions = z.record(z.string(), z.string());

export const Task = z.object({
  /** The task's id as Airflow sees it: prefixed with its groups' ids, "group.subgroup.task". */
  id: z.string(),
  /** Assets the task reads (Airflow's inlets) and writes (outlets). */
  inputs: z.array(AssetRef).optional(),
  outputs: z.array(AssetRef).optional(),
  /** Asset aliases the task writes: which assets they stand for, it says when it runs. */
  outputAliases: z.array(z.string()).optional(),
  /** Models the task reads and writes, and metrics it reports. */
  modelInputs: z.array(ModelRef).optional(),
  modelOutputs: z.array(ModelRef).optional(),
  metrics: z.array(MetricRef).optional(),
  /** The task's step in an ML pipeline. */
  stage: z.enum(STAGES).optional(),
  /** The id of the task group it belongs to, if any. */
  group: z.string().optional(),
  /** Diagnostics silenced on this task: code to the reason. dagwright's alone; nothing of it reaches Airflow. */
  suppress: Suppressions.optional(),
  location: Location,
  config: TaskConfig,
  options: TaskOptions,
  upstream: z.array(Upstream),
}).strict();
export type Task = z.infer<typeof Task>;

/** A task group: tasks shown and linked together, with defaults of their own. */
export const Group = z
  .object({
    /** The full id, prefixed with its parents' ids. */
    id: z.string(),
    parent: z.string().optional(),
    location: Location,
    tooltip: z.string().optional(),
    defaults: TaskDefaults,
    /** A mapped group: one instance of all its tasks per value of each argument (the cross product when several are). */
    expand: z.record(z.string(), MappedValues).optional(),
    /** Dependencies of the whole group: its first tasks run after these. */
    upstream: z.array(Upstream),
  })
  .strict();
export type Group = z.infer<typeof Group>;

/** The JSON-schema types a param or an array item may have. */
export const PARAM_TYPES = ["string", "integer", "number", "boolean", "array", "object", "null"] as const;
export const ParamType = z.enum(PARAM_TYPES);
export type ParamType = z.infer<typeof ParamType>;

/** The formats Airflow's trigger form and its JSON-schema check know. */
export const PARAM_FORMATS = [
  "date", "date-time", "time", "multiline", "password", "email", "idn-email", "hostname", "idn-hostname", "ipv4", "ipv6",
  "uri", "uri-reference", "uri-template", "uuid", "regex", "duration", "json-pointer", "relative-json-pointer",
] as const;

/** JSON-schema keywords, as the IR keeps them (JSON Schema's own names). */
const schemaKeywords = {
  type: z.union([ParamType, z.array(ParamType)]).optional(),
  title: z.string().optional(),
  description: z.string().optional(),
  enum: z.array(JsonValue).optional(),
  const: JsonValue.optional(),
  examples: z.array(JsonValue).optional(),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
  exclusiveMinimum: z.number().optional(),
  exclusiveMaximum: z.number().optional(),
  multipleOf: z.number().optional(),
  minLength: z.number().optional(),
  maxLength: z.number().optional(),
  pattern: z.string().optional(),
  format: z.string().optional(),
  minItems: z.number().optional(),
  maxItems: z.number().optional(),
  uniqueItems: z.boolean().optional(),
};

/** The schema of an array param's items. */
export interface ParamItems {
  type?: ParamType | ParamType[];
  title?: string;
  description?: string;
  enum?: JsonValue[];
  const?: JsonValue;
  examples?: JsonValue[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  items?: ParamItems;
}
export const ParamItems: z.ZodType<ParamItems> = z.lazy(() => z.object({ ...schemaKeywords, items: ParamItems.optional() }).strict());

/**
 * A DAG parameter: an Airflow `Param`, its default and its JSON schema; with no type it takes
 * any JSON value. descriptionMd, section and valuesDisplay are Airflow's trigger-form keys
 * (description_md, section, values_display).
 */
export const Param = z
  .object({
    ...schemaKeywords,
    items: ParamItems.optional(),
    default: JsonValue.optional(),
    descriptionMd: z.string().optional(),
    section: z.string().optional(),
    valuesDisplay: z.record(z.string(), z.string()).optional(),
  })
  .strict();
export type Param = z.infer<typeof Param>;

/** Where a deadline counts from (Airflow's `DeadlineReference`). */
export const DeadlineReference = z.union([z.enum(["dagrunQueuedAt", "dagrunLogicalDate"]), z.object({ fixed: z.string() }).strict()]);

/** A deadline alert of a DAG run (Airflow 3.1+'s `DeadlineAlert`). */
export const Deadline = z
  .object({
    reference: DeadlineReference,
    interval: DurationText,
    /** An async function as "package.module:function", run in the triggerer when a run misses the deadline. */
    callback: z.string(),
    kwargs: z.record(z.string(), JsonValue).optional(),
  })
  .strict();
export type Deadline = z.infer<typeof Deadline>;

export const ORIENTATIONS = ["LR", "TB", "RL", "BT"] as const;

export const Dag = z.object({
  id: z.string(),
  location: Location,
  schedule: Schedule,
  /** The timetable of cron and period schedules that do not choose their own. */
  timetable: Timetable.optional(),
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
  displayName: z.string().optional(),
  /** Links shown for owners in Airflow's UI: owner name to an http(s) or mailto address. */
  ownerLinks: z.record(z.string(), z.string()).optional(),
  params: z.record(z.string(), Param).optional(),
  /** DAG-level callbacks as "package.module:function". */
  onFailure: z.string().optional(),
  onSuccess: z.string().optional(),
  /** The graph view's direction (Airflow 2's `orientation`). */
  orientation: z.enum(ORIENTATIONS).optional(),
  /** Deadline alerts of each run (Airflow 3.1+'s `deadline`). */
  deadline: z.array(Deadline).optional(),
  /** Diagnostics silenced on the DAG itself (not its tasks): code to the reason. */
  suppress: Suppressions.optional(),
  groups: z.array(Group),
  tasks: z.array(Task),
}).strict();
export type Dag = z.infer<typeof Dag>;

export { AIRFLOW_TARGETS };
export const AirflowTarget = z.enum(AIRFLOW_TARGETS);
export type AirflowTarget = z.infer<typeof AirflowTarget>;

/** How the OpenLineage export names jobs and links each one to its source. */
export const OpenLineageConfig = z
  .object({
    /** The job namespace: Airflow's `[openlineage] namespace`, whose default is "default". */
    namespace: z.string().min(1).optional(),
    /**
     * Where people read the sources: a URL with `{path}` (project-relative) and `{line}`, such as
     * "https://github.com/acme/pipelines/blob/main/{path}#L{line}".
     */
    sourceUrl: z
      .string()
      .refine((url) => url.includes("{path}"), "must contain {path}")
      .refine((url) => /^[A-Za-z][A-Za-z0-9+.-]*:/.test(url), "must be an absolute URL, such as https://...")
      .optional(),
    /** The source control system `sourceUrl` points into. @default "git" */
    sourceControl: z.string().min(1).optional(),
  })
  .strict();
export type OpenLineageConfig = z.infer<typeof OpenLineageConfig>;

/** Everything one compile knows: the DAGs of the project and what they are compiled for. */
export const Project = z.object({
  airflow: AirflowTarget,
  /** The timetable of cron and period schedules that choose none, from the configuration. */
  timetable: Timetable.optional(),
  /** Task defaults of every DAG in the project, from the configuration. */
  defaults: TaskDefaults.optional(),
  /** Task defaults of the DAGs whose modules sit in a folder of the source folder (relative paths). */
  folders: z.record(z.string(), TaskDefaults).optional(),
  /** Spark defaults and size profiles from the project configuration. */
  spark: SparkProjectConfig.optional(),
  openLineage: OpenLineageConfig.optional(),
  /** Where the configuration writes its defaults and each folder's, so rules can point there. */
  configLocations: z.object({ defaults: Location.optional(), folders: z.record(z.string(), Location).optional() }).optional(),
  /** The project's own Python as read from its source roots, when there are any (src/python/). */
  python: PythonIndex.optional(),
  /** The local paths Spark jobs name (application, pyFiles, files), relative to the project root, and whether each exists there. */
  localPaths: z.record(z.string(), z.boolean()).optional(),
  dags: z.array(Dag),
});
export type Project = z.infer<typeof Project>;
