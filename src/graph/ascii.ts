/**
 * A graph as plain text for a terminal: nodes in the order they can run (rank 1 has no
 * upstream, rank n runs after something of rank n-1), each with what it is, its marks, and
 * what it waits for. Plain ASCII, so it reads the same in any terminal and in CI logs.
 */
import type { Graph, GraphNode } from "./model.js";

/** Each node's rank: one more than the highest rank of its upstream nodes; 1 for none. */
function ranks(graph: Graph): Map<string, number> {
  const upstream = new Map(graph.nodes.map((node) => [node.id, [] as string[]]));
  for (const edge of graph.edges) upstream.get(edge.to)?.push(edge.from);
  const rank = new Map<string, number>();
  const visiting = new Set<string>();
  const rankOf = (id: string): number => {
    const known = rank.get(id);
    if (known !== undefined) return known;
    // A cycle (validation reports it) must not loop here: a node seen on the way ranks first.
    if (visiting.has(id)) return 0;
    visiting.add(id);
    const value = 1 + Math.max(0, ...(upstream.get(id) ?? []).map(rankOf));
    visiting.delete(id);
    rank.set(id, value);
    return value;
  };
  for (const node of graph.nodes) rankOf(node.id);
  return rank;
}

export function toAscii(graph: Graph): string {
  const rank = ranks(graph);
  const clusters = new Map(graph.clusters.map((cluster) => [cluster.id, cluster]));
  const path = (node: GraphNode) => {
    const parts: string[] = [];
    for (let cluster = node.cluster ? clusters.get(node.cluster) : undefined; cluster; cluster = cluster.parent ? clusters.get(cluster.parent) : undefined) {
      parts.unshift(`${cluster.label}${cluster.mapped ? "[]" : ""}`);
    }
    return [...parts, node.label].join("/");
  };
  const names = new Map(graph.nodes.map((node) => [node.id, path(node)]));
  const incoming = new Map<string, string[]>();
  for (const edge of graph.edges) {
    const mark = edge.style === "solid" ? "" : edge.style === "dashed" ? " (branch)" : "";
    const label = edge.label !== undefined ? ` "${edge.label}"` : "";
    (incoming.get(edge.to) ?? incoming.set(edge.to, []).get(edge.to)!).push(`${names.get(edge.from)}${label}${mark}`);
  }
  const rows = [...graph.nodes]
    .map((node, index) => ({ node, index, rank: rank.get(node.id)! }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ node, rank: value }) => ({
      rank: value,
      name: `${node.kind === "task" || node.kind === "dag" ? "" : `${node.kind === "external" ? "other DAG" : node.kind} `}${names.get(node.id)}`,
      what: [node.kind === "external" ? "" : (node.detail ?? ""), ...node.marks.map((mark) => `[${mark}]`)].filter(Boolean).join(" "),
      after: incoming.get(node.id) ?? [],
    }));
  const nameWidth = Math.min(48, Math.max(...rows.map((row) => row.name.length), 4));
  const whatWidth = Math.min(40, Math.max(...rows.map((row) => row.what.length), 4));
  const rankWidth = String(Math.max(...rows.map((row) => row.rank), 1)).length;
  const edges = graph.edges.length;
  const lines = [`${graph.title}: ${graph.nodes.length} node${graph.nodes.length === 1 ? "" : "s"}, ${edges} edge${edges === 1 ? "" : "s"}`, ""];
  let previous = 0;
  for (const row of rows) {
    const rankColumn = row.rank === previous ? " ".repeat(rankWidth) : String(row.rank).padStart(rankWidth);
    previous = row.rank;
    const after = row.after.length ? `<- ${row.after.join(", ")}` : "";
    lines.push(`${rankColumn}  ${row.name.padEnd(nameWidth)}  ${row.what.padEnd(whatWidth)}  ${after}`.trimEnd());
  }
  return `${lines.join("\n")}\n`;
}
