/**
 * A DAG's task-to-task dependencies: each declared task dependency, and each dependency on a
 * group expanded to the group's first tasks (those with no upstream inside it) or last tasks
 * (those with no downstream inside it), as Airflow expands `>>` on a group.
 */
import type { TaskEdge } from "../ir/resolved.js";
import type { Dag, Location } from "../ir/schema.js";

/** The ids of the tasks in a group, nested groups included, in declaration order. */
export function groupMembers(dag: Dag, groupId: string): string[] {
  return dag.tasks.filter((task) => task.group === groupId || task.group?.startsWith(`${groupId}.`)).map((task) => task.id);
}

/** The task-to-task dependencies of a DAG, in a stable order. */
export function taskEdges(dag: Dag, members: (groupId: string) => readonly string[]): TaskEdge[] {
  interface Declared {
    order: number;
    from: { id: string; group: boolean };
    to: { id: string; group: boolean };
    location: Location;
    label?: string;
  }
  const declared: Declared[] = [];
  for (const node of [...dag.tasks.map((task) => ({ node: task, group: false })), ...dag.groups.map((group) => ({ node: group, group: true }))]) {
    for (const up of node.node.upstream) {
      if (up.foreignDag !== undefined) continue;
      declared.push({ order: up.order ?? 0, from: { id: up.task, group: up.group ?? false }, to: { id: node.node.id, group: node.group }, location: up.location, ...(up.label === undefined ? {} : { label: up.label }) });
    }
  }
  // As Airflow evaluates `a >> group` when the statement runs, a group's ends are taken as the
  // dependencies declared before it leave them. The sort is stable: equal orders keep tasks first.
  declared.sort((a, b) => a.order - b.order);
  const edges: TaskEdge[] = [];
  const seen = new Set<string>();
  const ends = (groupId: string, side: "roots" | "leaves") => {
    const inside = new Set(members(groupId));
    return [...inside].filter((id) =>
      side === "roots" ? !edges.some((edge) => edge.to === id && inside.has(edge.from)) : !edges.some((edge) => edge.from === id && inside.has(edge.to)),
    );
  };
  for (const { from, to, location, label } of declared) {
    const froms = from.group ? ends(from.id, "leaves") : [from.id];
    const tos = to.group ? ends(to.id, "roots") : [to.id];
    for (const a of froms) {
      for (const b of tos) {
        const key = `${a}\u0000${b}`;
        if (seen.has(key)) {
          // The same edge declared again: a label given only the second time still labels it.
          const edge = edges.find((candidate) => candidate.from === a && candidate.to === b)!;
          if (edge.label === undefined && label !== undefined) edge.label = label;
          else if (label !== undefined && label !== edge.label && !edge.otherLabel) edge.otherLabel = { label, location };
          continue;
        }
        seen.add(key);
        edges.push({ from: a, to: b, location, ...(label === undefined ? {} : { label }) });
      }
    }
  }
  return edges;
}

/** Every node reachable from `starts` over one or more edges: a walk with an explicit stack, as chains can be deep. */
export function reachable(next: ReadonlyMap<string, readonly string[]>, starts: Iterable<string>): Set<string> {
  const reached = new Set<string>();
  const pending = [...starts].flatMap((id) => next.get(id) ?? []);
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (reached.has(id)) continue;
    reached.add(id);
    pending.push(...(next.get(id) ?? []));
  }
  return reached;
}
