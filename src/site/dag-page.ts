/**
 * A DAG's page: what it is and when it runs, its task graph laid out by dagre, then every task
 * (in collapsible groups) with its kind, source line, dependencies, each effective option and
 * where it came from, its Spark resources or pod, and the data it reads and writes.
 */
import { layoutGraph } from "../graph/layout.js";
import { collapseGroups, dagGraph } from "../graph/model.js";
import { toSvg } from "../graph/svg.js";
import type { Manifest, ManifestDag } from "../ir/manifest.js";
import { pythonLink, scheduleInWords, scheduleText, sourceLink, suppressedList, valueText, warningList } from "./describe.js";
import { dagPage, graphFigure, groupAnchor, html, modelPage, page, rootOf, taskAnchor, type Raw } from "./html.js";

const CAPTION = "Drag to move, scroll or + and − to zoom, 0 to fit. Dashed: a branch's choice; dotted: another DAG, or a teardown's setup.";

type ManifestTask = ManifestDag["tasks"][number];

/** Where an option's value came from, as people say it. */
function fromText(source: string | undefined): string {
  if (source === undefined) return "";
  if (source === "project") return "project defaults";
  if (source === "dag") return "DAG";
  if (source === "task") return "task";
  if (source === "airflow") return "Airflow's rule";
  if (source.startsWith("folder:")) return `folder ${source.slice("folder:".length)}`;
  if (source.startsWith("group:")) return `group ${source.slice("group:".length)}`;
  return source;
}

function facts(rows: Array<[string, Raw | string | undefined]>): Raw {
  const shown = rows.filter(([, value]) => value !== undefined && value !== "");
  return html`<dl class="facts">${shown.map(([name, value]) => html`<dt>${name}</dt><dd>${value}</dd>`)}</dl>`;
}

function taskSection(manifest: Manifest, dag: ManifestDag, task: ManifestTask, root: string): Raw {
  const link = (id: string) => html`<a href="#${taskAnchor(id)}"><code>${id}</code></a>`;
  const downstream = dag.tasks.filter((other) => other.upstreamTasks.includes(task.id)).map((other) => other.id);
  const options = Object.entries(task.effective);
  const job = manifest.sparkJobs.find((entry) => entry.dagId === dag.id && entry.taskId === task.id);
  const config = task.config as Record<string, unknown> & { kind: string };
  const pod = config.kind === "pod" ? (config as { image?: string; resources?: unknown }) : undefined;
  const code = (config.callable ?? config.application ?? config.command ?? config.sql) as string | undefined;
  const io = (label: string, refs: Array<{ uri?: string; name?: string }> | undefined, models = false) =>
    refs && refs.length
      ? html`<dt>${label}</dt><dd>${refs.map((ref, index) => html`${index ? ", " : ""}${models && ref.name ? html`<a href="${root}${modelPage(ref.name)}">${ref.name}</a>` : html`<code>${ref.uri ?? ref.name ?? ""}</code>`}`)}</dd>`
      : "";
  return html`<section class="task" id="${taskAnchor(task.id)}">
<h3><code>${task.id}</code> <span class="kind">${config.kind}</span>${task.stage ? html` <span class="badge">${task.stage}</span>` : ""}</h3>
<dl class="facts">
<dt>source</dt><dd>${sourceLink(manifest, task.location)}</dd>
${code !== undefined ? html`<dt>${config.callable !== undefined ? "callable" : config.application !== undefined ? "application" : config.command !== undefined ? "command" : "sql"}</dt><dd><code>${code}</code></dd>` : ""}
${task.python ? html`<dt>Python</dt><dd>${pythonLink(manifest, task.python)}</dd>` : ""}
${task.upstreamTasks.length ? html`<dt>after</dt><dd>${task.upstreamTasks.map((id, index) => html`${index ? ", " : ""}${link(id)}${task.upstreamLabels?.[id] ? html` <span class="label">“${task.upstreamLabels[id]}”</span>` : ""}`)}</dd>` : ""}
${downstream.length ? html`<dt>before</dt><dd>${downstream.map((id, index) => html`${index ? ", " : ""}${link(id)}`)}</dd>` : ""}
${io("reads", task.inputs as Array<{ uri?: string }> | undefined)}${io("writes", task.outputs as Array<{ uri?: string }> | undefined)}
${io("reads models", task.modelInputs as Array<{ name?: string }> | undefined, true)}${io("writes models", task.modelOutputs as Array<{ name?: string }> | undefined, true)}
${task.metrics?.length ? html`<dt>reports</dt><dd>${(task.metrics as Array<{ name: string }>).map((metric, index) => html`${index ? ", " : ""}<code>${metric.name}</code>`)}</dd>` : ""}
</dl>
${options.length
  ? html`<table class="options"><caption>Effective options</caption><thead><tr><th scope="col">option</th><th scope="col">value</th><th scope="col">from</th></tr></thead><tbody>${options.map(
      ([name, value]) => html`<tr><td><code>${name}</code></td><td><code>${valueText(value)}</code></td><td>${fromText(task.effectiveFrom[name])}</td></tr>`,
    )}</tbody></table>`
  : html`<p class="quiet">No options set: Airflow's defaults apply.</p>`}
${job ? html`<p class="spark">Spark: <strong>${job.requested.cores}</strong> cores, <strong>${job.requested.memoryMib}</strong> MiB in all (driver and executors, with overhead); ${job.target === "kubernetes" ? "a SparkApplication on Kubernetes" : "spark-submit"}.</p>` : ""}
${pod ? html`<p class="pod">Pod: image <code>${pod.image ?? "(default)"}</code>${pod.resources ? html`, resources <code>${JSON.stringify(pod.resources)}</code>` : ""}.</p>` : ""}
</section>`;
}

export function dagPageFile(manifest: Manifest, dag: ManifestDag): { path: string; contents: string } {
  const path = dagPage(dag.id);
  const root = rootOf(path);
  const graph = dagGraph(dag);
  const layout = layoutGraph(graph);
  const svg = toSvg(graph, layout, (id) => (dag.tasks.some((task) => task.id === id) ? `#${taskAnchor(id)}` : id.startsWith("dag:") && manifest.dags.some((other) => `dag:${other.id}` === id) ? `${root}${dagPage(id.slice(4))}` : undefined));
  const edges = graph.edges.length;
  // With groups, a second drawing with each outermost group as one node, for the "Collapse groups" switch.
  const collapsed = dag.groups.length
    ? (() => {
        const small = collapseGroups(graph);
        const smallLayout = layoutGraph(small);
        const link = (id: string) => (id.startsWith("group:") ? `#${groupAnchor(id.slice("group:".length))}` : dag.tasks.some((task) => task.id === id) ? `#${taskAnchor(id)}` : undefined);
        return { svg: toSvg(small, smallLayout, link, "collapsed"), layout: smallLayout };
      })()
    : undefined;
  const byGroup = new Map<string | undefined, ManifestTask[]>();
  for (const task of dag.tasks) (byGroup.get(task.group) ?? byGroup.set(task.group, []).get(task.group)!).push(task);
  const groupSection = (group: ManifestDag["groups"][number]): Raw => {
    const nested = dag.groups.filter((child) => child.parent === group.id);
    return html`<details class="group" id="${groupAnchor(group.id)}" open><summary><code>${group.id}</code>${group.expand ? html` <span class="badge">mapped</span>` : ""}${group.tooltip ? html` <span class="quiet">${group.tooltip}</span>` : ""}</summary>
${(byGroup.get(group.id) ?? []).map((task) => taskSection(manifest, dag, task, root))}${nested.map(groupSection)}
</details>`;
  };
  const peak = dag.sparkPeak;
  const body = html`<h1><code>${dag.id}</code></h1>
${dag.description ? html`<p class="lead">${dag.description}</p>` : ""}
${facts([
  ["schedule", html`<code>${scheduleText(dag.schedule)}</code> · ${scheduleInWords(dag.schedule)}`],
  ["start date", dag.startDate],
  ["catchup", dag.catchup ? "on" : "off"],
  ["owner", dag.owner],
  ["tags", dag.tags.length ? html`${dag.tags.map((tag) => html`<span class="tag">${tag}</span>`)}` : undefined],
  ["max active runs", dag.maxActiveRuns === undefined ? undefined : String(dag.maxActiveRuns)],
  ["tasks", `${dag.tasks.length} tasks, ${edges} dependencies`],
  ["Spark peak", peak ? `${peak.cores} cores, ${peak.memoryMib} MiB (${peak.jobs} job${peak.jobs === 1 ? "" : "s"} at once${peak.exact ? "" : ", an upper bound"})` : undefined],
  ["source", sourceLink(manifest, dag.location)],
  ["Airflow file", html`<code>${dag.airflowFile}</code>`],
])}
${collapsed ? html`<p class="graph-tools"><button type="button" class="toggle-groups" aria-pressed="false" aria-controls="graph-expanded graph-collapsed">Collapse groups</button></p>` : ""}
${graphFigure(svg, layout, `Task graph of ${dag.id}: drag to move, + and - to zoom, 0 to fit`, CAPTION, { id: "graph-expanded" })}
${collapsed ? graphFigure(collapsed.svg, collapsed.layout, `Task graph of ${dag.id}, groups collapsed`, CAPTION, { id: "graph-collapsed", hidden: true }) : ""}
${warningList(manifest, manifest.warnings.filter((warning) => warning.location?.file === dag.location.file), root)}
${suppressedList(manifest, (manifest.suppressed ?? []).filter((entry) => entry.dag === dag.id))}
<h2>Tasks</h2>
${(byGroup.get(undefined) ?? []).map((task) => taskSection(manifest, dag, task, root))}
${dag.groups.filter((group) => !group.parent).map(groupSection)}`;
  return { path, contents: page({ title: dag.id, path, body, section: "dags" }) };
}
