/**
 * A graph as a mermaid flowchart. Node ids are n0, n1, ... in the graph's order (mermaid ids
 * cannot hold every character task ids can); what people read is in the quoted labels, with
 * mermaid's entity codes for the characters that would end a label.
 */
import type { Graph, GraphNode } from "./model.js";

/** mermaid shapes by kind: tasks as boxes, other DAGs as subroutines, assets as cylinders, models as hexagons, metrics as stadiums. */
const SHAPES: Record<GraphNode["kind"], [string, string]> = {
  task: ["[", "]"],
  dag: ["[", "]"],
  external: ["[[", "]]"],
  asset: ["[(", ")]"],
  model: ["{{", "}}"],
  metric: ["([", "])"],
};

/** Text inside a quoted mermaid label: quotes and the characters mermaid reads as markup, as entity codes. */
function text(value: string): string {
  return value.replace(/[#"<>&|`]/g, (char) => `#${char.codePointAt(0)};`);
}

function nodeLabel(node: GraphNode): string {
  const marks = node.marks.length ? ` (${node.marks.join(", ")})` : "";
  return `${text(node.label)}${text(marks)}${node.detail ? `<br/><small>${text(node.detail)}</small>` : ""}`;
}

export function toMermaid(graph: Graph): string {
  const ids = new Map(graph.nodes.map((node, index) => [node.id, `n${index}`]));
  const clusterIds = new Map(graph.clusters.map((cluster, index) => [cluster.id, `g${index}`]));
  const lines = [`flowchart ${graph.direction}`];
  const inCluster = new Map<string | undefined, GraphNode[]>();
  for (const node of graph.nodes) (inCluster.get(node.cluster) ?? inCluster.set(node.cluster, []).get(node.cluster)!).push(node);
  const children = new Map<string | undefined, typeof graph.clusters>();
  for (const cluster of graph.clusters) (children.get(cluster.parent) ?? children.set(cluster.parent, []).get(cluster.parent)!).push(cluster);
  const write = (cluster: string | undefined, indent: string) => {
    for (const node of inCluster.get(cluster) ?? []) {
      const [open, close] = SHAPES[node.kind];
      lines.push(`${indent}${ids.get(node.id)}${open}"${nodeLabel(node)}"${close}`);
    }
    for (const child of children.get(cluster) ?? []) {
      lines.push(`${indent}subgraph ${clusterIds.get(child.id)}["${text(child.label)}${child.mapped ? " (mapped)" : ""}"]`);
      write(child.id, `${indent}  `);
      lines.push(`${indent}end`);
    }
  };
  write(undefined, "  ");
  for (const edge of graph.edges) {
    const arrow = edge.style === "solid" ? "-->" : edge.style === "dashed" ? "-.->" : "-.->";
    const label = edge.label !== undefined ? `|"${text(edge.label)}"|` : "";
    lines.push(`  ${ids.get(edge.from)} ${arrow}${label} ${ids.get(edge.to)}`);
  }
  // Marked nodes get classes a stylesheet (or mermaid's classDef) can colour.
  lines.push("  classDef external stroke-dasharray: 4 3;");
  const external = graph.nodes.filter((node) => node.kind === "external").map((node) => ids.get(node.id));
  if (external.length) lines.push(`  class ${external.join(",")} external;`);
  return `${lines.join("\n")}\n`;
}
