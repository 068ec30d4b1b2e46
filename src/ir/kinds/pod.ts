/** A container on Kubernetes (Airflow's KubernetesPodOperator). */
import { z } from "zod";

export const Quantity = z.string();
const PodResources = z.object({ cpu: Quantity.optional(), memory: Quantity.optional() }).strict();

export const PodConfig = z
  .object({
    kind: z.literal("pod"),
    image: z.string(),
    cmds: z.array(z.string()).optional(),
    args: z.array(z.string()).optional(),
    env: z.record(z.string(), z.string()).optional(),
    /** Environment variables read from Kubernetes secrets. */
    secrets: z.array(z.object({ env: z.string(), secret: z.string(), key: z.string() }).strict()).optional(),
    resources: z.object({ requests: PodResources.optional(), limits: PodResources.optional() }).strict().optional(),
    namespace: z.string().optional(),
    nodeSelector: z.record(z.string(), z.string()).optional(),
    tolerations: z
      .array(
        z
          .object({
            key: z.string().optional(),
            operator: z.enum(["Exists", "Equal"]).optional(),
            value: z.string().optional(),
            effect: z.enum(["NoSchedule", "PreferNoSchedule", "NoExecute"]).optional(),
          })
          .strict(),
      )
      .optional(),
    serviceAccount: z.string().optional(),
    connId: z.string().optional(),
  })
  .strict();
export type PodConfig = z.infer<typeof PodConfig>;
