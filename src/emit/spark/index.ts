/**
 * The Spark back end: for every Spark task, the canonical job spec
 * `spark/<dag_id>/<task_id>.json` (everything spark-submit needs, in a fixed key order) and,
 * for the Kubernetes target, the SparkApplication `spark/<dag_id>/<task_id>.yaml`. The Airflow
 * back end builds its operators from the same functions, so the DAG file and the specs agree.
 */
import { createHash } from "node:crypto";
import { stringify } from "yaml";
import type { Dag, Project, Task } from "../../ir/schema.js";
import { DEFAULT_SPARK_CONNECTION, effectiveSparkJob, memoryMib, type EffectiveSparkJob, type SparkJobConfig } from "../../ir/spark.js";
import type { OutputFile } from "../files.js";

export const SPARK_SPEC_FORMAT_VERSION = 1;
const DEFAULT_KUBERNETES_CONNECTION = "kubernetes_default";

export interface SparkTask {
  dag: Dag;
  task: Task & { config: SparkJobConfig };
  job: EffectiveSparkJob;
}

/** Every Spark task of the project with its effective job, in DAG and task order. */
export function sparkTasks(project: Project): SparkTask[] {
  return project.dags.flatMap((dag) =>
    dag.tasks.flatMap((task) =>
      task.config.kind === "spark"
        ? [{ dag, task: task as SparkTask["task"], job: effectiveSparkJob(project.spark, dag.id, task.id, task.config) }]
        : [],
    ),
  );
}

export function specPath(dagId: string, taskId: string, extension: "json" | "yaml"): string {
  return `spark/${dagId}/${taskId}.${extension}`;
}

export function emitSpark(project: Project): OutputFile[] {
  const jobs = sparkTasks(project);
  if (jobs.length === 0) return [];
  return [airflowIgnore(jobs), ...jobs.flatMap(({ dag, task, job }) => {
    const files: OutputFile[] = [
      { path: specPath(dag.id, task.id, "json"), contents: JSON.stringify(jobSpec(dag.id, task.id, job), null, 2) + "\n" },
    ];
    if (job.target.kind === "kubernetes") {
      files.push({ path: specPath(dag.id, task.id, "yaml"), contents: sparkApplicationYaml(dag.id, task.id, job) });
    }
    return files;
  })];
}

/**
 * `spark/.airflowignore`, for deployments that sync all of the output folder to Airflow: it
 * names each DAG's spec folder, which both of Airflow's ignore syntaxes (regexp on 2.x, glob on
 * 3.x) then skip. DAG ids hold no glob characters, and a regexp's wider match only ever covers
 * paths inside spark/, which hold no DAG files.
 */
function airflowIgnore(jobs: readonly SparkTask[]): OutputFile {
  const dagIds = [...new Set(jobs.map(({ dag }) => dag.id))].sort();
  return {
    path: "spark/.airflowignore",
    contents: `# Written by dagwright: Spark job specs, not DAG files.\n${dagIds.join("\n")}\n`,
  };
}

/** Spark's properties hold strings: booleans as "true"/"false", numbers as written. */
function confText(value: string | number | boolean): string {
  return typeof value === "string" ? value : String(value);
}

/**
 * The Spark properties a job sets beyond what spark-submit has flags for: the user's `conf`,
 * plus the typed resources that have no flag of their own. Sorted by key.
 */
export function sparkConf(job: EffectiveSparkJob): Record<string, string> {
  const conf: Record<string, string> = {};
  for (const [key, value] of Object.entries(job.conf)) conf[key] = confText(value);
  if (job.driver.cores !== undefined) conf["spark.driver.cores"] = String(job.driver.cores);
  if (job.driver.memoryOverhead !== undefined) conf["spark.driver.memoryOverhead"] = job.driver.memoryOverhead;
  if (job.executor.memoryOverhead !== undefined) conf["spark.executor.memoryOverhead"] = job.executor.memoryOverhead;
  const dynamic = job.dynamicAllocation;
  if (dynamic) {
    conf["spark.dynamicAllocation.enabled"] = "true";
    if (dynamic.min !== undefined) conf["spark.dynamicAllocation.minExecutors"] = String(dynamic.min);
    if (dynamic.initial !== undefined) conf["spark.dynamicAllocation.initialExecutors"] = String(dynamic.initial);
    if (dynamic.max !== undefined) conf["spark.dynamicAllocation.maxExecutors"] = String(dynamic.max);
  }
  return Object.fromEntries(Object.entries(conf).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * spark-submit's arguments for the job, in the order Airflow's SparkSubmitHook builds them,
 * without `--master` (the Airflow connection, or the caller, supplies it).
 */
export function sparkSubmitArguments(job: EffectiveSparkJob): string[] {
  const args: string[] = [];
  for (const [key, value] of Object.entries(sparkConf(job))) args.push("--conf", `${key}=${value}`);
  if (job.files.length) args.push("--files", job.files.join(","));
  if (job.pyFiles.length) args.push("--py-files", job.pyFiles.join(","));
  if (job.jars.length) args.push("--jars", job.jars.join(","));
  if (job.packages.length) args.push("--packages", job.packages.join(","));
  if (job.executor.instances !== undefined) args.push("--num-executors", String(job.executor.instances));
  if (job.executor.cores !== undefined) args.push("--executor-cores", String(job.executor.cores));
  if (job.executor.memory !== undefined) args.push("--executor-memory", job.executor.memory);
  if (job.driver.memory !== undefined) args.push("--driver-memory", job.driver.memory);
  args.push("--name", job.name);
  if (job.mainClass !== undefined) args.push("--class", job.mainClass);
  if (job.target.kind === "submit" && job.target.deployMode !== undefined) args.push("--deploy-mode", job.target.deployMode);
  args.push(job.application, ...job.args);
  return args;
}

/** The canonical job spec: every key always present, in this order. */
export function jobSpec(dagId: string, taskId: string, job: EffectiveSparkJob): object {
  const { target } = job;
  return {
    formatVersion: SPARK_SPEC_FORMAT_VERSION,
    dagId,
    taskId,
    name: job.name,
    application: job.application,
    mainClass: job.mainClass ?? null,
    args: job.args,
    target:
      target.kind === "submit"
        ? { kind: "submit", connId: target.connId ?? DEFAULT_SPARK_CONNECTION, deployMode: target.deployMode ?? null }
        : {
            kind: "kubernetes",
            connId: target.connId ?? DEFAULT_KUBERNETES_CONNECTION,
            namespace: target.namespace ?? "default",
            image: target.image ?? null,
            serviceAccount: target.serviceAccount ?? null,
            sparkVersion: target.sparkVersion ?? null,
            sparkApplication: specPath(dagId, taskId, "yaml"),
          },
    driver: { memory: job.driver.memory ?? null, cores: job.driver.cores ?? null, memoryOverhead: job.driver.memoryOverhead ?? null },
    executor: {
      memory: job.executor.memory ?? null,
      cores: job.executor.cores ?? null,
      memoryOverhead: job.executor.memoryOverhead ?? null,
      instances: job.executor.instances ?? null,
    },
    dynamicAllocation: job.dynamicAllocation
      ? { min: job.dynamicAllocation.min ?? null, initial: job.dynamicAllocation.initial ?? null, max: job.dynamicAllocation.max ?? null }
      : null,
    conf: sparkConf(job),
    packages: job.packages,
    jars: job.jars,
    pyFiles: job.pyFiles,
    files: job.files,
    env: sortedRecord(job.env),
    requested: requestedResources(job),
    sparkSubmit: sparkSubmitArguments(job),
  };
}

/** The Kubernetes SparkApplication (sparkoperator.k8s.io/v1beta2) of a Kubernetes-target job. */
export function sparkApplication(dagId: string, taskId: string, job: EffectiveSparkJob): Record<string, unknown> {
  if (job.target.kind !== "kubernetes") throw new Error("not a Kubernetes Spark job");
  const { target } = job;
  const python = job.application.toLowerCase().endsWith(".py");
  const pod = (resources: EffectiveSparkJob["driver"]) => ({
    ...(resources.cores !== undefined ? { cores: resources.cores } : {}),
    ...(resources.memory !== undefined ? { memory: resources.memory } : {}),
    ...(resources.memoryOverhead !== undefined ? { memoryOverhead: resources.memoryOverhead } : {}),
  });
  const env = Object.entries(sortedRecord(job.env)).map(([name, value]) => ({ name, value }));
  const deps = {
    ...(job.packages.length ? { packages: job.packages } : {}),
    ...(job.jars.length ? { jars: job.jars } : {}),
    ...(job.pyFiles.length ? { pyFiles: job.pyFiles } : {}),
    ...(job.files.length ? { files: job.files } : {}),
  };
  const conf = Object.fromEntries(
    Object.entries(sparkConf(job)).filter(([key]) => !key.startsWith("spark.dynamicAllocation.") && !/^spark\.(driver|executor)\.(cores|memoryOverhead)$/.test(key)),
  );
  const dynamic = job.dynamicAllocation;
  return {
    apiVersion: "sparkoperator.k8s.io/v1beta2",
    kind: "SparkApplication",
    metadata: { name: kubernetesName(dagId, taskId), namespace: target.namespace ?? "default", labels: { "dagwright.dev/dag-id": labelValue(dagId), "dagwright.dev/task-id": labelValue(taskId) } },
    spec: {
      type: python ? "Python" : "Scala",
      ...(python ? { pythonVersion: "3" } : {}),
      mode: "cluster",
      image: target.image,
      sparkVersion: target.sparkVersion,
      mainApplicationFile: job.application,
      ...(job.mainClass !== undefined ? { mainClass: job.mainClass } : {}),
      arguments: job.args,
      ...(Object.keys(conf).length ? { sparkConf: conf } : {}),
      ...(Object.keys(deps).length ? { deps } : {}),
      // Airflow owns retries; the operator must not restart the application behind its back.
      restartPolicy: { type: "Never" },
      driver: {
        ...pod(job.driver),
        ...(target.serviceAccount !== undefined ? { serviceAccount: target.serviceAccount } : {}),
        ...(env.length ? { env } : {}),
      },
      executor: { ...pod(job.executor), ...(job.executor.instances !== undefined ? { instances: job.executor.instances } : {}) },
      ...(dynamic
        ? {
            dynamicAllocation: {
              enabled: true,
              ...(dynamic.initial !== undefined ? { initialExecutors: dynamic.initial } : {}),
              ...(dynamic.min !== undefined ? { minExecutors: dynamic.min } : {}),
              ...(dynamic.max !== undefined ? { maxExecutors: dynamic.max } : {}),
            },
          }
        : {}),
    },
  };
}

function sparkApplicationYaml(dagId: string, taskId: string, job: EffectiveSparkJob): string {
  const header = `# Generated by dagwright from DAG "${dagId}", task "${taskId}". Do not edit.\n`;
  return header + stringify(sparkApplication(dagId, taskId, job), { lineWidth: 0, sortMapEntries: false });
}

/** A DNS-1123 name for the SparkApplication: lower case, at most 40 characters, unique per task. */
export function kubernetesName(dagId: string, taskId: string): string {
  const base = `${dagId}-${taskId}`.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/-+/g, "-").replace(/^-|-$/g, "");
  if (base.length <= 40 && base === `${dagId}-${taskId}`) return base;
  const hash = createHash("sha256").update(`${dagId}\u0000${taskId}`).digest("hex").slice(0, 8);
  return `${base.slice(0, 31).replace(/-$/, "")}-${hash}`;
}

/** A Kubernetes label value: at most 63 characters of [A-Za-z0-9_.-], starting and ending alphanumeric. */
function labelValue(id: string): string {
  return id.replace(/[^A-Za-z0-9_.-]/g, "_").slice(0, 63).replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, "") || "x";
}

export interface RequestedResources {
  /** Cores of the driver and all executors (at the most executors with dynamic allocation). */
  cores: number;
  /** Memory of the driver and all executors, heap and overhead, in MiB. */
  memoryMib: number;
}

/**
 * What the job asks the cluster for at most. Memory counts the overhead as Spark computes it
 * by default: 10% of the heap, at least 384 MiB. Unset values take Spark's defaults: 1 core,
 * 1g of heap, 2 executors.
 */
export function requestedResources(job: EffectiveSparkJob): RequestedResources {
  const heap = (memory: string | undefined) => (memory === undefined ? 1024 : (memoryMib(memory) ?? 0));
  const overhead = (memory: string | undefined, explicit: string | undefined) =>
    explicit !== undefined ? (memoryMib(explicit) ?? 0) : Math.max(384, Math.floor(heap(memory) * 0.1));
  const executors = job.dynamicAllocation?.max ?? job.executor.instances ?? 2;
  const driverMemory = heap(job.driver.memory) + overhead(job.driver.memory, job.driver.memoryOverhead);
  const executorMemory = heap(job.executor.memory) + overhead(job.executor.memory, job.executor.memoryOverhead);
  return {
    cores: (job.driver.cores ?? 1) + executors * (job.executor.cores ?? 1),
    memoryMib: Math.round(driverMemory + executors * executorMemory),
  };
}

function sortedRecord(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
