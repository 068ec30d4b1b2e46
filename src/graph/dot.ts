/** A graph in Graphviz's DOT language: task groups as clusters, marks in the labels, edge styles as Graphviz draws them. */
import type { Graph, GraphNode } from "./model.js";

/** A DOT string literal. */
function quote(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\r?\n/g, "\\n")}"`;
}

const SHAPES: Record<GraphNode["kind"], string> = {
  task: "box",
  dag: "box",
  external: "component",
  asset: "cylinder",
  model: "hexagon",
  metric: "ellipse",
};

function nodeLine(node: GraphNode, indent: string): string {
  const marks = node.marks.length ? ` (${node.marks.join(", ")})` : "";
  const label = `${node.label}${marks}${node.detail ? `\n${node.detail}` : ""}`;
  const style = [node.kind === "task" || node.kind === "dag" ? "rounded" : "", node.kind === "external" ? "dashed" : ""].filter(Boolean).join(",");
  return `${indent}${quote(node.id)} [label=${quote(label)}, shape=${SHAPES[node.kind]}${style ? `, style=${quote(style)}` : ""}];`;
}

export function toDot(graph: Graph): string {
  const lines = [`digraph ${quote(graph.title)} {`, `  rankdir=${graph.direction};`, '  node [fontname="Helvetica", fontsize=11];', '  edge [fontname="Helvetica", fontsize=9];'];
  const inCluster = new Map<string | undefined, GraphNode[]>();
  for (const node of graph.nodes) (inCluster.get(node.cluster) ?? inCluster.set(node.cluster, []).get(node.cluster)!).push(node);
  const children = new Map<string | undefined, typeof graph.clusters>();
  for (const cluster of graph.clusters) (children.get(cluster.parent) ?? children.set(cluster.parent, []).get(cluster.parent)!).push(cluster);
  const write = (cluster: string | undefined, indent: string) => {
    for (const node of inCluster.get(cluster) ?? []) lines.push(nodeLine(node, indent));
    for (const child of children.get(cluster) ?? []) {
      // Graphviz draws a subgraph as a box only when its name starts with "cluster".
      lines.push(`${indent}subgraph ${quote(`cluster_${child.id}`)} {`);
      lines.push(`${indent}  label=${quote(`${child.label}${child.mapped ? " (mapped)" : ""}`)};`);
      lines.push(`${indent}  style="rounded,dashed";`);
      write(child.id, `${indent}  `);
      lines.push(`${indent}}`);
    }
  };
  write(undefined, "  ");
  for (const edge of graph.edges) {
    const attributes = [...(edge.label !== undefined ? [`label=${quote(edge.label)}`] : []), ...(edge.style !== "solid" ? [`style=${edge.style}`] : [])];
    lines.push(`  ${quote(edge.from)} -> ${quote(edge.to)}${attributes.length ? ` [${attributes.join(", ")}]` : ""};`);
  }
  lines.push("}");
  return `${lines.join("\n")}\n`;
}
