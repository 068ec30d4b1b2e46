/**
 * Graphs of a compiled project, drawn from its manifest alone (so `graph` and the docs site
 * show exactly what was compiled): a DAG's tasks with their groups, dependencies, edge labels,
 * branches, mapped tasks, setup and teardown, and the DAGs its sensors wait for and its tasks
 * trigger; the project's DAGs and the assets and triggers between them; and the lineage around
 * one asset, model, metric or task. Renderers (mermaid, dot, ascii, the site's SVG) take it
 * from here; none of them decides what is in a graph.
 */
import { isMapped } from "../ir/mapping.js";
import type { Manifest, ManifestDag } from "../ir/manifest.js";
import { compareText } from "../values/names.js";

export type NodeKind = "task" | "external" | "dag" | "asset" | "model" | "metric";

export interface GraphNode {
  /** Unique in its graph: a task id, or "dag:<id>", "asset:<uri>" and so on. */
  id: string;
  label: string;
  kind: NodeKind;
  /** What the node is, in a word or two: the task kind, a DAG's schedule. */
  detail?: string;
  /** Marks Airflow users look for: mapped, setup, teardown, branch. */
  marks: Mark[];
  /** The cluster (task group) it is drawn in. */
  cluster?: string;
}

export type Mark = "mapped" | "setup" | "teardown" | "branch" | "sensor";

export interface GraphCluster {
  id: string;
  label: string;
  parent?: string;
  mapped: boolean;
}

export type EdgeStyle = "solid" | "dashed" | "dotted";

export interface GraphEdge {
  from: string;
  to: string;
  label?: string;
  /** dashed: a branch's choice; dotted: across DAGs, or a teardown's setup. */
  style: EdgeStyle;
}

export interface Graph {
  title: string;
  direction: "LR" | "TB";
  nodes: GraphNode[];
  clusters: GraphCluster[];
  edges: GraphEdge[];
}

type ManifestTask = ManifestDag["tasks"][number];

/** The tasks a branching task chooses among (a manifest's task, or a resolved task's IR). */
export function branchTargets(task: { config: object }): string[] {
  const config = task.config as { targets?: string[]; followIfTrue?: string[]; followIfFalse?: string[] };
  return [...(config.targets ?? []), ...(config.followIfTrue ?? []), ...(config.followIfFalse ?? [])];
}

function marksOf(task: ManifestTask, dag: ManifestDag): Mark[] {
  const marks: Mark[] = [];
  if (isMapped(task, dag.groups)) marks.push("mapped");
  if (task.options.setup) marks.push("setup");
  if (task.options.teardown) marks.push("teardown");
  if (branchTargets(task).length > 0) marks.push("branch");
  if (/_sensor$/.test(task.config.kind)) marks.push("sensor");
  return marks;
}

/** A task's name inside its group: "load" for "per_region.load". */
function shortName(id: string, group: string | undefined): string {
  return group && id.startsWith(`${group}.`) ? id.slice(group.length + 1) : id;
}

/** One DAG's task graph. */
export function dagGraph(dag: ManifestDag): Graph {
  const nodes: GraphNode[] = dag.tasks.map((task) => ({
    id: task.id,
    label: shortName(task.id, task.group),
    kind: "task",
    detail: task.config.kind,
    marks: marksOf(task, dag),
    ...(task.group ? { cluster: task.group } : {}),
  }));
  const clusters: GraphCluster[] = dag.groups.map((group) => ({
    id: group.id,
    label: shortName(group.id, group.parent),
    ...(group.parent ? { parent: group.parent } : {}),
    mapped: group.expand !== undefined,
  }));
  const edges: GraphEdge[] = [];
  const external = new Map<string, GraphNode>();
  const outside = (dagId: string, task?: string): string => {
    const id = `dag:${dagId}${task ? `.${task}` : ""}`;
    if (!external.has(id)) external.set(id, { id, label: task ? `${dagId}.${task}` : dagId, kind: "external", detail: "other DAG", marks: [] });
    return id;
  };
  for (const task of dag.tasks) {
    for (const upstream of task.upstreamTasks) {
      const from = dag.tasks.find((candidate) => candidate.id === upstream);
      const chosen = from ? branchTargets(from).includes(task.id) : false;
      const setupOf = task.options.teardown?.setups.includes(upstream) ?? false;
      const label = task.upstreamLabels?.[upstream];
      edges.push({ from: upstream, to: task.id, ...(label !== undefined ? { label } : {}), style: setupOf ? "dotted" : chosen ? "dashed" : "solid" });
    }
    const config = task.config as { kind: string; externalDag?: string; externalTask?: string; targetDag?: string };
    if (config.kind === "external_task_sensor" && config.externalDag) {
      edges.push({ from: outside(config.externalDag, config.externalTask), to: task.id, label: "waits for", style: "dotted" });
    } else if (config.kind === "external_task_marker" && config.externalDag) {
      edges.push({ from: task.id, to: outside(config.externalDag, config.externalTask), label: "clears", style: "dotted" });
    } else if (config.kind === "trigger_dag" && config.targetDag) {
      edges.push({ from: task.id, to: outside(config.targetDag), label: "triggers", style: "dotted" });
    }
  }
  return {
    title: dag.id,
    direction: dag.orientation === "TB" || dag.orientation === "BT" ? "TB" : "LR",
    nodes: [...nodes, ...[...external.values()].sort((a, b) => compareText(a.id, b.id))],
    clusters,
    edges,
  };
}

/** The project's DAGs and what links them: assets they write and are scheduled on, triggers and sensors. */
export function projectGraph(manifest: Manifest): Graph {
  const nodes = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  const edge = (from: string, to: string, label: string, style: EdgeStyle) => {
    const key = `${from}\0${to}\0${label}`;
    if (seen.has(key)) return;
    seen.add(key);
    edges.push({ from, to, label, style });
  };
  const ids = new Set(manifest.dags.map((dag) => dag.id));
  const dagNode = (id: string): string => {
    const key = `dag:${id}`;
    if (!nodes.has(key)) nodes.set(key, { id: key, label: id, kind: ids.has(id) ? "dag" : "external", detail: ids.has(id) ? undefined : "other DAG", marks: [] } as GraphNode);
    return key;
  };
  for (const dag of manifest.dags) {
    const key = dagNode(dag.id);
    nodes.get(key)!.detail = scheduleText(dag.schedule);
  }
  const assetNames = new Map(manifest.lineage.assets.map((asset) => [asset.uri, asset.name ?? asset.uri]));
  const assetNode = (uri: string): string => {
    const key = `asset:${uri}`;
    if (!nodes.has(key)) nodes.set(key, { id: key, label: assetNames.get(uri) ?? uri, kind: "asset", detail: uri, marks: [] });
    return key;
  };
  for (const asset of manifest.lineage.assets) {
    if (asset.scheduledDags.length === 0) continue;
    // Only assets that link DAGs: one a DAG is scheduled on, with the DAGs that write it.
    for (const writer of asset.writers) edge(dagNode(writer.slice(0, writer.indexOf("."))), assetNode(asset.uri), "writes", "solid");
    for (const scheduled of asset.scheduledDags) edge(assetNode(asset.uri), dagNode(scheduled), "schedules", "solid");
  }
  for (const dag of manifest.dags) {
    for (const task of dag.tasks) {
      const config = task.config as { kind: string; externalDag?: string; targetDag?: string };
      if (config.kind === "trigger_dag" && config.targetDag) edge(dagNode(dag.id), dagNode(config.targetDag), "triggers", "dashed");
      if (config.kind === "external_task_sensor" && config.externalDag) edge(dagNode(config.externalDag), dagNode(dag.id), "waits for", "dotted");
    }
  }
  return { title: "project", direction: "LR", nodes: [...nodes.values()], clusters: [], edges };
}

/** A schedule in a few words, as the project graph and the docs show it. */
export function scheduleText(schedule: ManifestDag["schedule"]): string {
  switch (schedule.kind) {
    case "cron":
      return schedule.expression;
    case "every":
      return `every ${schedule.every}`;
    case "crons":
      return schedule.expressions.join(" | ");
    case "events":
      return `${schedule.dates.length} event${schedule.dates.length === 1 ? "" : "s"}`;
    case "manual":
      return "manual";
    case "assets":
      return schedule.orTime ? `on assets, or ${scheduleText(schedule.orTime)}` : "on assets";
  }
}

/**
 * The lineage node a user's name means: an asset by URI or name, a model, a metric, "dag.task"
 * or a DAG (`isNode` says which task and DAG nodes exist). `lineage` and `graph --lineage` read
 * names alike, from the resolved project or the manifest.
 */
export function lineageNodeOf(
  lineage: { assets: ReadonlyArray<{ uri: string; name?: string }>; models: ReadonlyArray<{ name: string }>; metrics: ReadonlyArray<{ name: string }> },
  name: string,
  isNode: (id: string) => boolean,
): string | undefined {
  const asset = lineage.assets.find((entry) => entry.uri === name || entry.name === name);
  if (asset) return `asset:${asset.uri}`;
  if (lineage.models.some((model) => model.name === name)) return `model:${name}`;
  if (lineage.metrics.some((metric) => metric.name === name)) return `metric:${name}`;
  return isNode(`task:${name}`) ? `task:${name}` : isNode(`dag:${name}`) ? `dag:${name}` : undefined;
}

/** The lineage around one node: everything upstream and downstream of it, with the edges that lead there. */
export function lineageSubgraph(manifest: Manifest, start: string): Graph {
  const downstream = new Map<string, typeof manifest.lineage.edges>();
  const upstream = new Map<string, typeof manifest.lineage.edges>();
  for (const edge of manifest.lineage.edges) {
    (downstream.get(edge.from) ?? downstream.set(edge.from, []).get(edge.from)!).push(edge);
    (upstream.get(edge.to) ?? upstream.set(edge.to, []).get(edge.to)!).push(edge);
  }
  const reached = new Set<string>([start]);
  const kept = new Set<(typeof manifest.lineage.edges)[number]>();
  const walk = (index: Map<string, typeof manifest.lineage.edges>, next: (edge: (typeof manifest.lineage.edges)[number]) => string) => {
    const queue = [start];
    const visited = new Set(queue);
    while (queue.length > 0) {
      const id = queue.shift()!;
      for (const edge of index.get(id) ?? []) {
        kept.add(edge);
        const other = next(edge);
        reached.add(other);
        if (!visited.has(other)) {
          visited.add(other);
          queue.push(other);
        }
      }
    }
  };
  walk(upstream, (edge) => edge.from);
  walk(downstream, (edge) => edge.to);
  const assets = new Map(manifest.lineage.assets.map((asset) => [`asset:${asset.uri}`, asset]));
  const order = manifest.lineage.nodes.map((node) => node.id).filter((id) => reached.has(id));
  const nodes: GraphNode[] = order.map((id) => {
    const kind = id.slice(0, id.indexOf(":")) as NodeKind;
    const value = id.slice(id.indexOf(":") + 1);
    const asset = assets.get(id);
    return {
      id,
      label: asset?.name ?? value,
      kind,
      ...(asset && asset.name ? { detail: asset.uri } : {}),
      marks: [],
      // Tasks are drawn inside a box for their DAG, named by their task id.
      ...(kind === "task" ? { label: value.slice(value.indexOf(".") + 1), cluster: `tasks:${value.slice(0, value.indexOf("."))}` } : {}),
    };
  });
  const dagsOfTasks = [...new Set(nodes.flatMap((node) => (node.cluster ? [node.cluster] : [])))];
  return {
    title: `lineage of ${start}`,
    direction: "LR",
    nodes,
    clusters: dagsOfTasks.map((id) => ({ id, label: id.slice("tasks:".length), mapped: false })),
    edges: manifest.lineage.edges.filter((edge) => kept.has(edge)).map((edge) => ({ from: edge.from, to: edge.to, label: edge.relation, style: edge.relation === "precedes" ? "solid" : "dashed" })),
  };
}

/**
 * The same graph with each outermost group drawn as one node ("group:<id>", its task count as
 * detail): what a reader sees with the groups collapsed. Edges into and out of a group attach
 * to it; edges inside it go.
 */
export function collapseGroups(graph: Graph): Graph {
  const parents = new Map(graph.clusters.map((cluster) => [cluster.id, cluster.parent]));
  const outermost = (cluster: string | undefined): string | undefined => {
    let current = cluster;
    while (current !== undefined && parents.get(current) !== undefined) current = parents.get(current);
    return current;
  };
  const owner = new Map(graph.nodes.map((node) => [node.id, outermost(node.cluster)]));
  const members = new Map<string, number>();
  for (const node of graph.nodes) {
    const group = owner.get(node.id);
    if (group !== undefined) members.set(group, (members.get(group) ?? 0) + 1);
  }
  const nodes: GraphNode[] = [];
  const placed = new Set<string>();
  for (const node of graph.nodes) {
    const group = owner.get(node.id);
    if (group === undefined) {
      nodes.push({ ...node, marks: [...node.marks] });
      continue;
    }
    if (placed.has(group)) continue;
    placed.add(group);
    const cluster = graph.clusters.find((candidate) => candidate.id === group)!;
    const count = members.get(group)!;
    nodes.push({ id: `group:${group}`, label: cluster.label, kind: "task", detail: `group of ${count} task${count === 1 ? "" : "s"}`, marks: cluster.mapped ? ["mapped"] : [] });
  }
  const end = (id: string) => (owner.get(id) !== undefined ? `group:${owner.get(id)}` : id);
  const seen = new Set<string>();
  const edges: GraphEdge[] = [];
  for (const edge of graph.edges) {
    const from = end(edge.from);
    const to = end(edge.to);
    const key = `${from}\0${to}\0${edge.label ?? ""}\0${edge.style}`;
    if (from === to || seen.has(key)) continue;
    seen.add(key);
    edges.push({ ...edge, from, to });
  }
  return { ...graph, nodes, clusters: [], edges };
}
