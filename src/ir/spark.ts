/**
 * Spark jobs in the IR: the settings a task, a project default or a named size profile can
 * give, and the shape of the effective job they combine into (resolve/spark.ts combines them).
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
