/**
 * Questions about a DAG's structure that validation, the back ends and the manifest all ask:
 * which defaults apply to a task (project, folder, DAG, groups, task), and which task-to-task
 * dependencies the declared ones (some on whole groups) amount to.
 */
import type { Dag, EffectiveTaskOptions, Location, Project, Task, TaskDefaults } from "./schema.js";

/** A dependency between two tasks, and where the author made it (on the tasks or on a group). */
export interface TaskEdge {
  from: string;
  to: string;
  location: Location;
}

/** The project's and folders' defaults, then the DAG's owner and defaults: Airflow's `default_args`. */
export function dagDefaultArgs(project: Pick<Project, "defaults" | "folders">, dag: Dag): TaskDefaults {
  const folderLevels = Object.entries(project.folders ?? {})
    .filter(([folder]) => dag.location.file.startsWith(`${folder.replace(/\/$/, "")}/`))
    .sort(([a], [b]) => a.length - b.length)
    .map(([, defaults]) => defaults);
  return Object.assign({}, project.defaults, ...folderLevels, dag.owner === undefined ? {} : { owner: dag.owner }, dag.defaults) as TaskDefaults;
}

/** The groups a task sits in, outermost first. */
export function groupsOf(dag: Dag, task: Task): Dag["groups"] {
  const chain: Dag["groups"] = [];
  for (let id = task.group; id !== undefined; ) {
    const group = dag.groups.find((candidate) => candidate.id === id);
    if (!group) break;
    chain.unshift(group);
    id = group.parent;
  }
  return chain;
}

/** Every option in force for a task: `default_args`, then its groups' defaults, then its own options. */
export function effectiveTaskOptions(project: Pick<Project, "defaults" | "folders">, dag: Dag, task: Task): EffectiveTaskOptions {
  const options = Object.assign({}, dagDefaultArgs(project, dag), ...groupsOf(dag, task).map((group) => group.defaults), task.options) as EffectiveTaskOptions;
  // Airflow runs a teardown once its setups are done, whatever the work between did.
  return task.options.teardown ? { ...options, triggerRule: "all_done_setup_success" } : options;
}

/**
 * The task-to-task dependencies of a DAG, in a stable order: each declared task dependency, and
 * each dependency on a group expanded to the group's first tasks (those with no upstream inside
 * it) or last tasks (those with no downstream inside it).
 */
export function taskEdges(dag: Dag): TaskEdge[] {
  interface Declared {
    order: number;
    from: { id: string; group: boolean };
    to: { id: string; group: boolean };
    location: Location;
  }
  const declared: Declared[] = [];
  for (const task of dag.tasks) {
    for (const up of task.upstream) {
      if (up.foreignDag === undefined) declared.push({ order: up.order ?? 0, from: { id: up.task, group: up.group ?? false }, to: { id: task.id, group: false }, location: up.location });
    }
  }
  for (const group of dag.groups) {
    for (const up of group.upstream) {
      if (up.foreignDag === undefined) declared.push({ order: up.order ?? 0, from: { id: up.task, group: up.group ?? false }, to: { id: group.id, group: true }, location: up.location });
    }
  }
  // As Airflow evaluates `a >> group` when the statement runs, a group's ends are taken as the
  // dependencies declared before it leave them.
  declared.sort((a, b) => a.order - b.order);
  const edges: TaskEdge[] = [];
  const seen = new Set<string>();
  const ends = (groupId: string, side: "roots" | "leaves") => {
    const inside = new Set(groupMembers(dag, groupId));
    return [...inside].filter((id) =>
      side === "roots" ? !edges.some((edge) => edge.to === id && inside.has(edge.from)) : !edges.some((edge) => edge.from === id && inside.has(edge.to)),
    );
  };
  for (const { from, to, location } of declared) {
    const froms = from.group ? ends(from.id, "leaves") : [from.id];
    const tos = to.group ? ends(to.id, "roots") : [to.id];
    for (const a of froms) {
      for (const b of tos) {
        const key = `${a}\u0000${b}`;
        if (seen.has(key)) continue;
        seen.add(key);
        edges.push({ from: a, to: b, location });
      }
    }
  }
  return edges;
}

/** Each task's upstream task ids after expanding group dependencies, in edge order. */
export function upstreamTasks(dag: Dag): Map<string, string[]> {
  const upstream = new Map<string, string[]>(dag.tasks.map((task) => [task.id, []]));
  for (const { from, to } of taskEdges(dag)) upstream.get(to)?.push(from);
  return upstream;
}

/** The ids of the tasks in a group, nested groups included, in declaration order. */
export function groupMembers(dag: Dag, groupId: string): string[] {
  return dag.tasks.filter((task) => task.group === groupId || task.group?.startsWith(`${groupId}.`)).map((task) => task.id);
}

/** Every task reachable from `starts` over one or more edges: a walk with an explicit stack, as chains can be deep. */
export function downstreamOf(edges: readonly TaskEdge[], starts: Iterable<string>): Set<string> {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
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
