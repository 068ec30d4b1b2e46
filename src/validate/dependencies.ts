/** DW101 cycles, DW106 dependencies across DAGs. */
import { alg, type Graph } from "@dagrejs/graphlib";
import type { Diagnostic } from "../ir/diagnostic.js";
import type { Dag } from "../ir/schema.js";
import { diagnose } from "./diagnose.js";
import type { EdgeLabel } from "./graph.js";

export function checkDependencies(dag: Dag, graph: Graph): Diagnostic[] {
  return [...crossDagEdges(dag), ...cycles(dag, graph)];
}

function crossDagEdges(dag: Dag): Diagnostic[] {
  return dag.tasks.flatMap((task) =>
    task.upstream
      .filter((upstream) => upstream.foreignDag !== undefined)
      .map((upstream) =>
        diagnose(
          "DW106",
          `task "${task.id}" of DAG "${dag.id}" depends on task "${upstream.task}" of another DAG, "${upstream.foreignDag}"`,
          upstream.location,
          { related: [{ message: `"${task.id}" is defined here`, location: task.location }] },
        ),
      ),
  );
}

/** One diagnostic per strongly connected component that holds a cycle, naming one whole cycle in it. */
function cycles(dag: Dag, graph: Graph): Diagnostic[] {
  const declared = new Map(dag.tasks.map((task, index) => [task.id, index]));
  const order = (id: string) => declared.get(id) ?? Number.MAX_SAFE_INTEGER;
  const components = alg.findCycles(graph).map((component) => [...component].sort((a, b) => order(a) - order(b)));
  components.sort((a, b) => order(a[0]!) - order(b[0]!));
  return components.map((component) => {
    const path = cyclePath(graph, component[0]!, new Set(component), order);
    const edges = path.slice(1).map((to, index) => {
      const from = path[index]!;
      return { from, to, location: (graph.edge(from, to) as EdgeLabel).location };
    });
    return diagnose(
      "DW101",
      `dependency cycle in DAG "${dag.id}": ${path.join(" -> ")}`,
      edges[edges.length - 1]!.location,
      {
        related: edges.map((edge) => ({ message: `"${edge.from}" -> "${edge.to}" is made here`, location: edge.location })),
        hint: "remove one of the dependencies on this path; a task cannot wait for itself",
      },
    );
  });
}

/** A shortest cycle through `start` inside its component: breadth-first back to `start`. */
function cyclePath(graph: Graph, start: string, component: Set<string>, order: (id: string) => number): string[] {
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
