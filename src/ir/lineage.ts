/**
 * Lineage questions over the IR: which tasks write and read each asset, which DAGs it
 * schedules, and the asset's name as OpenLineage spells it (namespace and name), so a lineage
 * backend can join these design-time facts with run-time events.
 */
import type { AssetCondition, AssetRef, ModelRef, Project } from "./schema.js";
import { taskEdges } from "./structure.js";

export interface AssetLineage {
  uri: string;
  name?: string;
  description?: string;
  external: boolean;
  /** OpenLineage's dataset namespace and name for the URI. */
  openLineage: { namespace: string; name: string };
  /** "dag_id.task_id" of every task that writes it. */
  writers: string[];
  /** "dag_id.task_id" of every task that reads it. */
  readers: string[];
  /** DAGs scheduled on it. */
  scheduledDags: string[];
}

/** Assets a schedule waits for. */
export function scheduledAssets(condition: AssetCondition): AssetRef[] {
  if ("asset" in condition) return [condition.asset];
  return ("all" in condition ? condition.all : condition.any).flatMap(scheduledAssets);
}

/** A dataset as OpenLineage names it. */
export interface OpenLineageName {
  namespace: string;
  name: string;
}

/**
 * OpenLineage's naming of a dataset URI: the namespace is scheme and authority
 * ("s3://bucket", "postgres://host:5432"), the name the rest of the path; for file URIs the
 * namespace is "file" (or "file://host" with a host) and the name the absolute path, as
 * Airflow's OpenLineage provider translates assets.
 */
export function openLineageName(uri: string): OpenLineageName {
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/]*)(\/.*)?$/.exec(uri);
  if (!match) return { namespace: "unknown", name: uri };
  const [, scheme, authority, path = ""] = match;
  if (scheme!.toLowerCase() === "file") return { namespace: authority ? `file://${authority}` : "file", name: path || "/" };
  return { namespace: `${scheme}://${authority}`, name: path.replace(/^\//, "") || "/" };
}

/**
 * A model as an OpenLineage dataset: inside its registry when the registry is a URI
 * ("file:///models" names "churn" as /models/churn in "file"), else in a namespace named after
 * the registry ("mlflow"), or "models" when it names none.
 */
export function openLineageModelName(model: ModelRef): OpenLineageName {
  if (model.registry === undefined) return { namespace: "models", name: model.name };
  const registry = openLineageName(model.registry);
  if (registry.namespace === "unknown") return { namespace: model.registry, name: model.name };
  return { namespace: registry.namespace, name: registry.name === "/" ? `/${model.name}` : `${registry.name.replace(/\/$/, "")}/${model.name}` };
}

/** Every asset of the project, by URI in first-seen order, with who writes, reads and waits for it. */
export function assetLineage(project: Project): AssetLineage[] {
  const assets = new Map<string, AssetLineage>();
  const entry = (asset: AssetRef) => {
    let found = assets.get(asset.uri);
    if (!found) {
      found = {
        uri: asset.uri,
        ...(asset.name === undefined ? {} : { name: asset.name }),
        ...(asset.description === undefined ? {} : { description: asset.description }),
        external: asset.external ?? false,
        openLineage: openLineageName(asset.uri),
        writers: [],
        readers: [],
        scheduledDags: [],
      };
      assets.set(asset.uri, found);
    }
    if (asset.external) found.external = true;
    return found;
  };
  for (const dag of project.dags) {
    if (dag.schedule.kind === "assets") for (const asset of scheduledAssets(dag.schedule.condition)) entry(asset).scheduledDags.push(dag.id);
    for (const task of dag.tasks) {
      for (const asset of task.outputs ?? []) entry(asset).writers.push(`${dag.id}.${task.id}`);
      for (const asset of task.inputs ?? []) entry(asset).readers.push(`${dag.id}.${task.id}`);
    }
  }
  return [...assets.values()];
}

export interface ModelLineage {
  name: string;
  registry?: string;
  flavour?: string;
  /** The model as an OpenLineage dataset. */
  openLineage: OpenLineageName;
  writers: string[];
  readers: string[];
}

export interface MetricLineage {
  name: string;
  direction: "higher" | "lower";
  threshold?: number;
  reporters: string[];
}

/** Every model and metric of the project, with the tasks that write, read or report them. */
export function modelLineage(project: Project): { models: ModelLineage[]; metrics: MetricLineage[] } {
  const models = new Map<string, ModelLineage>();
  const metrics = new Map<string, MetricLineage>();
  const modelEntry = (model: ModelRef) => {
    if (!models.has(model.name)) models.set(model.name, { ...model, openLineage: openLineageModelName(model), writers: [], readers: [] });
    return models.get(model.name)!;
  };
  for (const dag of project.dags) {
    for (const task of dag.tasks) {
      const id = `${dag.id}.${task.id}`;
      for (const model of task.modelOutputs ?? []) modelEntry(model).writers.push(id);
      for (const model of task.modelInputs ?? []) modelEntry(model).readers.push(id);
      for (const metric of task.metrics ?? []) {
        if (!metrics.has(metric.name)) metrics.set(metric.name, { ...metric, reporters: [] });
        metrics.get(metric.name)!.reporters.push(id);
      }
    }
  }
  return { models: [...models.values()], metrics: [...metrics.values()] };
}

/** A node of the lineage graph: "task:<dag>.<task>", "dag:<id>", "asset:<uri>", "model:<name>" or "metric:<name>". */
export type LineageNode = string;

/**
 * How two nodes connect, always pointing downstream: a task writes an asset or model and reads
 * one, reports a metric, precedes the tasks that depend on it; an asset schedules the DAGs
 * waiting for it, and a DAG starts its first tasks.
 */
export const LINEAGE_RELATIONS = ["writes", "reads", "reports", "precedes", "schedules", "starts"] as const;
export type LineageRelation = (typeof LINEAGE_RELATIONS)[number];

/** The kinds of lineage nodes, each the prefix of its nodes' ids. */
export const LINEAGE_NODE_KINDS = ["dag", "task", "asset", "model", "metric"] as const;

export interface LineageEdge {
  from: LineageNode;
  to: LineageNode;
  relation: LineageRelation;
}

/** The project's lineage as nodes (in first-seen order) and downstream edges, each edge once. */
export function lineageEdges(project: Project): { nodes: LineageNode[]; edges: LineageEdge[] } {
  const nodes = new Set<LineageNode>();
  const edges = new Map<string, LineageEdge>();
  const add = (from: LineageNode, relation: LineageRelation, to: LineageNode) => {
    nodes.add(from).add(to);
    const key = `${from}\n${to}`;
    if (!edges.has(key)) edges.set(key, { from, to, relation });
  };
  for (const dag of project.dags) {
    const node = (id: string) => `task:${dag.id}.${id}`;
    const dependencies = taskEdges(dag);
    // Only a DAG's first tasks hang off the DAG; the rest follow their dependencies.
    const hasUpstream = new Set(dependencies.map((edge) => edge.to));
    nodes.add(`dag:${dag.id}`);
    for (const task of dag.tasks) {
      if (!hasUpstream.has(task.id)) add(`dag:${dag.id}`, "starts", node(task.id));
      for (const asset of task.outputs ?? []) add(node(task.id), "writes", `asset:${asset.uri}`);
      for (const asset of task.inputs ?? []) add(`asset:${asset.uri}`, "reads", node(task.id));
      for (const model of task.modelOutputs ?? []) add(node(task.id), "writes", `model:${model.name}`);
      for (const model of task.modelInputs ?? []) add(`model:${model.name}`, "reads", node(task.id));
      for (const metric of task.metrics ?? []) add(node(task.id), "reports", `metric:${metric.name}`);
    }
    for (const edge of dependencies) add(node(edge.from), "precedes", node(edge.to));
    if (dag.schedule.kind === "assets") for (const asset of scheduledAssets(dag.schedule.condition)) add(`asset:${asset.uri}`, "schedules", `dag:${dag.id}`);
  }
  return { nodes: [...nodes], edges: [...edges.values()] };
}

/** The lineage graph as adjacency sets, for walking it downstream. */
export function lineageGraph(project: Project): Map<LineageNode, Set<LineageNode>> {
  const { nodes, edges } = lineageEdges(project);
  const graph = new Map(nodes.map((node) => [node, new Set<LineageNode>()]));
  for (const edge of edges) graph.get(edge.from)!.add(edge.to);
  return graph;
}
