/**
 * The Spark back end: for every Spark task, the canonical job spec
 * `spark/<dag_id>/<task_id>.json` (everything spark-submit needs, in a fixed key order) and,
 * for the Kubernetes target, the SparkApplication `spark/<dag_id>/<task_id>.yaml`. The Airflow
 * back end builds its operators from the same functions, so the DAG file and the specs agree.
 */
import { createHash } from "node:crypto";
import { stringify } from "yaml";
import type { ResolvedProject, ResolvedSparkJob, SparkResources } from "../../ir/resolved.js";
import type { EffectiveSparkJob } from "../../ir/spark.js";
import { compareText } from "../../values/names.js";
import { fileSegment, type OutputFile } from "../files.js";
import { destined, DRIVER, DYNAMIC_ALLOCATION, EXECUTOR } from "./settings.js";

export const SPARK_SPEC_FORMAT_VERSION = 1;
/** Airflow's default connections of the Spark and Kubernetes providers. */
export const DEFAULT_SPARK_CONNECTION = "spark_default";
const DEFAULT_KUBERNETES_CONNECTION = "kubernetes_default";

export function specPath(dagId: string, taskId: string, extension: "json" | "yaml"): string {
  return `spark/${fileSegment(dagId)}/${fileSegment(taskId)}.${extension}`;
}

export function emitSpark(project: ResolvedProject): OutputFile[] {
  const jobs = project.sparkJobs;
  if (jobs.length === 0) return [];
  return [
    airflowIgnore(jobs),
    ...jobs.flatMap((spark) => {
      const { dagId, taskId, job } = spark;
      const files: OutputFile[] = [{ path: specPath(dagId, taskId, "json"), contents: JSON.stringify(jobSpec(spark), null, 2) + "\n" }];
      if (job.target.kind === "kubernetes") files.push({ path: specPath(dagId, taskId, "yaml"), contents: sparkApplicationYaml(dagId, taskId, job) });
      return files;
    }),
  ];
}

/**
 * `spark/.airflowignore`, for deployments that sync all of the output folder to Airflow: it
 * names each DAG's spec folder, which both of Airflow's ignore syntaxes (regexp on 2.x, glob on
 * 3.x) then skip. DAG ids hold no glob characters, and a regexp's wider match only ever covers
 * paths inside spark/, which hold no DAG files.
 */
function airflowIgnore(jobs: readonly ResolvedSparkJob[]): OutputFile {
  const dagIds = [...new Set(jobs.map(({ dagId }) => fileSegment(dagId)))].sort(compareText);
  return {
    path: "spark/.airflowignore",
    contents: `# Written by dagwright: Spark job specs, not DAG files.\n${dagIds.join("\n")}\n`,
  };
}

/** Spark's properties hold strings: booleans as "true"/"false", numbers as written. */
function confText(value: string | number | boolean): string {
  return typeof value === "string" ? value : String(value);
}

/** The job's own `conf`, as Spark reads properties: strings. */
function userConf(job: EffectiveSparkJob): Record<string, string> {
  return Object.fromEntries(Object.entries(job.conf).map(([key, value]) => [key, confText(value)]));
}

/** The Spark properties of the typed resources that spark-submit has no flag for. */
function typedConf(job: EffectiveSparkJob): Record<string, string> {
  const conf: Record<string, string> = {};
  for (const [destination, value] of [...destined(DRIVER, job.driver), ...destined(EXECUTOR, job.executor)]) {
    if (destination.conf !== undefined) conf[destination.conf] = String(value);
  }
  if (job.dynamicAllocation) {
    conf["spark.dynamicAllocation.enabled"] = "true";
    for (const [destination, value] of destined(DYNAMIC_ALLOCATION, job.dynamicAllocation)) conf[destination.conf!] = String(value);
  }
  return conf;
}

/**
 * The Spark properties a job sets beyond what spark-submit has flags for: the user's `conf`,
 * plus the typed resources that have no flag of their own. Sorted by key.
 */
export function sparkConf(job: EffectiveSparkJob): Record<string, string> {
  return sortedRecord({ ...userConf(job), ...typedConf(job) });
}

/** The typed resources that spark-submit takes as flags, by flag. */
function flagValues(job: EffectiveSparkJob): Map<string, string> {
  const values = new Map<string, string>();
  for (const [destination, value] of [...destined(DRIVER, job.driver), ...destined(EXECUTOR, job.executor)]) {
    if (destination.flag !== undefined) values.set(destination.flag.flag, String(value));
  }
  return values;
}

/** The resource flags in the order Airflow's SparkSubmitHook writes them. */
const HOOK_FLAG_ORDER = ["--num-executors", "--executor-cores", "--executor-memory", "--driver-memory"];

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
  const flags = flagValues(job);
  for (const flag of flags.keys()) if (!HOOK_FLAG_ORDER.includes(flag)) throw new Error(`no place for ${flag} in spark-submit's arguments`);
  for (const flag of HOOK_FLAG_ORDER) if (flags.has(flag)) args.push(flag, flags.get(flag)!);
  args.push("--name", job.name);
  if (job.mainClass !== undefined) args.push("--class", job.mainClass);
  if (job.target.kind === "submit" && job.target.deployMode !== undefined) args.push("--deploy-mode", job.target.deployMode);
  args.push(job.application, ...job.args);
  return args;
}

/** The canonical job spec: every key always present, in this order. */
export function jobSpec({ dagId, taskId, job, requested }: ResolvedSparkJob): object {
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
    requested,
    sparkSubmit: sparkSubmitArguments(job),
  };
}

/** The Kubernetes SparkApplication (sparkoperator.k8s.io/v1beta2) of a Kubernetes-target job. */
export function sparkApplication(dagId: string, taskId: string, job: EffectiveSparkJob): Record<string, unknown> {
  if (job.target.kind !== "kubernetes") throw new Error("not a Kubernetes Spark job");
  const { target } = job;
  const python = job.application.toLowerCase().endsWith(".py");
  const fields = (pairs: ReturnType<typeof destined>) => Object.fromEntries(pairs.map(([destination, value]) => [destination.sparkApplication, value]));
  const env = Object.entries(sortedRecord(job.env)).map(([name, value]) => ({ name, value }));
  const deps = {
    ...(job.packages.length ? { packages: job.packages } : {}),
    ...(job.jars.length ? { jars: job.jars } : {}),
    ...(job.pyFiles.length ? { pyFiles: job.pyFiles } : {}),
    ...(job.files.length ? { files: job.files } : {}),
  };
  // The SparkApplication has fields of its own for the typed resources: only the user's conf goes in sparkConf.
  const conf = sortedRecord(userConf(job));
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
        ...fields(destined(DRIVER, job.driver)),
        ...(target.serviceAccount !== undefined ? { serviceAccount: target.serviceAccount } : {}),
        ...(env.length ? { env } : {}),
      },
      executor: fields(destined(EXECUTOR, job.executor)),
      ...(dynamic
        ? {
            dynamicAllocation: { enabled: true, ...fields(destined(DYNAMIC_ALLOCATION, dynamic)) },
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

function sortedRecord(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareText(a, b)));
}

export type { SparkResources };
