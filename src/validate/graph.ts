/** The dependency graph of one DAG, built once and shared by the rules that ask graph questions. */
import { Graph } from "@dagrejs/graphlib";
import type { Dag, Location } from "../ir/schema.js";

export interface EdgeLabel {
  location: Location;
}

/** Nodes are task ids; an edge runs from upstream to downstream and carries where it was made. */
export function dependencyGraph(dag: Dag): Graph {
  const graph = new Graph({ directed: true });
  for (const task of dag.tasks) graph.setNode(task.id);
  for (const task of dag.tasks) {
    for (const upstream of task.upstream) {
      if (upstream.foreignDag !== undefined) continue;
      const label: EdgeLabel = { location: upstream.location };
      if (!graph.hasEdge(upstream.task, task.id)) graph.setEdge(upstream.task, task.id, label);
    }
  }
  return graph;
}
