/** DW501-DW506, DW131 and DW140: the assets and aliases DAGs read, write and are scheduled on, across the whole project. */
import { Graph } from "@dagrejs/graphlib";
import { firstTargetWith, type Capabilities } from "../capabilities/index.js";
import { diagnose, type Diagnostic } from "../diagnostics/index.js";
import type { ResolvedProject } from "../ir/resolved.js";
import type { AssetCondition, AssetRef, Location, Task } from "../ir/schema.js";
import { cyclePath, cyclicComponents } from "./graph.js";

/** An asset URI Airflow accepts: ASCII, a scheme other than "airflow", and no spaces. */
function uriProblem(uri: string): string | undefined {
  if (!/^[\x21-\x7e]+$/.test(uri)) return "it must be ASCII without spaces";
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/./.exec(uri);
  if (!match) return 'it needs a scheme, such as "s3://bucket/key" or "file:///path"';
  if (match[1]!.toLowerCase() === "airflow") return 'the "airflow" scheme is reserved by Airflow';
  return undefined;
}

interface Use {
  asset: AssetRef;
  dag: string;
  /** The reading or writing task; undefined when a DAG is scheduled on the asset. */
  task?: string;
  location: Location;
  writes: boolean;
}

/** A DAG scheduled on an asset with watchers: Airflow 3.0+, each watcher an event trigger by import path (DW140, DW506). */
function checkWatchers(use: Use, capabilities: Capabilities): Diagnostic[] {
  const watchers = use.asset.watchers ?? [];
  if (watchers.length === 0) return [];
  if (!capabilities.imports.AssetWatcher) {
    const since = firstTargetWith((other) => other.imports.AssetWatcher !== undefined) ?? "a newer version";
    return [diagnose("DW140", { where: { dag: use.dag }, feature: `watchers of asset ${JSON.stringify(use.asset.uri)} (AssetWatcher)`, since, target: capabilities.target }, use.location)];
  }
  const seen = new Set<string>();
  return watchers.flatMap((watcher) => {
    const problem = !/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)+$/.test(watcher.trigger)
      ? `its trigger ${JSON.stringify(watcher.trigger)} is not a full import path (module.Class)`
      : seen.has(watcher.name)
        ? "another watcher of the asset has the same name"
        : undefined;
    seen.add(watcher.name);
    return problem ? [diagnose("DW506", { uri: use.asset.uri, watcher: watcher.name, problem }, use.location)] : [];
  });
}

/** Asset aliases, written by tasks or scheduled on, need Airflow 2.10+ (DW140). */
function checkAliases(project: ResolvedProject, capabilities: Capabilities): Diagnostic[] {
  if (capabilities.imports.AssetAlias) return [];
  const since = firstTargetWith((other) => other.imports.AssetAlias !== undefined) ?? "a newer version";
  const aliasesOf = (condition: AssetCondition): string[] =>
    "alias" in condition ? [condition.alias] : "asset" in condition ? [] : ("all" in condition ? condition.all : condition.any).flatMap(aliasesOf);
  return project.dags.flatMap(({ ir: dag }) => [
    ...dag.tasks.flatMap((task) =>
      (task.outputAliases ?? []).map((alias) =>
        diagnose("DW140", { where: { dag: dag.id, task: task.id }, feature: `asset alias ${JSON.stringify(alias)} (AssetAlias)`, since, target: capabilities.target }, task.location),
      ),
    ),
    ...(dag.schedule.kind === "assets"
      ? aliasesOf(dag.schedule.condition).map((alias) =>
          diagnose("DW140", { where: { dag: dag.id }, feature: `asset alias ${JSON.stringify(alias)} (AssetAlias)`, since, target: capabilities.target }, dag.location),
        )
      : []),
  ]);
}

export function checkLineage(project: ResolvedProject, capabilities: Capabilities): Diagnostic[] {
  const diagnostics: Diagnostic[] = [...checkAliases(project, capabilities)];
  const uses: Use[] = [];
  for (const { ir: dag, scheduledAssets } of project.dags) {
    for (const task of dag.tasks) {
      for (const asset of task.outputs ?? []) uses.push({ asset, dag: dag.id, task: task.id, location: task.location, writes: true });
      for (const asset of task.inputs ?? []) uses.push({ asset, dag: dag.id, task: task.id, location: task.location, writes: false });
    }
    for (const asset of scheduledAssets) uses.push({ asset, dag: dag.id, location: dag.location, writes: false });
  }
  const producers = new Map<string, Use[]>();
  for (const use of uses) if (use.writes) producers.set(use.asset.uri, [...(producers.get(use.asset.uri) ?? []), use]);

  const checked = new Set<string>();
  const named = new Set<string>();
  for (const use of uses) {
    const { uri } = use.asset;
    const problem = uriProblem(uri);
    if (problem && !checked.has(uri)) {
      checked.add(uri);
      diagnostics.push(diagnose("DW505", { uri, problem }, use.location));
    }
    if (use.task === undefined) diagnostics.push(...checkWatchers(use, capabilities));
    if (use.asset.name !== undefined && !capabilities.assetNames && !named.has(uri)) {
      named.add(uri);
      diagnostics.push(diagnose("DW131", { dag: use.dag, uri, name: use.asset.name, airflow: capabilities.target }, use.location));
    }
  }
  for (const use of uses.filter((candidate) => !candidate.writes)) {
    // Watchers update an asset from outside Airflow: nothing in the project needs to write it.
    if (use.asset.external || use.asset.watchers?.length || producers.has(use.asset.uri) || uriProblem(use.asset.uri)) continue;
    const reader = use.task === undefined ? { dag: use.dag } : { dag: use.dag, task: use.task };
    diagnostics.push(diagnose("DW501", { reader, uri: use.asset.uri }, use.location));
  }
  for (const [uri, writers] of producers) {
    const dags = [...new Set(writers.map((writer) => writer.dag))];
    if (dags.length > 1) {
      diagnostics.push(
        diagnose(
          "DW502",
          { uri, dags },
          writers[writers.length - 1]!.location,
          writers.map((writer) => ({ message: `written by ${writer.dag}.${writer.task}`, location: writer.location })),
        ),
      );
    }
  }
  diagnostics.push(...scheduleCycles(project, producers));
  diagnostics.push(...unevaluatedModels(project));
  return diagnostics;
}

/** DW504: a model whose training no evaluation (a task reporting metrics, or an evaluate stage) follows. */
function unevaluatedModels(project: ResolvedProject): Diagnostic[] {
  const evaluates = (task: Task) => (task.metrics?.length ?? 0) > 0 || task.stage === "evaluate";
  const evaluatedElsewhere = (name: string) =>
    project.dags.some((dag) => dag.ir.tasks.some((task) => evaluates(task) && task.modelInputs?.some((model) => model.name === name)));
  const diagnostics: Diagnostic[] = [];
  for (const dag of project.dags) {
    for (const task of dag.tasks) {
      for (const model of task.ir.modelOutputs ?? []) {
        const downstream = dag.descendants([task.id]);
        const evaluated = dag.tasks.some((other) => downstream.has(other.id) && evaluates(other.ir)) || evaluatedElsewhere(model.name);
        if (!evaluated) diagnostics.push(diagnose("DW504", { dag: dag.id, task: task.id, model: model.name }, task.ir.location));
      }
    }
  }
  return diagnostics;
}

/** DAG A -> DAG B when B is scheduled on an asset A writes; a cycle means the DAGs wait on each other forever. */
function scheduleCycles(project: ResolvedProject, producers: Map<string, Use[]>): Diagnostic[] {
  const graph = new Graph({ directed: true });
  for (const dag of project.dags) graph.setNode(dag.id);
  for (const dag of project.dags) {
    for (const asset of dag.scheduledAssets) {
      for (const producer of producers.get(asset.uri) ?? []) graph.setEdge(producer.dag, dag.id, asset.uri);
    }
  }
  const declared = new Map(project.dags.map((dag, index) => [dag.id, index]));
  const order = (id: string) => declared.get(id) ?? 0;
  return cyclicComponents(graph).map((component) => {
    const first = [...component].sort((a, b) => order(a) - order(b))[0]!;
    const path = cyclePath(graph, first, new Set(component), order);
    const via = path.slice(1).map((id, index) => graph.edge(path[index]!, id) as string);
    return diagnose("DW503", { path, via }, project.dag(path[0]!)!.ir.location);
  });
}
