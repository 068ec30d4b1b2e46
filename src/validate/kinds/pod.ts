/**
 * The rules of a pod, each what Kubernetes would refuse when the task runs: resources are
 * quantities within their limits (DW125), named as Kubernetes names resources, with extended
 * resources whole and requested as limited (DW132); mounts name declared volumes (DW133);
 * volumes and mounts are distinct and their paths in place (DW134); affinity is well formed
 * (DW135); init containers have names of their own (DW136); every name is a DNS name (DW413).
 */
import { diagnose, optionAt, type Diagnostic, type KubernetesNameField } from "../../diagnostics/index.js";
import type { Affinity, InitContainer, NodeSelectorTerm, PodAffinityTerm, PodResources, VolumeMount } from "../../ir/kinds/pod.js";
import type { Location } from "../../ir/schema.js";
import { DNS_LABEL, DNS_SUBDOMAIN } from "../../values/names.js";
import { isQuantity, quantityValue } from "../../values/quantity.js";
import { about, type KindRule, type TaskOf } from "../context.js";
import { closest } from "../suggest.js";

type Path = ReadonlyArray<string | number>;

/** A path as the author reads it: `volumeMounts[0].name`, `resources.limits.nvidia.com/gpu`. */
function written(path: Path): string {
  return path.map((step, index) => (typeof step === "number" ? `[${step}]` : index === 0 ? step : `.${step}`)).join("");
}

const STANDARD_RESOURCES = new Set(["cpu", "memory", "ephemeral-storage"]);
/** A qualified name's last part: alphanumerics, '-', '_' and '.', at most 63 characters. */
const NAME_PART = /^(?=.{1,63}$)[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/** What Kubernetes makes of a resource name: its own, huge pages, a device plugin's (extended), or nothing. */
function resourceKind(name: string): "standard" | "hugepages" | "extended" | undefined {
  if (STANDARD_RESOURCES.has(name)) return "standard";
  if (name.startsWith("hugepages-")) return isQuantity(name.slice("hugepages-".length)) ? "hugepages" : undefined;
  const slash = name.indexOf("/");
  if (slash < 0) return undefined;
  const [domain, part] = [name.slice(0, slash), name.slice(slash + 1)];
  // kubernetes.io/ names are Kubernetes' own; requests.* is the quota's prefix, not a resource.
  if (!DNS_SUBDOMAIN.test(domain) || !NAME_PART.test(part) || domain === "kubernetes.io" || domain.endsWith(".kubernetes.io") || name.startsWith("requests.")) return undefined;
  return "extended";
}

class PodRules {
  readonly diagnostics: Diagnostic[] = [];
  readonly #location: Location;
  /** The task and DAG every message names. */
  readonly #who: { dag: string; task: string };

  constructor(task: TaskOf<"pod">) {
    this.#location = task.ir.location;
    this.#who = about(task);
  }

  #at(path: Path) {
    return optionAt(this.#location, ...path);
  }

  #push(diagnostic: Diagnostic): void {
    this.diagnostics.push(diagnostic);
  }

  name(field: KubernetesNameField, value: string, path: Path): void {
    const label = field === "namespace" || field === "volume" || field === "init container";
    if (!(label ? DNS_LABEL : DNS_SUBDOMAIN).test(value)) this.#push(diagnose("DW413", { where: this.#who, field, value }, this.#at(path)));
  }

  resources(resources: PodResources, path: Path, container?: string): void {
    for (const side of ["requests", "limits"] as const) {
      for (const [name, value] of Object.entries(resources[side] ?? {})) {
        const at = [...path, side, name];
        const kind = resourceKind(name);
        if (kind === undefined) this.#push(diagnose("DW132", { ...this.#who, field: written([...path, side]), name }, this.#at(at)));
        else if (!isQuantity(value)) this.#push(diagnose("DW125", { ...this.#who, field: written(at), value }, this.#at(at)));
        else if (kind === "extended" && !Number.isInteger(quantityValue(value))) this.#push(diagnose("DW132", { ...this.#who, field: written(at), value }, this.#at(at)));
      }
    }
    for (const [name, request] of Object.entries(resources.requests ?? {})) {
      const kind = resourceKind(name);
      const limit = resources.limits?.[name];
      const [requested, limited] = [quantityValue(request), quantityValue(limit)];
      if (kind === undefined || requested === undefined) continue;
      const at = [...path, "requests", name];
      if ((kind === "extended" || kind === "hugepages") && (limit === undefined || (limited !== undefined && limited !== requested))) {
        this.#push(diagnose("DW132", { ...this.#who, field: written(path), resource: name, request, ...(limit === undefined ? {} : { limit }) }, this.#at(at)));
      } else if (limited !== undefined && requested > limited) {
        this.#push(diagnose("DW125", { ...this.#who, ...(container ? { container } : {}), resource: name, request, limit: limit! }, this.#at(at)));
      }
    }
  }

  volumes(config: TaskOf<"pod">["ir"]["config"]): Set<string> {
    const names = new Set<string>();
    for (const [index, volume] of (config.volumes ?? []).entries()) {
      const path = ["volumes", index];
      this.name("volume", volume.name, [...path, "name"]);
      if (names.has(volume.name)) this.#push(diagnose("DW134", { ...this.#who, field: written(path), problem: `repeats the volume name ${JSON.stringify(volume.name)}` }, this.#at([...path, "name"])));
      names.add(volume.name);
      if ("persistentVolumeClaim" in volume) this.name("persistent volume claim", volume.persistentVolumeClaim.claimName, [...path, "persistentVolumeClaim", "claimName"]);
      if ("configMap" in volume) this.name("config map", volume.configMap.name, [...path, "configMap", "name"]);
      if ("secret" in volume) this.name("secret", volume.secret.secretName, [...path, "secret", "secretName"]);
      const source = "configMap" in volume ? (["configMap", volume.configMap.items] as const) : "secret" in volume ? (["secret", volume.secret.items] as const) : undefined;
      for (const [item, { path: file }] of (source?.[1] ?? []).entries()) {
        const at = [...path, source![0], "items", item, "path"];
        const problem = descends(file);
        if (problem) this.#push(diagnose("DW134", { ...this.#who, field: written(at), problem: `${JSON.stringify(file)} ${problem}` }, this.#at(at)));
      }
      if ("emptyDir" in volume && volume.emptyDir.sizeLimit !== undefined && !isQuantity(volume.emptyDir.sizeLimit)) {
        const at = [...path, "emptyDir", "sizeLimit"];
        this.#push(diagnose("DW125", { ...this.#who, field: written(at), value: volume.emptyDir.sizeLimit }, this.#at(at)));
      }
    }
    return names;
  }

  mounts(mounts: readonly VolumeMount[], volumes: ReadonlySet<string>, path: Path): void {
    const paths = new Set<string>();
    for (const [index, mount] of mounts.entries()) {
      const at = [...path, index];
      if (!volumes.has(mount.name)) {
        const suggestion = closest(mount.name, volumes, 2);
        this.#push(diagnose("DW133", { ...this.#who, field: written(at), volume: mount.name, ...(suggestion ? { suggestion } : {}) }, this.#at([...at, "name"])));
      }
      if (!mount.mountPath.startsWith("/")) this.#push(diagnose("DW134", { ...this.#who, field: written([...at, "mountPath"]), problem: `${JSON.stringify(mount.mountPath)} is not an absolute path` }, this.#at([...at, "mountPath"])));
      else if (paths.has(mount.mountPath)) this.#push(diagnose("DW134", { ...this.#who, field: written([...at, "mountPath"]), problem: `mounts a second volume at ${JSON.stringify(mount.mountPath)}` }, this.#at([...at, "mountPath"])));
      paths.add(mount.mountPath);
      const problem = mount.subPath === undefined ? undefined : descends(mount.subPath);
      if (problem) this.#push(diagnose("DW134", { ...this.#who, field: written([...at, "subPath"]), problem: `${JSON.stringify(mount.subPath)} ${problem}` }, this.#at([...at, "subPath"])));
    }
  }

  affinity(affinity: Affinity): void {
    const node = affinity.nodeAffinity;
    if (node?.required !== undefined && node.required.length === 0) {
      this.#push(diagnose("DW135", { ...this.#who, field: "affinity.nodeAffinity.required", problem: "has no term; write at least one, or leave required out" }, this.#at(["affinity", "nodeAffinity", "required"])));
    }
    for (const [index, term] of (node?.required ?? []).entries()) this.#nodeTerm(term, ["affinity", "nodeAffinity", "required", index]);
    for (const [index, preferred] of (node?.preferred ?? []).entries()) {
      this.#weight(preferred.weight, ["affinity", "nodeAffinity", "preferred", index, "weight"]);
      this.#nodeTerm(preferred.preference, ["affinity", "nodeAffinity", "preferred", index, "preference"]);
    }
    for (const rules of ["podAffinity", "podAntiAffinity"] as const) {
      for (const [index, term] of (affinity[rules]?.required ?? []).entries()) this.#podTerm(term, ["affinity", rules, "required", index]);
      for (const [index, preferred] of (affinity[rules]?.preferred ?? []).entries()) {
        this.#weight(preferred.weight, ["affinity", rules, "preferred", index, "weight"]);
        this.#podTerm(preferred.podAffinityTerm, ["affinity", rules, "preferred", index, "podAffinityTerm"]);
      }
    }
  }

  #weight(weight: number, path: Path): void {
    if (!Number.isInteger(weight) || weight < 1 || weight > 100) this.#push(diagnose("DW135", { ...this.#who, field: written(path), problem: `is ${weight}, not a whole number from 1 to 100` }, this.#at(path)));
  }

  #nodeTerm(term: NodeSelectorTerm, path: Path): void {
    for (const list of ["matchExpressions", "matchFields"] as const) {
      for (const [index, requirement] of (term[list] ?? []).entries()) this.#requirement(requirement, [...path, list, index]);
    }
  }

  #podTerm(term: PodAffinityTerm, path: Path): void {
    if (term.topologyKey === "") this.#push(diagnose("DW135", { ...this.#who, field: written([...path, "topologyKey"]), problem: "is empty; name a node label, such as kubernetes.io/hostname" }, this.#at([...path, "topologyKey"])));
    for (const [index, requirement] of (term.labelSelector?.matchExpressions ?? []).entries()) this.#requirement(requirement, [...path, "labelSelector", "matchExpressions", index]);
  }

  #requirement(requirement: { key: string; operator: string; values?: string[] }, path: Path): void {
    const values = requirement.values ?? [];
    const problem =
      requirement.operator === "In" || requirement.operator === "NotIn"
        ? values.length === 0
          ? `uses ${requirement.operator} with no values`
          : undefined
        : requirement.operator === "Exists" || requirement.operator === "DoesNotExist"
          ? values.length > 0
            ? `uses ${requirement.operator}, which takes no values, with ${values.length}`
            : undefined
          : values.length !== 1 || !/^-?\d+$/.test(values[0]!)
            ? `uses ${requirement.operator}, which takes one whole number, with ${JSON.stringify(values)}`
            : undefined;
    if (problem) this.#push(diagnose("DW135", { ...this.#who, field: written(path), problem }, this.#at(path)));
  }

  initContainers(containers: readonly InitContainer[], volumes: ReadonlySet<string>): void {
    const names = new Set<string>();
    for (const [index, container] of containers.entries()) {
      const path = ["initContainers", index];
      this.name("init container", container.name, [...path, "name"]);
      if (container.name === "base") this.#push(diagnose("DW136", { ...this.#who, field: written(path), name: container.name, problem: "base" }, this.#at([...path, "name"])));
      else if (names.has(container.name)) this.#push(diagnose("DW136", { ...this.#who, field: written(path), name: container.name, problem: "repeated" }, this.#at([...path, "name"])));
      names.add(container.name);
      if (container.resources) this.resources(container.resources, [...path, "resources"], `init container ${JSON.stringify(container.name)}`);
      this.mounts(container.volumeMounts ?? [], volumes, [...path, "volumeMounts"]);
    }
  }
}

/** Why a path inside a volume leaves it, or undefined when it stays: it is relative and never goes up. */
function descends(file: string): string | undefined {
  if (file.startsWith("/")) return "is an absolute path; it is relative to the volume";
  if (file.split("/").includes("..")) return "goes up with '..', out of the volume";
  return undefined;
}

export const checkPod: KindRule<"pod"> = (task) => {
  const { config } = task.ir;
  const rules = new PodRules(task);
  if (config.resources) rules.resources(config.resources, ["resources"]);
  const volumes = rules.volumes(config);
  rules.mounts(config.volumeMounts ?? [], volumes, ["volumeMounts"]);
  rules.initContainers(config.initContainers ?? [], volumes);
  if (config.affinity) rules.affinity(config.affinity);
  for (const [index, source] of (config.envFrom ?? []).entries()) {
    if ("secret" in source) rules.name("secret", source.secret, ["envFrom", index, "secret"]);
    else rules.name("config map", source.configMap, ["envFrom", index, "configMap"]);
  }
  for (const [index, ref] of (config.configMapKeys ?? []).entries()) rules.name("config map", ref.configMap, ["configMapKeys", index, "configMap"]);
  for (const [index, name] of (config.imagePullSecrets ?? []).entries()) rules.name("image pull secret", name, ["imagePullSecrets", index]);
  if (config.namespace !== undefined) rules.name("namespace", config.namespace, ["namespace"]);
  return rules.diagnostics;
};
