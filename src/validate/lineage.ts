/** DW501-DW505: the assets DAGs read, write and are scheduled on, across the whole project. */
import { Graph } from "@dagrejs/graphlib";
import type { Diagnostic } from "../ir/diagnostic.js";
import { scheduledAssets } from "../ir/lineage.js";
import type { AssetRef, Dag, Location, Project, Task } from "../ir/schema.js";
import { downstreamOf, taskEdges } from "../ir/structure.js";
import { cyclePath, cyclicComponents } from "./dependencies.js";
import { diagnose, q } from "./diagnose.js";

/** An asset URI Airflow accepts: ASCII, a scheme other than "airflow", and no spaces. */
function uriProblem(uri: string): string | undefined {
  if (!/^[\x21-\x7e]+$/.test(uri)) return "it must be ASCII without spaces";
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/./.exec(uri);
  if (!match) return 'it needs a scheme, such as "s3://bucket/key" or "file:///path"';
  if (match[1]!.toLowerCase() === "airflow") return 'the "airflow" scheme is reserved by Airflow';
  return undefined;
}

export function checkLineage(project: Project): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const producers = new Map<string, Array<{ dag: string; task: string; location: Location }>>();
  const consumers: Array<{ asset: AssetRef; dag: Dag; location: Location; what: string }> = [];
  const checked = new Set<string>();
  const checkUri = (asset: AssetRef, location: Location) => {
    const problem = uriProblem(asset.uri);
    if (problem && !checked.has(asset.uri)) {
      checked.add(asset.uri);
      diagnostics.push(diagnose("DW505", `asset URI ${q(asset.uri)} is malformed: ${problem}`, location));
    }
  };
  for (const dag of project.dags) {
    for (const task of dag.tasks) {
      for (const asset of task.outputs ?? []) {
        checkUri(asset, task.location);
        producers.set(asset.uri, [...(producers.get(asset.uri) ?? []), { dag: dag.id, task: task.id, location: task.location }]);
      }
      for (const asset of task.inputs ?? []) {
        checkUri(asset, task.location);
        consumers.push({ asset, dag, location: task.location, what: `task ${q(task.id)} of DAG ${q(dag.id)} reads` });
      }
    }
    if (dag.schedule.kind === "assets") {
      for (const asset of scheduledAssets(dag.schedule.condition)) {
        checkUri(asset, dag.location);
        consumers.push({ asset, dag, location: dag.location, what: `DAG ${q(dag.id)} is scheduled on` });
      }
    }
  }
  for (const { asset, location, what } of consumers) {
    if (!asset.external && !producers.has(asset.uri) && !uriProblem(asset.uri)) {
      diagnostics.push(
        diagnose("DW501", `${what} asset ${q(asset.uri)}, which no task of the project writes`, location, {
          hint: `add it to the outputs of the task that writes it, or declare it asset(${q(asset.uri)}, { external: true })`,
        }),
      );
    }
  }
  for (const [uri, writers] of producers) {
    const dags = [...new Set(writers.map((writer) => writer.dag))];
    if (dags.length > 1) {
      diagnostics.push(
        diagnose("DW502", `asset ${q(uri)} is written by ${dags.length} DAGs: ${dags.map(q).join(", ")}`, writers[writers.length - 1]!.location, {
          related: writers.map((writer) => ({ message: `written by ${writer.dag}.${writer.task}`, location: writer.location })),
        }),
      );
    }
  }
  diagnostics.push(...scheduleCycles(project, producers));
  diagnostics.push(...unevaluatedModels(project));
  return diagnostics;
}

/** DW504: a model whose training no evaluation (a task reporting metrics, or an evaluate stage) follows. */
function unevaluatedModels(project: Project): Diagnostic[] {
  const evaluates = (task: Task) => (task.metrics?.length ?? 0) > 0 || task.stage === "evaluate";
  const evaluatedElsewhere = (name: string) =>
    project.dags.some((dag) => dag.tasks.some((task) => evaluates(task) && task.modelInputs?.some((model) => model.name === name)));
  const diagnostics: Diagnostic[] = [];
  for (const dag of project.dags) {
    const edges = taskEdges(dag);
    for (const task of dag.tasks) {
      for (const model of task.modelOutputs ?? []) {
        const downstream = downstreamOf(edges, [task.id]);
        const evaluated = dag.tasks.some((other) => downstream.has(other.id) && evaluates(other)) || evaluatedElsewhere(model.name);
        if (!evaluated) {
          diagnostics.push(
            diagnose("DW504", `model ${q(model.name)} written by task ${q(task.id)} of DAG ${q(dag.id)} is never evaluated`, task.location, {
              hint: "add a task after it that reports metrics (outputs: [metric(...)]) or has stage: \"evaluate\"",
            }),
          );
        }
      }
    }
  }
  return diagnostics;
}

/** DAG A -> DAG B when B is scheduled on an asset A writes; a cycle means the DAGs wait on each other forever. */
function scheduleCycles(project: Project, producers: Map<string, Array<{ dag: string }>>): Diagnostic[] {
  const graph = new Graph({ directed: true });
  for (const dag of project.dags) graph.setNode(dag.id);
  for (const dag of project.dags) {
    if (dag.schedule.kind !== "assets") continue;
    for (const asset of scheduledAssets(dag.schedule.condition)) {
      for (const producer of producers.get(asset.uri) ?? []) graph.setEdge(producer.dag, dag.id, asset.uri);
    }
  }
  const declared = new Map(project.dags.map((dag, index) => [dag.id, index]));
  const order = (id: string) => declared.get(id) ?? 0;
  return cyclicComponents(graph).map((component) => {
    const first = [...component].sort((a, b) => order(a) - order(b))[0]!;
    const path = cyclePath(graph, first, new Set(component), order);
    const text = path.map((id, index) => (index === 0 ? id : `-[${graph.edge(path[index - 1]!, id) as string}]-> ${id}`)).join(" ");
    const dag = project.dags.find((candidate) => candidate.id === path[0])!;
    return diagnose("DW503", `DAGs trigger each other through assets in a cycle: ${text}`, dag.location, {
      hint: "break the loop: one of these DAGs must run on a time schedule or stop writing the asset",
    });
  });
}
