/**
 * The project's lineage: which tasks write and read each asset and model, which DAGs each asset
 * schedules, OpenLineage's names of every dataset, and the whole graph as nodes and edges.
 */
import type { AssetLineage, LineageEdge, LineageNode, LineageRelation, MetricLineage, ModelLineage, OpenLineageName, ProjectLineage } from "../ir/lineage.js";
import type { TaskEdge } from "../ir/resolved.js";
import type { AssetCondition, AssetRef, Dag, ModelRef } from "../ir/schema.js";

/** Assets a schedule waits for. */
export function scheduledAssets(condition: AssetCondition): AssetRef[] {
  if ("asset" in condition) return [condition.asset];
  // An alias stands for assets named only when a task runs: lineage cannot follow it.
  if ("alias" in condition) return [];
  return ("all" in condition ? condition.all : condition.any).flatMap(scheduledAssets);
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

/** The lineage of every asset, model and metric, and the graph, from the DAGs and their task edges. */
export function projectLineage(dags: ReadonlyArray<{ ir: Dag; edges: readonly TaskEdge[] }>): ProjectLineage {
  const assets = new Map<string, AssetLineage>();
  const asset = (ref: AssetRef) => {
    let found = assets.get(ref.uri);
    if (!found) {
      found = {
        uri: ref.uri,
        ...(ref.name === undefined ? {} : { name: ref.name }),
        ...(ref.description === undefined ? {} : { description: ref.description }),
        external: ref.external ?? false,
        openLineage: openLineageName(ref.uri),
        writers: [],
        readers: [],
        scheduledDags: [],
      };
      assets.set(ref.uri, found);
    }
    if (ref.external) found.external = true;
    return found;
  };
  const models = new Map<string, ModelLineage>();
  const model = (ref: ModelRef) => {
    if (!models.has(ref.name)) models.set(ref.name, { ...ref, openLineage: openLineageModelName(ref), writers: [], readers: [] });
    return models.get(ref.name)!;
  };
  const metrics = new Map<string, MetricLineage>();
  const nodes = new Set<LineageNode>();
  const edges = new Map<string, LineageEdge>();
  const link = (from: LineageNode, relation: LineageRelation, to: LineageNode) => {
    nodes.add(from).add(to);
    const key = `${from}\n${to}`;
    if (!edges.has(key)) edges.set(key, { from, to, relation });
  };

  for (const { ir: dag, edges: dependencies } of dags) {
    const scheduled = dag.schedule.kind === "assets" ? scheduledAssets(dag.schedule.condition) : [];
    for (const ref of scheduled) asset(ref).scheduledDags.push(dag.id);
    const node = (id: string) => `task:${dag.id}.${id}`;
    // Only a DAG's first tasks hang off the DAG; the rest follow their dependencies.
    const hasUpstream = new Set(dependencies.map((edge) => edge.to));
    nodes.add(`dag:${dag.id}`);
    for (const task of dag.tasks) {
      const id = `${dag.id}.${task.id}`;
      for (const ref of task.outputs ?? []) asset(ref).writers.push(id);
      for (const ref of task.inputs ?? []) asset(ref).readers.push(id);
      for (const ref of task.modelOutputs ?? []) model(ref).writers.push(id);
      for (const ref of task.modelInputs ?? []) model(ref).readers.push(id);
      for (const metric of task.metrics ?? []) {
        if (!metrics.has(metric.name)) metrics.set(metric.name, { ...metric, reporters: [] });
        metrics.get(metric.name)!.reporters.push(id);
      }
      if (!hasUpstream.has(task.id)) link(`dag:${dag.id}`, "starts", node(task.id));
      for (const ref of task.outputs ?? []) link(node(task.id), "writes", `asset:${ref.uri}`);
      for (const ref of task.inputs ?? []) link(`asset:${ref.uri}`, "reads", node(task.id));
      for (const ref of task.modelOutputs ?? []) link(node(task.id), "writes", `model:${ref.name}`);
      for (const ref of task.modelInputs ?? []) link(`model:${ref.name}`, "reads", node(task.id));
      for (const metric of task.metrics ?? []) link(node(task.id), "reports", `metric:${metric.name}`);
    }
    for (const edge of dependencies) link(node(edge.from), "precedes", node(edge.to));
    for (const ref of scheduled) link(`asset:${ref.uri}`, "schedules", `dag:${dag.id}`);
  }
  return { assets: [...assets.values()], models: [...models.values()], metrics: [...metrics.values()], nodes: [...nodes], edges: [...edges.values()] };
}

/** The lineage graph as adjacency sets, for walking it downstream. */
export function lineageGraph(lineage: Pick<ProjectLineage, "nodes" | "edges">): Map<LineageNode, Set<LineageNode>> {
  const graph = new Map(lineage.nodes.map((node) => [node, new Set<LineageNode>()]));
  for (const edge of lineage.edges) graph.get(edge.from)!.add(edge.to);
  return graph;
}
