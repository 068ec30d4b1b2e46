/** DW401-DW413: Spark jobs, checked on what they will really run with (defaults, profile and task combined). */
import { diagnose, optionAt, writtenAt, type Diagnostic } from "../../diagnostics/index.js";
import type { Location } from "../../ir/schema.js";
import type { EffectiveSparkJob } from "../../ir/spark.js";
import { memoryMib } from "../../values/memory.js";
import { DNS_LABEL, DNS_SUBDOMAIN } from "../../values/names.js";
import { about, type KindRule, type RuleContext, type TaskOf } from "../context.js";
import { KNOWN_SPARK_PROPERTIES, SPARK_PROPERTY_PREFIXES } from "../spark-properties.js";
import { closest } from "../suggest.js";

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

export const checkSpark: KindRule<"spark"> = (task, context) => {
  const job = task.spark!.job;
  const at = about(task);
  const location = task.ir.location;
  return [...checkProfile(task, context), ...checkApplication(job, at, location), ...checkResources(job, at, location), ...checkConf(job, at, location), ...checkTarget(job, at, location)];
};

type Where = ReturnType<typeof about>;

function checkProfile(task: TaskOf<"spark">, { project }: RuleContext): Diagnostic[] {
  const { profile } = task.ir.config;
  if (profile === undefined) return [];
  const profiles = Object.keys(project.ir.spark?.profiles ?? {});
  if (profiles.includes(profile)) return [];
  const suggestion = closest(profile, profiles, 3);
  return [diagnose("DW411", { ...about(task), profile, ...(suggestion ? { suggestion } : {}), profiles }, optionAt(task.ir.location, "profile"))];
}

function checkApplication(job: EffectiveSparkJob, at: Where, location: Location): Diagnostic[] {
  const path = job.application.split(/[?#]/)[0]!.toLowerCase();
  const kind = path.endsWith(".py") ? "python" : path.endsWith(".jar") ? "jar" : undefined;
  if (kind === undefined) return [diagnose("DW410", { ...at, application: job.application }, writtenAt(location, job.application, "application"))];
  if (kind === "jar" && job.mainClass === undefined) return [diagnose("DW409", { ...at, jarWithoutMain: job.application }, location)];
  if (kind === "python" && job.mainClass !== undefined) {
    return [diagnose("DW409", { ...at, pythonWithMain: { application: job.application, mainClass: job.mainClass } }, location)];
  }
  return [];
}

function checkResources(job: EffectiveSparkJob, at: Where, location: Location): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const memories: Array<[string, string | undefined]> = [
    ["driver.memory", job.driver.memory],
    ["driver.memoryOverhead", job.driver.memoryOverhead],
    ["executor.memory", job.executor.memory],
    ["executor.memoryOverhead", job.executor.memoryOverhead],
  ];
  for (const [field, value] of memories) {
    if (value !== undefined && memoryMib(value) === undefined) diagnostics.push(diagnose("DW401", { ...at, field, value }, writtenAt(location, value, ...field.split("."))));
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
    if (value !== undefined && !(Number.isInteger(value) && value >= min && value <= 100_000)) diagnostics.push(diagnose("DW402", { ...at, field, value, min }, writtenAt(location, value, ...field.split("."))));
  }
  const dynamic = job.dynamicAllocation;
  const dynamicByConf = String(job.conf["spark.dynamicAllocation.enabled"]).toLowerCase() === "true";
  if (job.executor.instances !== undefined && (dynamic || dynamicByConf)) diagnostics.push(diagnose("DW403", { ...at, instances: job.executor.instances }, writtenAt(location, job.executor.instances, "executor", "instances")));
  if (dynamic) {
    if (dynamic.max === undefined) diagnostics.push(diagnose("DW404", { ...at, noMax: true }, location));
    const ordered: Array<[string, number | undefined]> = [
      ["min", dynamic.min],
      ["initial", dynamic.initial],
      ["max", dynamic.max],
    ];
    const present = ordered.filter((entry): entry is [string, number] => entry[1] !== undefined);
    for (let i = 1; i < present.length; i++) {
      const low = present[i - 1]!;
      const high = present[i]!;
      if (low[1] > high[1]) diagnostics.push(diagnose("DW404", { ...at, low, high }, location));
    }
  }
  return diagnostics;
}

function checkConf(job: EffectiveSparkJob, at: Where, location: Location): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const key of Object.keys(job.conf)) {
    if (!key.startsWith("spark.")) {
      diagnostics.push(diagnose("DW405", { ...at, key }, optionAt(location, "conf", key)));
      continue;
    }
    const field = TYPED_FIELDS[key];
    if (field !== undefined) {
      diagnostics.push(diagnose("DW408", { ...at, key, field }, optionAt(location, "conf", key)));
      continue;
    }
    if (KNOWN.has(key) || SPARK_PROPERTY_PREFIXES.some((prefix) => key.startsWith(prefix))) continue;
    const suggestion = closest(key, KNOWN_SPARK_PROPERTIES, 2);
    const keyAt = optionAt(location, "conf", key);
    diagnostics.push(suggestion ? diagnose("DW406", { ...at, key, suggestion }, keyAt) : diagnose("DW407", { ...at, key }, keyAt));
  }
  return diagnostics;
}

function checkTarget(job: EffectiveSparkJob, at: Where, location: Location): Diagnostic[] {
  const { target } = job;
  if (target.kind !== "kubernetes") return [];
  const diagnostics: Diagnostic[] = [];
  const where = { ...at, as: "Spark task" as const };
  const missing = (["image", "sparkVersion"] as const).filter((field) => target[field] === undefined);
  if (missing.length) diagnostics.push(diagnose("DW412", { ...at, missing }, location));
  if (target.namespace !== undefined && !DNS_LABEL.test(target.namespace)) diagnostics.push(diagnose("DW413", { where, field: "namespace", value: target.namespace }, writtenAt(location, target.namespace, "target", "namespace")));
  if (target.serviceAccount !== undefined && !DNS_SUBDOMAIN.test(target.serviceAccount)) {
    diagnostics.push(diagnose("DW413", { where, field: "service account", value: target.serviceAccount }, writtenAt(location, target.serviceAccount, "target", "serviceAccount")));
  }
  return diagnostics;
}
