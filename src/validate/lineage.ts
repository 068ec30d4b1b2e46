/** DW501-DW505 and DW131: the assets DAGs read, write and are scheduled on, across the whole project. */
import { Graph } from "@dagrejs/graphlib";
import type { Capabilities } from "../capabilities/index.js";
import { diagnose, type Diagnostic } from "../diagnostics/index.js";
import type { ResolvedProject } from "../ir/resolved.js";
import type { AssetRef, Location, Task } from "../ir/schema.js";
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

export function checkLineage(project: ResolvedProject, capabilities: Capabilities): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
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
    if (use.asset.name !== undefined && !capabilities.assetNames && !named.has(uri)) {
      named.add(uri);
      diagnostics.push(diagnose("DW131", { dag: use.dag, uri, name: use.asset.name, airflow: capabilities.target }, use.location));
    }
  }
  for (const use of uses.filter((candidate) => !candidate.writes)) {
    if (use.asset.external || producers.has(use.asset.uri) || uriProblem(use.asset.uri)) continue;
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
