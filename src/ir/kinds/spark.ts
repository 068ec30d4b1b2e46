/** A Spark job (Airflow's SparkSubmitOperator, or SparkKubernetesOperator with a SparkApplication). */
import { z } from "zod";
import { SparkSettings } from "../spark.js";

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
