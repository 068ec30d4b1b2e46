/** A container on Kubernetes (Airflow's KubernetesPodOperator). */
import { z } from "zod";

export const Quantity = z.string();
/** Requests or limits by resource name: cpu, memory, ephemeral-storage, hugepages-<size>, or an extended resource such as nvidia.com/gpu. */
const ResourceList = z.record(z.string(), Quantity);
export const PodResources = z.object({ requests: ResourceList.optional(), limits: ResourceList.optional() }).strict();
export type PodResources = z.infer<typeof PodResources>;

/** Keys of a config map or secret projected as files, each at its path in the volume. */
const KeyToPath = z.object({ key: z.string(), path: z.string() }).strict();
const volumeName = z.string();

/** A volume of the pod, from one source: a claim, a config map, a secret, or an empty directory. */
export const PodVolume = z.union([
  z.object({ name: volumeName, persistentVolumeClaim: z.object({ claimName: z.string(), readOnly: z.boolean().optional() }).strict() }).strict(),
  z.object({ name: volumeName, configMap: z.object({ name: z.string(), items: z.array(KeyToPath).optional(), optional: z.boolean().optional() }).strict() }).strict(),
  z.object({ name: volumeName, secret: z.object({ secretName: z.string(), items: z.array(KeyToPath).optional(), optional: z.boolean().optional() }).strict() }).strict(),
  z.object({ name: volumeName, emptyDir: z.object({ medium: z.literal("Memory").optional(), sizeLimit: Quantity.optional() }).strict() }).strict(),
]);
export type PodVolume = z.infer<typeof PodVolume>;

/** Where a container sees one of the pod's volumes. */
export const VolumeMount = z.object({ name: z.string(), mountPath: z.string(), subPath: z.string().optional(), readOnly: z.boolean().optional() }).strict();
export type VolumeMount = z.infer<typeof VolumeMount>;

/** Every key of a secret or a config map as environment variables. */
export const EnvFrom = z.union([
  z.object({ secret: z.string(), prefix: z.string().optional(), optional: z.boolean().optional() }).strict(),
  z.object({ configMap: z.string(), prefix: z.string().optional(), optional: z.boolean().optional() }).strict(),
]);
export type EnvFrom = z.infer<typeof EnvFrom>;

const NodeRequirement = z.object({ key: z.string(), operator: z.enum(["In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"]), values: z.array(z.string()).optional() }).strict();
export const NodeSelectorTerm = z.object({ matchExpressions: z.array(NodeRequirement).optional(), matchFields: z.array(NodeRequirement).optional() }).strict();
export type NodeSelectorTerm = z.infer<typeof NodeSelectorTerm>;
const LabelRequirement = z.object({ key: z.string(), operator: z.enum(["In", "NotIn", "Exists", "DoesNotExist"]), values: z.array(z.string()).optional() }).strict();
export const PodAffinityTerm = z
  .object({
    labelSelector: z.object({ matchLabels: z.record(z.string(), z.string()).optional(), matchExpressions: z.array(LabelRequirement).optional() }).strict().optional(),
    topologyKey: z.string(),
    namespaces: z.array(z.string()).optional(),
  })
  .strict();
export type PodAffinityTerm = z.infer<typeof PodAffinityTerm>;
const PodAffinityRules = z
  .object({ required: z.array(PodAffinityTerm).optional(), preferred: z.array(z.object({ weight: z.number(), podAffinityTerm: PodAffinityTerm }).strict()).optional() })
  .strict();
export const Affinity = z
  .object({
    nodeAffinity: z
      .object({ required: z.array(NodeSelectorTerm).optional(), preferred: z.array(z.object({ weight: z.number(), preference: NodeSelectorTerm }).strict()).optional() })
      .strict()
      .optional(),
    podAffinity: PodAffinityRules.optional(),
    podAntiAffinity: PodAffinityRules.optional(),
  })
  .strict();
export type Affinity = z.infer<typeof Affinity>;

/** A container that runs to completion before the task's own container starts. */
export const InitContainer = z
  .object({
    name: z.string(),
    image: z.string(),
    cmds: z.array(z.string()).optional(),
    args: z.array(z.string()).optional(),
    env: z.record(z.string(), z.string()).optional(),
    volumeMounts: z.array(VolumeMount).optional(),
    resources: PodResources.optional(),
  })
  .strict();
export type InitContainer = z.infer<typeof InitContainer>;

export const PodConfig = z
  .object({
    kind: z.literal("pod"),
    image: z.string(),
    cmds: z.array(z.string()).optional(),
    args: z.array(z.string()).optional(),
    env: z.record(z.string(), z.string()).optional(),
    /** Environment variables read from Kubernetes secrets. */
    secrets: z.array(z.object({ env: z.string(), secret: z.string(), key: z.string() }).strict()).optional(),
    /** Environment variables read from keys of Kubernetes config maps. */
    configMapKeys: z.array(z.object({ env: z.string(), configMap: z.string(), key: z.string() }).strict()).optional(),
    envFrom: z.array(EnvFrom).optional(),
    resources: PodResources.optional(),
    volumes: z.array(PodVolume).optional(),
    volumeMounts: z.array(VolumeMount).optional(),
    namespace: z.string().optional(),
    nodeSelector: z.record(z.string(), z.string()).optional(),
    affinity: Affinity.optional(),
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
    initContainers: z.array(InitContainer).optional(),
    imagePullSecrets: z.array(z.string()).optional(),
    serviceAccount: z.string().optional(),
    connId: z.string().optional(),
  })
  .strict();
export type PodConfig = z.infer<typeof PodConfig>;
