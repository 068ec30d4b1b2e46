/**
 * Graphs for the rules that ask graph questions: a DAG's dependency graph, built once, and the
 * cycle searches over it (and over the graph of DAGs scheduled on each other's assets).
 */
import { Graph } from "@dagrejs/graphlib";
import type { ResolvedDag } from "../ir/resolved.js";
import type { Location } from "../ir/schema.js";

export interface EdgeLabel {
  location: Location;
}

/** Nodes are task ids; an edge runs from upstream to downstream and carries where it was made. */
export function dependencyGraph(dag: ResolvedDag): Graph {
  const graph = new Graph({ directed: true });
  for (const task of dag.tasks) graph.setNode(task.id);
  for (const { from, to, location } of dag.edges) {
    const label: EdgeLabel = { location };
    if (graph.hasNode(from) && !graph.hasEdge(from, to)) graph.setEdge(from, to, label);
  }
  return graph;
}

/** A shortest cycle through `start` inside its component: breadth-first back to `start`. */
export function cyclePath(graph: Graph, start: string, component: Set<string>, order: (id: string) => number): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    const next = [...(graph.successors(node) ?? [])].filter((id) => component.has(id)).sort((a, b) => order(a) - order(b));
    for (const successor of next) {
      if (successor === start) {
        const path = [start];
        for (let at: string | undefined = node; at !== start && at !== undefined; at = previous.get(at)) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!previous.has(successor)) {
        previous.set(successor, node);
        queue.push(successor);
      }
    }
  }
  return [start, start];
}

/**
 * The strongly connected components that hold a cycle (several tasks, or one that depends on
 * itself). Tarjan's algorithm with an explicit stack: graphlib's recursive version overflows
 * the call stack on dependency chains a few thousand tasks deep.
 */
export function cyclicComponents(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const root of graph.nodes()) {
    if (index.has(root)) continue;
    // Each frame is a node and the successors still to visit from it.
    const frames: Array<{ node: string; next: string[] }> = [];
    const enter = (node: string) => {
      index.set(node, counter);
      lowLink.set(node, counter);
      counter++;
      stack.push(node);
      onStack.add(node);
      frames.push({ node, next: [...(graph.successors(node) ?? [])].reverse() });
    };
    enter(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const successor = frame.next.pop();
      if (successor !== undefined) {
        if (!index.has(successor)) enter(successor);
        else if (onStack.has(successor)) lowLink.set(frame.node, Math.min(lowLink.get(frame.node)!, index.get(successor)!));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) lowLink.set(parent.node, Math.min(lowLink.get(parent.node)!, lowLink.get(frame.node)!));
      if (lowLink.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        if (component.length > 1 || graph.hasEdge(frame.node, frame.node)) components.push(component);
      }
    }
  }
  return components;
}
