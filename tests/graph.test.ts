/**
 * `dagwright graph`: what each graph holds (groups, branches, mapping, setup and teardown,
 * other DAGs), the exact text of the ascii view, mermaid's escaping, and every example's DOT
 * accepted by Graphviz's own `dot`. (That mermaid itself parses and draws the mermaid output is
 * proven in the browser suite, where mermaid runs.)
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { toAscii } from "../src/graph/ascii.js";
import { toDot } from "../src/graph/dot.js";
import { toMermaid } from "../src/graph/mermaid.js";
import { collapseGroups, dagGraph, lineageSubgraph, projectGraph } from "../src/graph/model.js";
import type { Manifest } from "../src/ir/manifest.js";
import { REPO_ROOT, runCli } from "./helpers/project.js";

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "generated", "manifest.json"), "utf8")) as Manifest;
const dag = (id: string) => manifest.dags.find((candidate) => candidate.id === id)!;

describe("the graph of a DAG", () => {
  it("has a node per task, an edge per dependency, groups as clusters, and marks for mapped, branch, setup, teardown and sensors", () => {
    for (const each of manifest.dags) {
      const graph = dagGraph(each);
      expect(graph.nodes.filter((node) => node.kind === "task").map((node) => node.id)).toEqual(each.tasks.map((task) => task.id));
      expect(graph.edges.filter((edge) => edge.label !== "waits for" && edge.label !== "triggers" && edge.label !== "clears").length).toBe(
        each.tasks.reduce((sum, task) => sum + task.upstreamTasks.length, 0),
      );
      expect(graph.clusters.map((cluster) => cluster.id)).toEqual(each.groups.map((group) => group.id));
    }
    const report = dagGraph(dag("report_builder"));
    const marks = Object.fromEntries(report.nodes.filter((node) => node.marks.length).map((node) => [node.id, node.marks]));
    expect(marks).toEqual({ "extract.fetch": ["mapped"], summarize: ["mapped"], pick_format: ["branch"], region_share: ["mapped"], publish: ["mapped"] });
    expect(report.edges.filter((edge) => edge.style === "dashed").map((edge) => `${edge.from}->${edge.to}`)).toEqual(["pick_format->render_pdf", "pick_format->render_html"]);
    const ops = dagGraph(dag("platform_ops"));
    expect(ops.nodes.filter((node) => node.kind === "external").map((node) => node.id)).toEqual(["dag:billing_daily", "dag:daily_etl.build_marts", "dag:hello"]);
    expect(ops.edges.filter((edge) => edge.style === "dotted").map((edge) => `${edge.from}->${edge.to} ${edge.label ?? ""}`)).toEqual([
      "dag:daily_etl.build_marts->wait_for_etl waits for",
      "dag:billing_daily->wait_for_billing waits for",
      "create_scratch_schema->drop_scratch_schema ",
      "say_hello->dag:hello triggers",
    ]);
    expect(ops.nodes.find((node) => node.id === "create_scratch_schema")!.marks).toEqual(["setup"]);
  });

  it("collapses each outermost group into one node, its edges attached to it", () => {
    const collapsed = collapseGroups(dagGraph(dag("report_builder")));
    expect(collapsed.clusters).toEqual([]);
    expect(collapsed.nodes.filter((node) => node.id.startsWith("group:")).map((node) => `${node.id} ${node.detail}`)).toEqual(["group:extract group of 3 tasks"]);
    expect(collapsed.edges.filter((edge) => edge.from === "group:extract" || edge.to === "group:extract").map((edge) => `${edge.from}->${edge.to}`)).toEqual([
      "list_regions->group:extract",
      "group:extract->summarize",
    ]);
    expect(collapsed.nodes.length).toBe(dag("report_builder").tasks.length - 3 + 1);
  });

  it("reads as a list by rank in a terminal", () => {
    expect(toAscii(dagGraph(dag("churn_training")))).toBe(`churn_training: 8 nodes, 7 edges

1  ingest_events     python
2  validate_events   python  <- ingest_events
3  build_features    spark   <- validate_events
4  train_model       python  <- build_features
   train_deep_model  pod     <- build_features
5  evaluate_model    python  <- train_model
6  publish_model     python  <- evaluate_model
7  score_customers   spark   <- publish_model
`);
    const ops = toAscii(dagGraph(dag("platform_ops")));
    expect(ops).toContain("   other DAG billing_daily\n");
    expect(ops).toMatch(/\n2 {2}wait_for_etl +external_task_sensor \[sensor\] +<- daily_etl\.build_marts "waits for"\n/);
    expect(ops).toMatch(/\n {3}say_hello +trigger_dag +<- drop_scratch_schema\n9 {2}other DAG hello +<- say_hello "triggers"\n$/);
  });

  it("escapes in mermaid what would end a label, and nests groups as subgraphs", () => {
    const text = toMermaid({
      title: "t",
      direction: "LR",
      nodes: [
        { id: "a", label: 'say "hi" | #1 <b>', kind: "task", marks: [], cluster: "g" },
        { id: "b", label: "b", kind: "asset", detail: "s3://x", marks: ["mapped"] },
      ],
      clusters: [{ id: "g", label: "group", mapped: true }],
      edges: [{ from: "a", to: "b", label: 'yes "y"', style: "dashed" }],
    });
    expect(text).toBe(`flowchart LR
  n1[("b (mapped)<br/><small>s3://x</small>")]
  subgraph g0["group (mapped)"]
    n0["say #34;hi#34; #124; #35;1 #60;b#62;"]
  end
  n0 -.->|"yes #34;y#34;"| n1
  classDef external stroke-dasharray: 4 3;
`);
  });
});

describe("Graphviz", () => {
  it("accepts the DOT of every example DAG, of the project and of a lineage", () => {
    const dot = spawnSync("dot", ["-V"], { encoding: "utf8" });
    expect(dot.error, "Graphviz's dot is not installed (apt-get install graphviz)").toBeUndefined();
    const graphs = [...manifest.dags.map(dagGraph), projectGraph(manifest), lineageSubgraph(manifest, "model:churn")];
    for (const graph of graphs) {
      const run = spawnSync("dot", ["-Tsvg"], { input: toDot(graph), encoding: "utf8" });
      expect(run.status, `${graph.title}: ${run.stderr}`).toBe(0);
      expect(run.stderr, graph.title).toBe("");
      // One drawn node per graph node: Graphviz titles each with its id.
      expect(run.stdout.match(/<g id="node\d+" class="node">/g)?.length ?? 0, graph.title).toBe(graph.nodes.length);
      expect(run.stdout.match(/<g id="edge\d+" class="edge">/g)?.length ?? 0, graph.title).toBe(graph.edges.length);
    }
  });
});

describe("dagwright graph", () => {
  it("prints a DAG, the project or a lineage, and refuses what does not exist", () => {
    const churn = runCli(["graph", "churn_training", "--format", "mermaid"]);
    expect(churn.status, churn.stderr).toBe(0);
    expect(churn.stdout).toBe(toMermaid(dagGraph(dag("churn_training"))));
    expect(runCli(["graph", "--format", "dot"]).stdout).toBe(toDot(projectGraph(manifest)));
    expect(runCli(["graph", "--lineage", "churn"]).stdout).toBe(toAscii(lineageSubgraph(manifest, "model:churn")));
    const missing = runCli(["graph", "nope"]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^error: no DAG named "nope"; the project's DAGs are churn_training, daily_etl, /);
    expect(runCli(["graph", "nope", "--lineage", "churn"]).status).toBe(2);
    expect(runCli(["graph", "--lineage", "nothing"]).stderr).toBe('error: no asset, model, metric or task named "nothing" in the project\n');
  });
});
