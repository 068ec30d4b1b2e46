/**
 * A Spark job as Airflow's operator for its target: SparkSubmitOperator with the job's arguments
 * (the hook turns them into exactly the spec's spark-submit arguments), or SparkKubernetesOperator
 * carrying the SparkApplication inline, so the DAG file needs no other file at run time.
 */
import type { ResolvedTaskOf } from "../../../ir/resolved.js";
import type { EffectiveSparkJob } from "../../../ir/spark.js";
import { literal, type JsonLike } from "../../python/expr.js";
import { destined, DRIVER, EXECUTOR } from "../../spark/settings.js";
import { DEFAULT_SPARK_CONNECTION, sparkApplication, sparkConf } from "../../spark/index.js";
import { optionalLiteral, type EmitContext } from "../context.js";
import { elsewhere, emitFields, kw, type KeywordTable } from "../keywords.js";
import type { OperatorEmitter } from "./types.js";

const FROM_JOB = elsewhere("combined with the project's Spark defaults and profile into the effective job, which the target's arguments carry");

/** Every field of the effective job as SparkSubmitOperator arguments. */
const SUBMIT: KeywordTable<EffectiveSparkJob, keyof EffectiveSparkJob> = {
  target: (job) => [
    ...kw("conn_id", literal(job.target.kind === "submit" ? (job.target.connId ?? DEFAULT_SPARK_CONNECTION) : DEFAULT_SPARK_CONNECTION)),
    ...kw("deploy_mode", job.target.kind === "submit" ? optionalLiteral(job.target.deployMode) : undefined),
  ],
  application: (job) => kw("application", literal(job.application)),
  name: (job) => kw("name", literal(job.name)),
  mainClass: (job) => kw("java_class", optionalLiteral(job.mainClass)),
  args: (job) => kw("application_args", job.args.length ? literal(job.args) : undefined),
  // The user's conf with the typed resources spark-submit has no flag for (cores of the driver, overheads, dynamic allocation).
  conf: (job) => {
    const conf = sparkConf(job);
    return kw("conf", Object.keys(conf).length ? literal(conf) : undefined);
  },
  dynamicAllocation: elsewhere("Spark properties inside conf"),
  driver: (job) => flagKeywords(destined(DRIVER, job.driver)),
  executor: (job) => flagKeywords(destined(EXECUTOR, job.executor)),
  packages: (job) => kw("packages", list(job.packages)),
  jars: (job) => kw("jars", list(job.jars)),
  pyFiles: (job) => kw("py_files", list(job.pyFiles)),
  files: (job) => kw("files", list(job.files)),
  env: (job) => kw("env_vars", Object.keys(job.env).length ? literal(job.env) : undefined),
};

/** The order SparkSubmitOperator's arguments are written in. */
const SUBMIT_ORDER = [
  "conn_id",
  "application",
  "name",
  "java_class",
  "application_args",
  "conf",
  "driver_memory",
  "executor_memory",
  "executor_cores",
  "num_executors",
  "packages",
  "jars",
  "py_files",
  "files",
  "env_vars",
  "deploy_mode",
];

function flagKeywords(pairs: ReturnType<typeof destined>) {
  return pairs.flatMap(([destination, value]) => (destination.flag ? kw(destination.flag.airflow, literal(value)) : []));
}

function list(items: string[]) {
  return items.length ? literal(items.join(",")) : undefined;
}

function jobArguments(task: ResolvedTaskOf<"spark">, context: EmitContext) {
  const { job } = task.spark!;
  if (job.target.kind === "kubernetes") {
    return [
      ...kw("namespace", literal(job.target.namespace ?? "default")),
      ...kw("kubernetes_conn_id", optionalLiteral(job.target.connId)),
      ...kw("template_spec", literal(sparkApplication(task.dagId, task.id, job) as JsonLike)),
    ];
  }
  return emitFields(SUBMIT, job, context, SUBMIT_ORDER);
}

export const spark: OperatorEmitter<"spark"> = {
  operator: (task) => (task.spark!.job.target.kind === "kubernetes" ? "SparkKubernetesOperator" : "SparkSubmitOperator"),
  fields: {
    // One entry writes the job's arguments; the other fields are part of the job.
    application: jobArguments,
    mainClass: FROM_JOB,
    args: FROM_JOB,
    name: FROM_JOB,
    profile: FROM_JOB,
    settings: FROM_JOB,
  },
};
