/** DW101 cycles, DW106 dependencies across DAGs. */
import type { Graph } from "@dagrejs/graphlib";
import type { Diagnostic } from "../ir/diagnostic.js";
import type { Dag } from "../ir/schema.js";
import { bare, diagnose, q } from "./diagnose.js";
import type { EdgeLabel } from "./graph.js";

export function checkDependencies(dag: Dag, graph: Graph): Diagnostic[] {
  return [...crossDagEdges(dag), ...cycles(dag, graph)];
}

function crossDagEdges(dag: Dag): Diagnostic[] {
  return [...dag.tasks, ...dag.groups].flatMap((task) =>
    task.upstream
      .filter((upstream) => upstream.foreignDag !== undefined)
      .map((upstream) =>
        diagnose(
          "DW106",
          `task ${q(task.id)} of DAG ${q(dag.id)} depends on task ${q(upstream.task)} of another DAG, ${q(upstream.foreignDag)}`,
          upstream.location,
          { related: [{ message: `${q(task.id)} is defined here`, location: task.location }] },
        ),
      ),
  );
}

/** One diagnostic per strongly connected component that holds a cycle, naming one whole cycle in it. */
function cycles(dag: Dag, graph: Graph): Diagnostic[] {
  const declared = new Map(dag.tasks.map((task, index) => [task.id, index]));
  const order = (id: string) => declared.get(id) ?? Number.MAX_SAFE_INTEGER;
  const components = cyclicComponents(graph).map((component) => [...component].sort((a, b) => order(a) - order(b)));
  components.sort((a, b) => order(a[0]!) - order(b[0]!));
  return components.map((component) => {
    const path = cyclePath(graph, component[0]!, new Set(component), order);
    const edges = path.slice(1).map((to, index) => {
      const from = path[index]!;
      return { from, to, location: (graph.edge(from, to) as EdgeLabel).location };
    });
    return diagnose(
      "DW101",
      `dependency cycle in DAG ${q(dag.id)}: ${path.map(bare).join(" -> ")}`,
      edges[edges.length - 1]!.location,
      {
        related: edges.map((edge) => ({ message: `${q(edge.from)} -> ${q(edge.to)} is made here`, location: edge.location })),
        hint: "remove one of the dependencies on this path; a task cannot wait for itself",
      },
    );
  });
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
