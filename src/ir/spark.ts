/**
 * Spark jobs in the IR: the settings a task, a project default or a named size profile can
 * give, and how they combine into the effective job every back end reads.
 */
import { z } from "zod";

/** A JVM memory size as written, for example "512m" or "4g". */
export const MemoryText = z.string();

export const SparkDriver = z
  .object({ memory: MemoryText.optional(), cores: z.number().optional(), memoryOverhead: MemoryText.optional() })
  .strict();
export type SparkDriver = z.infer<typeof SparkDriver>;

export const SparkExecutor = SparkDriver.extend({ instances: z.number().optional() }).strict();
export type SparkExecutor = z.infer<typeof SparkExecutor>;

export const DynamicAllocation = z
  .object({ min: z.number().optional(), initial: z.number().optional(), max: z.number().optional() })
  .strict();
export type DynamicAllocation = z.infer<typeof DynamicAllocation>;

export const SubmitTarget = z
  .object({
    kind: z.literal("submit"),
    /** The Airflow connection that says where to submit (master) and how. */
    connId: z.string().optional(),
    deployMode: z.enum(["client", "cluster"]).optional(),
  })
  .strict();

export const KubernetesTarget = z
  .object({
    kind: z.literal("kubernetes"),
    image: z.string().optional(),
    namespace: z.string().optional(),
    serviceAccount: z.string().optional(),
    sparkVersion: z.string().optional(),
    /** The Airflow connection to the Kubernetes cluster. */
    connId: z.string().optional(),
  })
  .strict();

export const SparkTarget = z.discriminatedUnion("kind", [SubmitTarget, KubernetesTarget]);
export type SparkTarget = z.infer<typeof SparkTarget>;

export const SparkConfValue = z.union([z.string(), z.number(), z.boolean()]);

/** What a job, the project's defaults or a size profile may set; every field optional. */
export const SparkSettings = z
  .object({
    driver: SparkDriver.optional(),
    executor: SparkExecutor.optional(),
    dynamicAllocation: DynamicAllocation.optional(),
    conf: z.record(z.string(), SparkConfValue).optional(),
    packages: z.array(z.string()).optional(),
    jars: z.array(z.string()).optional(),
    pyFiles: z.array(z.string()).optional(),
    files: z.array(z.string()).optional(),
    env: z.record(z.string(), z.string()).optional(),
    target: SparkTarget.optional(),
  })
  .strict();
export type SparkSettings = z.infer<typeof SparkSettings>;

/** The project-wide part of Spark configuration, from dagwright.config.ts. */
export const SparkProjectConfig = z
  .object({
    defaults: SparkSettings.optional(),
    profiles: z.record(z.string(), SparkSettings).optional(),
  })
  .strict();
export type SparkProjectConfig = z.infer<typeof SparkProjectConfig>;

/** A Spark task's own definition: the application and the settings it overrides. */
export const SparkJobConfig = z
  .object({
    kind: z.literal("spark"),
    application: z.string(),
    mainClass: z.string().optional(),
    args: z.array(z.string()).optional(),
    name: z.string().optional(),
    profile: z.string().optional(),
    settings: SparkSettings,
  })
  .strict();
export type SparkJobConfig = z.infer<typeof SparkJobConfig>;

/** A Spark job with the project's defaults, its profile and its own settings combined. */
export interface EffectiveSparkJob {
  name: string;
  application: string;
  mainClass?: string;
  args: string[];
  driver: SparkDriver;
  executor: SparkExecutor;
  dynamicAllocation?: DynamicAllocation;
  conf: Record<string, string | number | boolean>;
  packages: string[];
  jars: string[];
  pyFiles: string[];
  files: string[];
  env: Record<string, string>;
  target: SparkTarget;
}

export const DEFAULT_SPARK_CONNECTION = "spark_default";

/**
 * Combine project defaults, then the job's profile, then the job's own settings, field by field:
 * a later level overrides single fields of `driver`, `executor`, `dynamicAllocation`, `conf`,
 * `env` and a target of the same kind, and replaces lists and a target of another kind.
 */
export function effectiveSparkJob(project: SparkProjectConfig | undefined, dagId: string, taskId: string, job: SparkJobConfig): EffectiveSparkJob {
  const levels = [project?.defaults, job.profile === undefined ? undefined : project?.profiles?.[job.profile], job.settings].filter(
    (level): level is SparkSettings => level !== undefined,
  );
  const merged: SparkSettings = {};
  for (const level of levels) {
    merged.driver = { ...merged.driver, ...level.driver };
    merged.executor = { ...merged.executor, ...level.executor };
    if (level.dynamicAllocation) merged.dynamicAllocation = { ...merged.dynamicAllocation, ...level.dynamicAllocation };
    merged.conf = { ...merged.conf, ...level.conf };
    merged.env = { ...merged.env, ...level.env };
    for (const list of ["packages", "jars", "pyFiles", "files"] as const) if (level[list]) merged[list] = [...level[list]];
    if (level.target) merged.target = merged.target?.kind === level.target.kind ? ({ ...merged.target, ...level.target } as SparkTarget) : level.target;
  }
  return {
    name: job.name ?? `${dagId}.${taskId}`,
    application: job.application,
    ...(job.mainClass === undefined ? {} : { mainClass: job.mainClass }),
    args: job.args ?? [],
    driver: merged.driver ?? {},
    executor: merged.executor ?? {},
    ...(merged.dynamicAllocation ? { dynamicAllocation: merged.dynamicAllocation } : {}),
    conf: merged.conf ?? {},
    packages: merged.packages ?? [],
    jars: merged.jars ?? [],
    pyFiles: merged.pyFiles ?? [],
    files: merged.files ?? [],
    env: merged.env ?? {},
    target: merged.target ?? { kind: "submit" },
  };
}

const MEMORY_UNITS_MIB = { k: 1 / 1024, m: 1, g: 1024, t: 1024 * 1024 } as const;

/** A JVM memory size in MiB; undefined when malformed ("4gb", "4 GB", "0g", "-1g"). */
export function memoryMib(text: string): number | undefined {
  const match = /^([1-9]\d{0,9})([kmgt])$/i.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * MEMORY_UNITS_MIB[match[2]!.toLowerCase() as keyof typeof MEMORY_UNITS_MIB];
}
