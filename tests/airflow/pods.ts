/**
 * What KubernetesPodOperator holds after parsing a pod task, as the Kubernetes API's JSON
 * (camelCase, no nulls) the inspector reports: the objects the pod is built from, computed here
 * from the IR by the Kubernetes API's own field names, independently of the emitter.
 */
import type { Affinity, InitContainer, NodeSelectorTerm, PodAffinityTerm, PodConfig, PodResources, PodVolume, VolumeMount } from "../../src/ir/kinds/pod.js";

type Shape = Record<string, unknown>;

/** The object without its undefined members (the API's JSON leaves out what is unset; an empty object stays). */
function present(object: Shape): Shape {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}

const resources = (value: PodResources) => present({ requests: value.requests, limits: value.limits });
const mount = (value: VolumeMount) => present({ name: value.name, mountPath: value.mountPath, subPath: value.subPath, readOnly: value.readOnly });
const envVars = (env: Record<string, string> | undefined, configMapKeys: PodConfig["configMapKeys"] = []) => [
  ...Object.entries(env ?? {}).map(([name, value]) => ({ name, value })),
  ...configMapKeys.map((ref) => ({ name: ref.env, valueFrom: { configMapKeyRef: { name: ref.configMap, key: ref.key } } })),
];

function volume(value: PodVolume): Shape {
  if ("persistentVolumeClaim" in value) return { name: value.name, persistentVolumeClaim: present({ ...value.persistentVolumeClaim }) };
  if ("configMap" in value) return { name: value.name, configMap: present({ ...value.configMap }) };
  if ("secret" in value) return { name: value.name, secret: present({ ...value.secret }) };
  return { name: value.name, emptyDir: present({ ...value.emptyDir }) };
}

const requirement = (value: { key: string; operator: string; values?: string[] }) => present({ ...value });
const nodeTerm = (term: NodeSelectorTerm) => present({ matchExpressions: term.matchExpressions?.map(requirement), matchFields: term.matchFields?.map(requirement) });
const podTerm = (term: PodAffinityTerm) =>
  present({
    labelSelector: term.labelSelector && present({ matchLabels: term.labelSelector.matchLabels, matchExpressions: term.labelSelector.matchExpressions?.map(requirement) }),
    topologyKey: term.topologyKey,
    namespaces: term.namespaces,
  });
const podRules = (rules: Affinity["podAffinity"]) =>
  rules &&
  present({
    requiredDuringSchedulingIgnoredDuringExecution: rules.required?.map(podTerm),
    preferredDuringSchedulingIgnoredDuringExecution: rules.preferred?.map((p) => ({ weight: p.weight, podAffinityTerm: podTerm(p.podAffinityTerm) })),
  });

function affinity(value: Affinity): Shape {
  const node = value.nodeAffinity;
  return present({
    nodeAffinity:
      node &&
      present({
        requiredDuringSchedulingIgnoredDuringExecution: node.required && { nodeSelectorTerms: node.required.map(nodeTerm) },
        preferredDuringSchedulingIgnoredDuringExecution: node.preferred?.map((p) => ({ weight: p.weight, preference: nodeTerm(p.preference) })),
      }),
    podAffinity: podRules(value.podAffinity),
    podAntiAffinity: podRules(value.podAntiAffinity),
  });
}

const initContainer = (value: InitContainer) =>
  present({
    name: value.name,
    image: value.image,
    command: value.cmds,
    args: value.args,
    env: value.env && envVars(value.env),
    volumeMounts: value.volumeMounts?.map(mount),
    resources: value.resources && resources(value.resources),
  });

/** The pod's arguments as the inspector reports them; the operator's defaults where the task sets nothing. */
export function podFields(config: PodConfig): Shape {
  return {
    image: config.image,
    cmds: config.cmds ?? [],
    arguments: config.args ?? [],
    namespace: config.namespace ?? null,
    env_vars: envVars(config.env, config.configMapKeys),
    env_from: (config.envFrom ?? []).map((source) =>
      present({
        ...("secret" in source ? { secretRef: present({ name: source.secret, optional: source.optional }) } : { configMapRef: present({ name: source.configMap, optional: source.optional }) }),
        prefix: source.prefix,
      }),
    ),
    container_resources: config.resources ? resources(config.resources) : null,
    volumes: (config.volumes ?? []).map(volume),
    volume_mounts: (config.volumeMounts ?? []).map(mount),
    node_selector: config.nodeSelector ?? {},
    affinity: config.affinity ? affinity(config.affinity) : {},
    tolerations: (config.tolerations ?? []).map((toleration) => present({ ...toleration })),
    init_containers: (config.initContainers ?? []).map(initContainer),
    image_pull_secrets: (config.imagePullSecrets ?? []).map((name) => ({ name })),
    service_account_name: config.serviceAccount ?? null,
    kubernetes_conn_id: config.connId ?? "kubernetes_default",
  };
}
