/** DW101 cycles, DW106 dependencies across DAGs. */
import type { Graph } from "@dagrejs/graphlib";
import { diagnose, q, type Diagnostic } from "../diagnostics/index.js";
import type { ResolvedDag } from "../ir/resolved.js";
import type { Dag } from "../ir/schema.js";
import { cyclePath, cyclicComponents, dependencyGraph, type EdgeLabel } from "./graph.js";

export function checkDependencies(dag: ResolvedDag): Diagnostic[] {
  return [...crossDagEdges(dag.ir), ...cycles(dag.ir, dependencyGraph(dag))];
}

function crossDagEdges(dag: Dag): Diagnostic[] {
  return [...dag.tasks, ...dag.groups].flatMap((task) =>
    task.upstream
      .filter((upstream) => upstream.foreignDag !== undefined)
      .map((upstream) =>
        diagnose("DW106", { dag: dag.id, task: task.id, upstream: upstream.task, otherDag: upstream.foreignDag! }, upstream.location, [
          { message: `${q(task.id)} is defined here`, location: task.location },
        ]),
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
      { dag: dag.id, path },
      edges[edges.length - 1]!.location,
      edges.map((edge) => ({ message: `${q(edge.from)} -> ${q(edge.to)} is made here`, location: edge.location })),
    );
  });
}
