/**
 * The resolve stage: every fact derived from the IR, computed once. Effective options after all
 * layers of defaults (and where each came from), task-to-task edges with group dependencies
 * expanded, upstream and downstream sets, group membership, effective Spark jobs and their
 * peaks, lineage and OpenLineage names. Validation and every back end read the result.
 */
import type { OpenLineageName } from "../ir/lineage.js";
import type { ResolvedDag, ResolvedGroup, ResolvedProject, ResolvedSparkJob, ResolvedTask } from "../ir/resolved.js";
import type { Dag, Group, Project } from "../ir/schema.js";
import { groupMembers, reachable, taskEdges } from "./edges.js";
import { openLineageName, projectLineage, scheduledAssets } from "./lineage.js";
import { defaultArgs, effectiveOptions } from "./options.js";
import { effectiveSparkJob, requestedResources, sparkPeak } from "./spark.js";
import { pythonSource } from "./python.js";
import type { PythonSource } from "../ir/python.js";

export function resolve(project: Project): ResolvedProject {
  const dags = project.dags.map((dag) => resolveDag(project, dag));
  const byId = new Map<string, ResolvedDag>();
  for (const dag of dags) if (!byId.has(dag.id)) byId.set(dag.id, dag);
  const lineage = projectLineage(dags);
  const assets = new Map(lineage.assets.map((asset) => [asset.uri, asset]));
  const models = new Map(lineage.models.map((model) => [model.name, model]));
  const names = new Map<string, OpenLineageName>();
  return {
    ir: project,
    airflow: project.airflow,
    dags,
    lineage,
    sparkJobs: dags.flatMap((dag) => dag.tasks.flatMap((task) => (task.spark ? [task.spark] : []))),
    dag: (id) => byId.get(id),
    asset: (uri) => assets.get(uri),
    model: (name) => models.get(name),
    openLineageName: (uri) => {
      let name = names.get(uri);
      if (!name) names.set(uri, (name = assets.get(uri)?.openLineage ?? openLineageName(uri)));
      return name;
    },
  };
}

function resolveDag(project: Project, dag: Dag): ResolvedDag {
  const groupsById = new Map<string, Group>();
  for (const group of dag.groups) if (!groupsById.has(group.id)) groupsById.set(group.id, group);
  const memberCache = new Map<string, string[]>();
  const members = (groupId: string) => {
    let found = memberCache.get(groupId);
    if (!found) memberCache.set(groupId, (found = groupMembers(dag, groupId)));
    return found;
  };
  const edges = taskEdges(dag, members);
  const upstream = new Map<string, string[]>();
  const downstream = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, value: string) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const { from, to } of edges) {
    add(upstream, to, from);
    add(downstream, from, to);
  }
  const defaults = defaultArgs(project, dag);
  const chainOf = (groupId: string | undefined): Group[] => {
    const chain: Group[] = [];
    for (let id = groupId; id !== undefined; ) {
      const group = groupsById.get(id);
      if (!group) break;
      chain.unshift(group);
      id = group.parent;
    }
    return chain;
  };

  const tasks = dag.tasks.map((task): ResolvedTask => {
    const groups = chainOf(task.group);
    const effective = effectiveOptions(defaults, groups, task);
    const spark: ResolvedSparkJob | undefined =
      task.config.kind === "spark"
        ? (() => {
            const job = effectiveSparkJob(project.spark, dag.id, task.id, task.config);
            return { dagId: dag.id, taskId: task.id, job, requested: requestedResources(job) };
          })()
        : undefined;
    return {
      ir: task,
      id: task.id,
      dagId: dag.id,
      localId: task.group === undefined ? task.id : task.id.slice(task.group.length + 1),
      groups: groups.map((group) => group.id),
      effective: effective.values,
      effectiveFrom: effective.from,
      upstream: upstream.get(task.id) ?? [],
      downstream: downstream.get(task.id) ?? [],
      ...(spark ? { spark } : {}),
      ...optionalPython(pythonSource(project.python, task)),
      openLineageJob: `${dag.id}.${task.id}`,
    };
  });
  const tasksById = new Map<string, ResolvedTask>();
  for (const task of tasks) if (!tasksById.has(task.id)) tasksById.set(task.id, task);
  const groups = dag.groups.map(
    (group): ResolvedGroup => ({
      ir: group,
      id: group.id,
      localId: group.parent === undefined ? group.id : group.id.slice(group.parent.length + 1),
      members: members(group.id),
    }),
  );
  const groupById = new Map(groups.map((group) => [group.id, group]));
  const descendantCache = new Map<string, ReadonlySet<string>>();
  const descendants = (starts: Iterable<string>) => {
    const list = [...starts];
    if (list.length !== 1) return reachable(downstream, list);
    let found = descendantCache.get(list[0]!);
    if (!found) descendantCache.set(list[0]!, (found = reachable(downstream, list)));
    return found;
  };
  const jobs = tasks.flatMap((task) => (task.spark ? [task.spark] : []));
  const peak = sparkPeak(jobs, (id) => descendants([id]));
  return {
    ir: dag,
    id: dag.id,
    defaultArgs: defaults.values,
    defaultArgsFrom: defaults.from,
    tasks,
    groups,
    edges,
    ...(peak ? { sparkPeak: peak } : {}),
    timetable: dag.timetable ?? project.timetable ?? "dataInterval",
    scheduledAssets: dag.schedule.kind === "assets" ? scheduledAssets(dag.schedule.condition) : [],
    task: (id) => tasksById.get(id),
    group: (id) => groupById.get(id),
    descendants,
  };
}

export { lineageGraph, openLineageModelName, openLineageName, scheduledAssets } from "./lineage.js";

function optionalPython(python: PythonSource | undefined): { python?: PythonSource } {
  return python ? { python } : {};
}
