/** DW401-DW413: Spark jobs, checked on what they will really run with (defaults, profile and task combined). */
import type { Diagnostic } from "../ir/diagnostic.js";
import type { Dag, Project } from "../ir/schema.js";
import { effectiveSparkJob, memoryMib, type EffectiveSparkJob, type SparkJobConfig } from "../ir/spark.js";
import { diagnose, q } from "./diagnose.js";
import { DNS_LABEL, DNS_SUBDOMAIN } from "./patterns.js";
import { KNOWN_SPARK_PROPERTIES, SPARK_PROPERTY_PREFIXES } from "./spark-properties.js";
import { closest } from "./suggest.js";

const KNOWN = new Set(KNOWN_SPARK_PROPERTIES);

/** Spark properties that a typed field of the job already sets. */
const TYPED_FIELDS: Record<string, string> = {
  "spark.app.name": "name",
  "spark.driver.memory": "driver.memory",
  "spark.driver.cores": "driver.cores",
  "spark.driver.memoryOverhead": "driver.memoryOverhead",
  "spark.executor.memory": "executor.memory",
  "spark.executor.cores": "executor.cores",
  "spark.executor.memoryOverhead": "executor.memoryOverhead",
  "spark.executor.instances": "executor.instances",
  "spark.dynamicAllocation.enabled": "dynamicAllocation",
  "spark.dynamicAllocation.minExecutors": "dynamicAllocation.min",
  "spark.dynamicAllocation.initialExecutors": "dynamicAllocation.initial",
  "spark.dynamicAllocation.maxExecutors": "dynamicAllocation.max",
  "spark.jars": "jars",
  "spark.jars.packages": "packages",
  "spark.submit.pyFiles": "pyFiles",
  "spark.files": "files",
  "spark.kubernetes.container.image": "target.image",
  "spark.kubernetes.namespace": "target.namespace",
};


export function checkSpark(project: Project, dag: Dag): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const task of dag.tasks) {
    if (task.config.kind !== "spark") continue;
    const config = task.config;
    const job = effectiveSparkJob(project.spark, dag.id, task.id, config);
    const report = (code: Parameters<typeof diagnose>[0], message: string, hint?: string) =>
      diagnostics.push(diagnose(code, `Spark task ${q(task.id)} of DAG ${q(dag.id)}: ${message}`, task.location, hint ? { hint } : {}));
    checkProfile(project, config, report);
    checkApplication(job, report);
    checkResources(job, report);
    checkConf(job, report);
    checkTarget(job, report);
  }
  return diagnostics;
}

type Report = (code: Parameters<typeof diagnose>[0], message: string, hint?: string) => void;

function checkProfile(project: Project, config: SparkJobConfig, report: Report): void {
  if (config.profile === undefined) return;
  const profiles = Object.keys(project.spark?.profiles ?? {});
  if (profiles.includes(config.profile)) return;
  const suggestion = closest(config.profile, profiles, 3);
  report(
    "DW411",
    `size profile ${q(config.profile)} is not defined${suggestion ? `; did you mean ${q(suggestion)}?` : ""}`,
    profiles.length ? `defined profiles: ${profiles.join(", ")}` : "define it under spark.profiles in dagwright.config.ts",
  );
}

function checkApplication(job: EffectiveSparkJob, report: Report): void {
  const path = job.application.split(/[?#]/)[0]!.toLowerCase();
  const kind = path.endsWith(".py") ? "python" : path.endsWith(".jar") ? "jar" : undefined;
  if (kind === undefined) {
    report("DW410", `application ${q(job.application)} is neither a .py file nor a .jar`);
  } else if (kind === "jar" && job.mainClass === undefined) {
    report("DW409", `application ${q(job.application)} is a jar but no mainClass is given`, "add mainClass: \"com.example.Main\"");
  } else if (kind === "python" && job.mainClass !== undefined) {
    report("DW409", `mainClass ${q(job.mainClass)} is given for the Python application ${q(job.application)}`, "remove mainClass; it is only for jars");
  }
}

function checkResources(job: EffectiveSparkJob, report: Report): void {
  const memories: Array<[string, string | undefined]> = [
    ["driver.memory", job.driver.memory],
    ["driver.memoryOverhead", job.driver.memoryOverhead],
    ["executor.memory", job.executor.memory],
    ["executor.memoryOverhead", job.executor.memoryOverhead],
  ];
  for (const [field, value] of memories) {
    if (value !== undefined && memoryMib(value) === undefined) report("DW401", `${field} ${q(value)} is not a memory size`);
  }
  const counts: Array<[string, number | undefined, number]> = [
    ["driver.cores", job.driver.cores, 1],
    ["executor.cores", job.executor.cores, 1],
    ["executor.instances", job.executor.instances, 1],
    ["dynamicAllocation.min", job.dynamicAllocation?.min, 0],
    ["dynamicAllocation.initial", job.dynamicAllocation?.initial, 0],
    ["dynamicAllocation.max", job.dynamicAllocation?.max, 1],
  ];
  for (const [field, value, min] of counts) {
    if (value !== undefined && !(Number.isInteger(value) && value >= min && value <= 100_000)) {
      report("DW402", `${field} is ${value}; it must be a whole number, ${min} or more`);
    }
  }
  const dynamic = job.dynamicAllocation;
  const dynamicByConf = String(job.conf["spark.dynamicAllocation.enabled"]).toLowerCase() === "true";
  if (job.executor.instances !== undefined && (dynamic || dynamicByConf)) {
    report(
      "DW403",
      `executor.instances (${job.executor.instances}) fixes the number of executors, but dynamic allocation is on`,
      "keep one: executor.instances for a fixed size, or dynamicAllocation { min, max } to scale",
    );
  }
  if (dynamic) {
    if (dynamic.max === undefined) {
      report("DW404", "dynamicAllocation has no max, so the job could take the whole cluster", "add dynamicAllocation.max");
    }
    const ordered: Array<[string, number | undefined]> = [
      ["min", dynamic.min],
      ["initial", dynamic.initial],
      ["max", dynamic.max],
    ];
    const present = ordered.filter((entry): entry is [string, number] => entry[1] !== undefined);
    for (let i = 1; i < present.length; i++) {
      const [lowName, low] = present[i - 1]!;
      const [highName, high] = present[i]!;
      if (low > high) report("DW404", `dynamicAllocation.${lowName} (${low}) is greater than dynamicAllocation.${highName} (${high})`, "keep min <= initial <= max");
    }
  }
}

function checkConf(job: EffectiveSparkJob, report: Report): void {
  for (const key of Object.keys(job.conf)) {
    if (!key.startsWith("spark.")) {
      report("DW405", `conf key ${q(key)} is not a Spark property (they start with "spark.")`, "Spark ignores other keys; for Hadoop settings use spark.hadoop.<key>");
      continue;
    }
    const typed = TYPED_FIELDS[key];
    if (typed !== undefined) {
      report("DW408", `conf key ${q(key)} sets what the typed field ${typed} is for`, `use ${typed} instead of conf[${q(key)}]`);
      continue;
    }
    if (KNOWN.has(key) || SPARK_PROPERTY_PREFIXES.some((prefix) => key.startsWith(prefix))) continue;
    const suggestion = closest(key, KNOWN_SPARK_PROPERTIES, 2);
    if (suggestion) {
      report("DW406", `conf key ${q(key)} is not a Spark property; did you mean ${q(suggestion)}?`, `Spark silently ignores unknown properties; write ${q(suggestion)}`);
    } else {
      report("DW407", `conf key ${q(key)} is not a property this Spark version defines`, "check the spelling; a plugin's own property is fine, but Spark ignores misspelled ones silently");
    }
  }
}

function checkTarget(job: EffectiveSparkJob, report: Report): void {
  const { target } = job;
  if (target.kind !== "kubernetes") return;
  const missing = (["image", "sparkVersion"] as const).filter((field) => target[field] === undefined);
  if (missing.length) {
    report("DW412", `the Kubernetes target needs ${missing.map((field) => `target.${field}`).join(" and ")}`, "set them on the task, its profile or spark.defaults.target");
  }
  if (target.namespace !== undefined && !DNS_LABEL.test(target.namespace)) {
    report("DW413", `namespace ${q(target.namespace)} is not a valid Kubernetes name`, "use lower-case letters, digits and '-', at most 63 characters");
  }
  if (target.serviceAccount !== undefined && !DNS_SUBDOMAIN.test(target.serviceAccount)) {
    report("DW413", `service account ${q(target.serviceAccount)} is not a valid Kubernetes name`, "use lower-case letters, digits, '-' and '.'");
  }
}
