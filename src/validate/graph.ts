/** The dependency graph of one DAG, built once and shared by the rules that ask graph questions. */
import { Graph } from "@dagrejs/graphlib";
import type { Dag, Location } from "../ir/schema.js";
import { taskEdges } from "../ir/structure.js";

export interface EdgeLabel {
  location: Location;
}

/**
 * Nodes are task ids; an edge runs from upstream to downstream (dependencies on groups expanded
 * to their tasks) and carries where it was made.
 */
export function dependencyGraph(dag: Dag): Graph {
  const graph = new Graph({ directed: true });
  for (const task of dag.tasks) graph.setNode(task.id);
  for (const { from, to, location } of taskEdges(dag)) {
    const label: EdgeLabel = { location };
    if (graph.hasNode(from) && !graph.hasEdge(from, to)) graph.setEdge(from, to, label);
  }
  return graph;
}
