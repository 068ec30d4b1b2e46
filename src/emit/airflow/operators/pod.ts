/**
 * KubernetesPodOperator. Resources, environment variables, volumes, mounts, affinity, init
 * containers and image pull secrets are written as the kubernetes client's models
 * (`from kubernetes.client import models as k8s`), the types the operator declares for them;
 * secrets are the provider's `Secret`, tolerations the dicts the operator converts itself.
 */
import type { Affinity, EnvFrom, InitContainer, NodeSelectorTerm, PodAffinityTerm, PodConfig, PodResources, PodVolume, VolumeMount } from "../../../ir/kinds/pod.js";
import { call, keywords, literal, type PyExpr } from "../../python/expr.js";
import { optionalLiteral, type EmitContext } from "../context.js";
import { elsewhere, kw } from "../keywords.js";
import type { OperatorEmitter } from "./types.js";

/** `k8s.<Model>(...)` with the keywords whose values are defined, in the order given. */
type Model = (name: string, entries: Array<[string, PyExpr | undefined]>) => PyExpr;

function models(context: EmitContext): Model {
  const k8s = context.imports.kubernetesModels();
  return (name, entries) => call(`${k8s}.${name}`, keywords(entries));
}

const list = (items: PyExpr[]): PyExpr => ({ kind: "list", items });
const optionalList = <T>(values: readonly T[] | undefined, item: (value: T) => PyExpr): PyExpr | undefined => (values === undefined ? undefined : list(values.map(item)));
const optionalMap = (value: Record<string, string> | undefined): PyExpr | undefined => (value === undefined ? undefined : literal(value));

function resources(model: Model, value: PodResources): PyExpr {
  return model("V1ResourceRequirements", [
    ["requests", optionalMap(value.requests)],
    ["limits", optionalMap(value.limits)],
  ]);
}

/** `env` as `k8s.V1EnvVar(name=..., value=...)`, then each config map key as one read from it. */
function envVars(model: Model, env: Record<string, string> | undefined, configMapKeys: PodConfig["configMapKeys"] = []): PyExpr[] {
  return [
    ...Object.entries(env ?? {}).map(([name, value]) => model("V1EnvVar", [["name", literal(name)], ["value", literal(value)]])),
    ...configMapKeys.map((ref) =>
      model("V1EnvVar", [
        ["name", literal(ref.env)],
        ["value_from", model("V1EnvVarSource", [["config_map_key_ref", model("V1ConfigMapKeySelector", [["name", literal(ref.configMap)], ["key", literal(ref.key)]])]])],
      ]),
    ),
  ];
}

function volumeMount(model: Model, mount: VolumeMount): PyExpr {
  return model("V1VolumeMount", [
    ["name", literal(mount.name)],
    ["mount_path", literal(mount.mountPath)],
    ["sub_path", optionalLiteral(mount.subPath)],
    ["read_only", optionalLiteral(mount.readOnly)],
  ]);
}

function volume(model: Model, volume: PodVolume): PyExpr {
  const items = (values: Array<{ key: string; path: string }> | undefined) =>
    optionalList(values, (item) => model("V1KeyToPath", [["key", literal(item.key)], ["path", literal(item.path)]]));
  const source: [string, PyExpr] =
    "persistentVolumeClaim" in volume
      ? [
          "persistent_volume_claim",
          model("V1PersistentVolumeClaimVolumeSource", [
            ["claim_name", literal(volume.persistentVolumeClaim.claimName)],
            ["read_only", optionalLiteral(volume.persistentVolumeClaim.readOnly)],
          ]),
        ]
      : "configMap" in volume
        ? [
            "config_map",
            model("V1ConfigMapVolumeSource", [
              ["name", literal(volume.configMap.name)],
              ["items", items(volume.configMap.items)],
              ["optional", optionalLiteral(volume.configMap.optional)],
            ]),
          ]
        : "secret" in volume
          ? [
              "secret",
              model("V1SecretVolumeSource", [
                ["secret_name", literal(volume.secret.secretName)],
                ["items", items(volume.secret.items)],
                ["optional", optionalLiteral(volume.secret.optional)],
              ]),
            ]
          : ["empty_dir", model("V1EmptyDirVolumeSource", [["medium", optionalLiteral(volume.emptyDir.medium)], ["size_limit", optionalLiteral(volume.emptyDir.sizeLimit)]])];
  return model("V1Volume", [["name", literal(volume.name)], source]);
}

function envFrom(model: Model, source: EnvFrom): PyExpr {
  const reference = (name: string) => [["name", literal(name)], ["optional", optionalLiteral(source.optional)]] as Array<[string, PyExpr | undefined]>;
  return model("V1EnvFromSource", [
    "secret" in source ? ["secret_ref", model("V1SecretEnvSource", reference(source.secret))] : ["config_map_ref", model("V1ConfigMapEnvSource", reference(source.configMap))],
    ["prefix", optionalLiteral(source.prefix)],
  ]);
}

function affinity(model: Model, value: Affinity): PyExpr {
  const requirements = (name: string, values: NonNullable<NodeSelectorTerm["matchExpressions"]> | undefined) =>
    optionalList(values, (r) => model(name, [["key", literal(r.key)], ["operator", literal(r.operator)], ["values", optionalLiteral(r.values)]]));
  const nodeTerm = (term: NodeSelectorTerm) =>
    model("V1NodeSelectorTerm", [
      ["match_expressions", requirements("V1NodeSelectorRequirement", term.matchExpressions)],
      ["match_fields", requirements("V1NodeSelectorRequirement", term.matchFields)],
    ]);
  const podTerm = (term: PodAffinityTerm) =>
    model("V1PodAffinityTerm", [
      [
        "label_selector",
        term.labelSelector === undefined
          ? undefined
          : model("V1LabelSelector", [
              ["match_labels", optionalMap(term.labelSelector.matchLabels)],
              ["match_expressions", requirements("V1LabelSelectorRequirement", term.labelSelector.matchExpressions)],
            ]),
      ],
      ["topology_key", literal(term.topologyKey)],
      ["namespaces", optionalLiteral(term.namespaces)],
    ]);
  const podRules = (name: string, rules: Affinity["podAffinity"]) =>
    rules === undefined
      ? undefined
      : model(name, [
          ["required_during_scheduling_ignored_during_execution", optionalList(rules.required, podTerm)],
          [
            "preferred_during_scheduling_ignored_during_execution",
            optionalList(rules.preferred, (p) => model("V1WeightedPodAffinityTerm", [["weight", literal(p.weight)], ["pod_affinity_term", podTerm(p.podAffinityTerm)]])),
          ],
        ]);
  const node = value.nodeAffinity;
  return model("V1Affinity", [
    [
      "node_affinity",
      node === undefined
        ? undefined
        : model("V1NodeAffinity", [
            [
              "required_during_scheduling_ignored_during_execution",
              node.required === undefined ? undefined : model("V1NodeSelector", [["node_selector_terms", list(node.required.map(nodeTerm))]]),
            ],
            [
              "preferred_during_scheduling_ignored_during_execution",
              optionalList(node.preferred, (p) => model("V1PreferredSchedulingTerm", [["weight", literal(p.weight)], ["preference", nodeTerm(p.preference)]])),
            ],
          ]),
    ],
    ["pod_affinity", podRules("V1PodAffinity", value.podAffinity)],
    ["pod_anti_affinity", podRules("V1PodAntiAffinity", value.podAntiAffinity)],
  ]);
}

function initContainer(model: Model, container: InitContainer): PyExpr {
  return model("V1Container", [
    ["name", literal(container.name)],
    ["image", literal(container.image)],
    ["command", optionalLiteral(container.cmds)],
    ["args", optionalLiteral(container.args)],
    ["env", container.env === undefined ? undefined : list(envVars(model, container.env))],
    ["volume_mounts", optionalList(container.volumeMounts, (mount) => volumeMount(model, mount))],
    ["resources", container.resources === undefined ? undefined : resources(model, container.resources)],
  ]);
}

export const pod: OperatorEmitter<"pod"> = {
  operator: () => "KubernetesPodOperator",
  fields: {
    image: (t) => kw("image", literal(t.ir.config.image)),
    cmds: (t) => kw("cmds", optionalLiteral(t.ir.config.cmds)),
    args: (t) => kw("arguments", optionalLiteral(t.ir.config.args)),
    env: ({ ir: { config } }, context) =>
      kw("env_vars", config.env === undefined && config.configMapKeys === undefined ? undefined : list(envVars(models(context), config.env, config.configMapKeys))),
    secrets: ({ ir: { config } }, { imports }) =>
      kw(
        "secrets",
        optionalList(config.secrets, (secret) => call(imports.use("Secret"), [literal("env"), literal(secret.env), literal(secret.secret), literal(secret.key)])),
      ),
    configMapKeys: elsewhere("env_vars, after the plain values of env"),
    envFrom: ({ ir: { config } }, context) => kw("env_from", optionalList(config.envFrom, (source) => envFrom(models(context), source))),
    resources: ({ ir: { config } }, context) => kw("container_resources", config.resources === undefined ? undefined : resources(models(context), config.resources)),
    volumes: ({ ir: { config } }, context) => kw("volumes", optionalList(config.volumes, (v) => volume(models(context), v))),
    volumeMounts: ({ ir: { config } }, context) => kw("volume_mounts", optionalList(config.volumeMounts, (mount) => volumeMount(models(context), mount))),
    namespace: (t) => kw("namespace", optionalLiteral(t.ir.config.namespace)),
    nodeSelector: (t) => kw("node_selector", optionalMap(t.ir.config.nodeSelector)),
    affinity: ({ ir: { config } }, context) => kw("affinity", config.affinity === undefined ? undefined : affinity(models(context), config.affinity)),
    tolerations: (t) => kw("tolerations", t.ir.config.tolerations === undefined ? undefined : literal(t.ir.config.tolerations)),
    initContainers: ({ ir: { config } }, context) => kw("init_containers", optionalList(config.initContainers, (c) => initContainer(models(context), c))),
    imagePullSecrets: ({ ir: { config } }, context) =>
      kw("image_pull_secrets", optionalList(config.imagePullSecrets, (name) => models(context)("V1LocalObjectReference", [["name", literal(name)]]))),
    serviceAccount: (t) => kw("service_account_name", optionalLiteral(t.ir.config.serviceAccount)),
    connId: (t) => kw("kubernetes_conn_id", optionalLiteral(t.ir.config.connId)),
  },
};
