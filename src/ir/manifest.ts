/**
 * The manifest: the IR, published in `generated/manifest.json`, plus what compile wrote and
 * content hashes, so tools and people can see what exists and where it came from.
 */
import { z } from "zod";
import { AirflowTarget, Dag, EffectiveTaskOptions, OpenLineageConfig, Task, TaskDefaults, Timetable } from "./schema.js";
import { LINEAGE_NODE_KINDS, LINEAGE_RELATIONS } from "./lineage.js";
import { SparkProjectConfig } from "./spark.js";
import { PythonSource } from "./python.js";
import { SEVERITY_SETTINGS } from "./rules.js";

export const MANIFEST_FORMAT_VERSION = 1;

export const ManifestTask = Task.extend({
  /** The tasks it runs after, with dependencies on task groups expanded to their tasks. */
  upstreamTasks: z.array(z.string()),
  /** The labels of edges from upstream tasks, by upstream task id (group dependencies expanded), where they have one. */
  upstreamLabels: z.record(z.string(), z.string()).optional(),
  /** Every option in force: project, folder, DAG (and owner), group and task options, in that order. */
  effective: EffectiveTaskOptions,
  /** Where each effective option came from: "project", "folder:<path>", "dag", "group:<id>", "task" or "airflow" (Airflow's own rule). */
  effectiveFrom: z.record(z.string(), z.string()),
  /** The function of the project's Python the task calls, when dagwright read it: its module, name, file, line and a sha256 of its source. */
  python: PythonSource.optional(),
});

const Resources = z.object({
  /** Cores of the driver and all executors. */
  cores: z.number(),
  /** Memory of the driver and all executors, heap and overhead, in MiB. */
  memoryMib: z.number(),
});

export const ManifestSparkJob = z.object({
  dagId: z.string(),
  taskId: z.string(),
  target: z.enum(["submit", "kubernetes"]),
  /** The job spec, relative to the output folder. */
  spec: z.string(),
  /** The SparkApplication of a Kubernetes job, relative to the output folder. */
  sparkApplication: z.string().nullable(),
  requested: Resources,
});

export const ManifestDag = Dag.extend({
  tasks: z.array(ManifestTask),
  /** The most the DAG's Spark jobs request at once: jobs no dependency orders can run together. */
  sparkPeak: Resources.extend({ jobs: z.number(), exact: z.boolean() }).optional(),
  /** sha256 of the DAG's definition, ignoring source positions: it changes when what the DAG does changes. */
  definitionHash: z.string(),
  /** The generated Airflow file, relative to the output folder. */
  airflowFile: z.string(),
});

/** A dataset as OpenLineage names it, so a lineage backend can join it with run-time events. */
const OpenLineageDatasetName = z.object({ namespace: z.string(), name: z.string() });

export const GeneratedFile = z.object({
  path: z.string(),
  sha256: z.string(),
});

export const Manifest = z.object({
  formatVersion: z.literal(MANIFEST_FORMAT_VERSION),
  dagwrightVersion: z.string(),
  /** The TypeScript that type-checked the sources (the project's own or the one dagwright ships); null when compiled with --no-typecheck. */
  typecheck: z
    .object({
      typescript: z.string(),
      source: z.enum(["project", "bundled"]),
    })
    .nullable(),
  airflow: AirflowTarget,
  /** The timetable of cron and period schedules that choose none, from the configuration. */
  timetable: Timetable.optional(),
  /** Task defaults of the whole project and of folders, from the configuration. */
  defaults: TaskDefaults.optional(),
  folders: z.record(z.string(), TaskDefaults).optional(),
  /** The Spark defaults and size profiles of the configuration. */
  spark: SparkProjectConfig.optional(),
  /** How the OpenLineage export names jobs and links them to sources, from the configuration. */
  openLineage: OpenLineageConfig.optional(),
  dags: z.array(ManifestDag),
  /** Data lineage: every asset, its OpenLineage name, and the tasks and DAGs that write, read and wait for it. */
  lineage: z.object({
    assets: z.array(
      z.object({
        uri: z.string(),
        name: z.string().optional(),
        description: z.string().optional(),
        external: z.boolean(),
        openLineage: OpenLineageDatasetName,
        writers: z.array(z.string()),
        readers: z.array(z.string()),
        scheduledDags: z.array(z.string()),
      }),
    ),
    models: z.array(
      z.object({
        name: z.string(),
        registry: z.string().optional(),
        flavour: z.string().optional(),
        openLineage: OpenLineageDatasetName,
        writers: z.array(z.string()),
        readers: z.array(z.string()),
      }),
    ),
    metrics: z.array(
      z.object({ name: z.string(), direction: z.enum(["higher", "lower"]), threshold: z.number().optional(), reporters: z.array(z.string()) }),
    ),
    /** The whole graph: "dag:<id>", "task:<dag>.<task>", "asset:<uri>", "model:<name>" and "metric:<name>" nodes. */
    nodes: z.array(z.object({ id: z.string(), kind: z.enum(LINEAGE_NODE_KINDS) })),
    /** Downstream edges: writes, reads, reports, precedes (task dependencies), schedules (asset to DAG), starts (DAG to first tasks). */
    edges: z.array(
      z.object({ from: z.string(), to: z.string(), relation: z.enum(LINEAGE_RELATIONS) }),
    ),
  }),
  /** Every Spark job, with where its spec is and what it requests. */
  sparkJobs: z.array(ManifestSparkJob),
  /** The warnings the compile reported (a written manifest has no errors), for people and tools that read the manifest. */
  warnings: z.array(
    z.object({
      code: z.string(),
      /** A team rule's own code (ACME001) of a DW015 finding. */
      toolCode: z.string().optional(),
      message: z.string(),
      location: z.object({ file: z.string(), line: z.number(), column: z.number() }).nullable(),
      hint: z.string().nullable(),
    }),
  ),
  /** The team rules that ran (the config's `rules`), each with the severity in force. */
  rules: z
    .array(z.object({ code: z.string(), description: z.string(), severity: z.enum(SEVERITY_SETTINGS), file: z.string() }))
    .optional(),
  /** The diagnostics a task's or DAG's `suppress` silenced, with the reason given. */
  suppressed: z
    .array(
      z.object({
        code: z.string(),
        dag: z.string(),
        task: z.string().nullable(),
        reason: z.string(),
        message: z.string(),
        location: z.object({ file: z.string(), line: z.number(), column: z.number() }).nullable(),
      }),
    )
    .optional(),
  /** Every file compile wrote besides the manifest itself, with its content hash. */
  files: z.array(GeneratedFile),
});
export type Manifest = z.infer<typeof Manifest>;
export type ManifestDag = z.infer<typeof ManifestDag>;
