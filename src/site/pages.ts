/**
 * The site's other pages: the project (every DAG, and the graph of how they feed each other),
 * the lineage across DAGs, one page per model, and one per diagnostic code.
 */
import { layoutGraph } from "../graph/layout.js";
import { lineageSubgraph, projectGraph } from "../graph/model.js";
import { toSvg } from "../graph/svg.js";
import { CATALOGUE, CODES, explainText, type Code } from "../diagnostics/index.js";
import type { Manifest } from "../ir/manifest.js";
import { pythonLink, ruleList, scheduleInWords, scheduleText, sourceLink, warningList } from "./describe.js";
import { codePage, dagPage, graphFigure, html, modelPage, page, rootOf, segment, taskAnchor, type Raw } from "./html.js";

interface SiteFile {
  path: string;
  contents: string;
}

/** A link to a task ("dag.task") on its DAG's page. */
export function taskLink(manifest: Manifest, qualified: string, root: string): Raw {
  const dag = manifest.dags.find((candidate) => qualified.startsWith(`${candidate.id}.`) && candidate.tasks.some((task) => `${candidate.id}.${task.id}` === qualified));
  if (!dag) return html`<code>${qualified}</code>`;
  return html`<a href="${root}${dagPage(dag.id)}#${taskAnchor(qualified.slice(dag.id.length + 1))}"><code>${qualified}</code></a>`;
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

const list = (items: Raw[]): Raw => (items.length ? html`${items.map((item, index) => html`${index ? ", " : ""}${item}`)}` : html`<span class="quiet">none</span>`);

/** Where a lineage node's page or anchor is. */
function nodeHref(manifest: Manifest, id: string, root: string): string | undefined {
  const value = id.slice(id.indexOf(":") + 1);
  if (id.startsWith("dag:")) return manifest.dags.some((dag) => dag.id === value) ? `${root}${dagPage(value)}` : undefined;
  if (id.startsWith("model:")) return `${root}${modelPage(value)}`;
  if (id.startsWith("task:")) {
    const dag = manifest.dags.find((candidate) => value.startsWith(`${candidate.id}.`));
    return dag ? `${root}${dagPage(dag.id)}#${taskAnchor(value.slice(dag.id.length + 1))}` : undefined;
  }
  if (id.startsWith("asset:")) return `${root}lineage.html#${assetAnchor(value)}`;
  return undefined;
}

export const assetAnchor = (uri: string) => `a-${segment(uri)}`;

export function projectPage(manifest: Manifest): SiteFile {
  const path = "index.html";
  const graph = projectGraph(manifest);
  const layout = graph.nodes.length ? layoutGraph(graph) : undefined;
  const svg = layout ? toSvg(graph, layout, (id) => nodeHref(manifest, id, "")) : "";
  const tasks = manifest.dags.reduce((sum, dag) => sum + dag.tasks.length, 0);
  const body = html`<h1>Pipelines</h1>
<p class="lead">${count(manifest.dags.length, "DAG")}, ${count(tasks, "task")}, ${count(manifest.lineage.assets.length, "asset")}, ${count(manifest.lineage.models.length, "model")}, for Airflow ${manifest.airflow}.</p>
${layout ? html`${graphFigure(svg, layout, "DAGs and the assets, triggers and sensors between them", "How the DAGs connect: assets a DAG writes and others are scheduled on, DAGs triggered (dashed) and waited for (dotted).")}` : ""}
<table class="dags"><thead><tr><th scope="col">DAG</th><th scope="col">schedule</th><th scope="col">when</th><th scope="col">owner</th><th scope="col">tags</th><th scope="col" class="number">tasks</th><th scope="col">source</th></tr></thead>
<tbody>${manifest.dags.map(
    (dag) => html`<tr><td><a href="${dagPage(dag.id)}"><code>${dag.id}</code></a>${dag.description ? html`<div class="quiet">${dag.description}</div>` : ""}</td><td><code>${scheduleText(dag.schedule)}</code></td><td>${scheduleInWords(dag.schedule)}</td><td class="nowrap">${dag.owner ?? ""}</td><td>${dag.tags.map((tag) => html`<span class="tag">${tag}</span>`)}</td><td class="number">${dag.tasks.length}</td><td class="nowrap">${sourceLink(manifest, dag.location)}</td></tr>`,
  )}</tbody></table>
${warningList(manifest, manifest.warnings, "")}
${ruleList(manifest)}`;
  return { path, contents: page({ title: "Pipelines", path, body, section: "dags" }) };
}

export function lineagePage(manifest: Manifest): SiteFile {
  const path = "lineage.html";
  const { assets, models, metrics } = manifest.lineage;
  const tasks = (ids: string[]) => list(ids.map((id) => taskLink(manifest, id, "")));
  const body = html`<h1>Lineage</h1>
<p class="lead">Which tasks write and read each asset and model, across DAGs, and which DAGs each asset schedules.</p>
<h2>Assets</h2>
${assets.length === 0 ? html`<p class="quiet">No assets.</p>` : ""}
${assets.map(
  (asset) => html`<section class="asset" id="${assetAnchor(asset.uri)}"><h3>${asset.name ?? asset.uri}${asset.external ? html` <span class="badge">external</span>` : ""}</h3>
${asset.name ? html`<p><code>${asset.uri}</code></p>` : ""}${asset.description ? html`<p>${asset.description}</p>` : ""}
<dl class="facts"><dt>written by</dt><dd>${tasks(asset.writers)}</dd><dt>read by</dt><dd>${tasks(asset.readers)}</dd><dt>schedules</dt><dd>${list(asset.scheduledDags.map((id) => (manifest.dags.some((dag) => dag.id === id) ? html`<a href="${dagPage(id)}"><code>${id}</code></a>` : html`<code>${id}</code>`)))}</dd><dt>OpenLineage</dt><dd><code>${asset.openLineage.namespace}</code> · <code>${asset.openLineage.name}</code></dd></dl></section>`,
)}
<h2>Models</h2>
${models.length === 0 ? html`<p class="quiet">No models.</p>` : ""}
<ul class="models">${models.map((model) => html`<li><a href="${modelPage(model.name)}">${model.name}</a>${model.flavour ? html` <span class="quiet">${model.flavour}</span>` : ""}: trained by ${tasks(model.writers)}; read by ${tasks(model.readers)}</li>`)}</ul>
<h2>Metrics</h2>
${metrics.length === 0 ? html`<p class="quiet">No metrics.</p>` : ""}
<table class="metrics"><thead><tr><th scope="col">metric</th><th scope="col">better when</th><th scope="col">threshold</th><th scope="col">reported by</th></tr></thead><tbody>${metrics.map(
    (metric) => html`<tr><td><code>${metric.name}</code></td><td>${metric.direction}</td><td>${metric.threshold ?? ""}</td><td>${tasks(metric.reporters)}</td></tr>`,
  )}</tbody></table>`;
  return { path, contents: page({ title: "Lineage", path, body, section: "lineage" }) };
}

/** A model's page: what trained it and on which data, what gates it, who consumes it. */
export function modelPageFile(manifest: Manifest, name: string): SiteFile {
  const path = modelPage(name);
  const root = rootOf(path);
  const model = manifest.lineage.models.find((candidate) => candidate.name === name)!;
  const taskOf = (qualified: string) => {
    for (const dag of manifest.dags) {
      const task = dag.tasks.find((candidate) => `${dag.id}.${candidate.id}` === qualified);
      if (task) return task;
    }
    return undefined;
  };
  const writers = model.writers.map((id) => ({ id, task: taskOf(id) }));
  const trainedOn = [...new Set(writers.flatMap(({ task }) => ((task?.inputs ?? []) as Array<{ uri: string }>).map((ref) => ref.uri)))];
  const assetName = (uri: string) => manifest.lineage.assets.find((asset) => asset.uri === uri)?.name ?? uri;
  const gating = manifest.lineage.metrics.filter((metric) => metric.reporters.some((reporter) => model.readers.includes(reporter) || model.writers.includes(reporter)));
  const graph = lineageSubgraph(manifest, `model:${name}`);
  const layout = layoutGraph(graph);
  const svg = toSvg(graph, layout, (id) => nodeHref(manifest, id, root));
  const body = html`<h1>Model <code>${model.name}</code></h1>
<dl class="facts">${model.flavour ? html`<dt>flavour</dt><dd>${model.flavour}</dd>` : ""}${model.registry ? html`<dt>registry</dt><dd><code>${model.registry}</code></dd>` : ""}<dt>OpenLineage</dt><dd><code>${model.openLineage.namespace}</code> · <code>${model.openLineage.name}</code></dd></dl>
<h2>Trained on</h2>
<ul class="trained-on">${trainedOn.length ? trainedOn.map((uri) => html`<li><a href="${root}lineage.html#${assetAnchor(uri)}">${assetName(uri)}</a> <code class="quiet">${uri}</code></li>`) : html`<li class="quiet">No asset is declared as read by the tasks that write it.</li>`}</ul>
<h2>Produced by</h2>
<ul class="produced-by">${writers.map(({ id, task }) => {
    const config = task?.config as { kind?: string; callable?: string; application?: string } | undefined;
    // The code that produced the model is part of its lineage: the Python function, where dagwright can see it.
    return html`<li>${taskLink(manifest, id, root)}${config?.kind ? html` <span class="kind">${config.kind}</span>` : ""}${config?.callable ? html` runs <code>${config.callable}</code>` : ""}${config?.application ? html` runs <code>${config.application}</code>` : ""}${task ? html` · ${sourceLink(manifest, task.location)}` : ""}${task?.python ? html` · Python ${pythonLink(manifest, task.python)}` : ""}</li>`;
  })}</ul>
<h2>Gated by</h2>
<ul class="gated-by">${gating.length ? gating.map((metric) => html`<li><code>${metric.name}</code>: ${metric.direction === "higher" ? "at least" : "at most"} ${metric.threshold ?? "(no threshold)"}, reported by ${list(metric.reporters.map((id) => taskLink(manifest, id, root)))}</li>`) : html`<li class="quiet">No metric is reported on it.</li>`}</ul>
<h2>Consumed by</h2>
<ul class="consumed-by">${model.readers.length ? model.readers.map((id) => html`<li>${taskLink(manifest, id, root)}</li>`) : html`<li class="quiet">No task reads it.</li>`}</ul>
<h2>Lineage</h2>
${graphFigure(svg, layout, `Lineage of model ${model.name}`)}`;
  return { path, contents: page({ title: `Model ${name}`, path, body, section: "lineage" }) };
}

export function codePages(): SiteFile[] {
  const index = {
    path: "codes/index.html",
    contents: page({
      title: "Diagnostics",
      path: "codes/index.html",
      section: "codes",
      body: html`<h1>Diagnostics</h1><p class="lead">Every code dagwright reports, as <code>dagwright explain</code> prints it.</p>
<table class="codes"><tbody>${CODES.map((code) => html`<tr><td><a href="${code}.html"><code>${code}</code></a></td><td>${CATALOGUE[code].severity}</td><td>${CATALOGUE[code].title}</td></tr>`)}</tbody></table>`,
    }),
  };
  return [
    index,
    ...CODES.map((code: Code) => ({
      path: codePage(code),
      contents: page({ title: `${code} ${CATALOGUE[code].title}`, path: codePage(code), section: "codes", body: html`<h1><code>${code}</code> ${CATALOGUE[code].title}</h1><pre class="explain">${explainText(code)}</pre>` }),
    })),
  ];
}
