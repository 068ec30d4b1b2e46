/**
 * Where each node, group and edge of a graph goes, laid out by dagre (the dagrejs layout
 * library: layered, for directed graphs, with compound nodes for task groups). Sizes come from
 * the labels in a monospace font, so text never overflows its box; coordinates are rounded, so
 * the same graph always gives the same picture, byte for byte.
 */
import dagre from "@dagrejs/dagre";
import type { Graph } from "./model.js";

/** Width of one character of the labels' monospace font at 12px, with a little to spare. */
export const CHAR_WIDTH = 7.4;
export const NODE_HEIGHT = 42;
const PADDING = 24;
/** Nodes past which a graph is ranked the faster way. */
const LARGE_GRAPH = 300;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Layout {
  width: number;
  height: number;
  nodes: Map<string, Box>;
  clusters: Map<string, Box>;
  /** Per edge, in the graph's order: the points of its path, and where its label goes. */
  edges: Array<{ points: Array<{ x: number; y: number }>; label?: { x: number; y: number } }>;
}

const round = (value: number) => Math.round(value * 10) / 10;

/** The width a node needs for its name and its detail line. */
export function nodeWidth(label: string, detail = ""): number {
  return Math.max(label.length, detail.length, 6) * CHAR_WIDTH + PADDING;
}

export function layoutGraph(graph: Graph): Layout {
  const g = new dagre.graphlib.Graph({ compound: true, multigraph: true });
  // network-simplex ranks best but grows steeply (26 s for 2,000 tasks); tight-tree is close and takes 2 s there.
  const ranker = graph.nodes.length > LARGE_GRAPH ? "tight-tree" : "network-simplex";
  g.setGraph({ rankdir: graph.direction, nodesep: 24, ranksep: 56, edgesep: 12, marginx: 16, marginy: 16, ranker });
  // A group with no task in it has nothing to draw around (and dagre cannot place it).
  const filled = new Set<string>();
  const parents = new Map(graph.clusters.map((cluster) => [cluster.id, cluster.parent]));
  for (const node of graph.nodes) for (let id = node.cluster; id !== undefined && !filled.has(id); id = parents.get(id)) filled.add(id);
  const clusters = graph.clusters.filter((cluster) => filled.has(cluster.id));
  for (const cluster of clusters) g.setNode(cluster.id, { label: cluster.label, paddingTop: 28 });
  for (const cluster of clusters) if (cluster.parent) g.setParent(cluster.id, cluster.parent);
  for (const node of graph.nodes) {
    const marks = node.marks.length ? ` ${node.marks.map((mark) => `[${mark}]`).join("")}` : "";
    g.setNode(node.id, { width: nodeWidth(`${node.label}${marks}`, node.detail), height: NODE_HEIGHT });
    if (node.cluster) g.setParent(node.id, node.cluster);
  }
  graph.edges.forEach((edge, index) => {
    const label = edge.label ? { width: edge.label.length * 6.2 + 8, height: 16, labelpos: "c" } : {};
    g.setEdge(edge.from, edge.to, { ...label, minlen: 1 }, `e${index}`);
  });
  dagre.layout(g);
  const box = (id: string): Box => {
    const { x, y, width, height } = g.node(id) as unknown as Box;
    return { x: round(x - width / 2), y: round(y - height / 2), width: round(width), height: round(height) };
  };
  const { width, height } = g.graph() as { width?: number; height?: number };
  return {
    width: round(width ?? 0),
    height: round(height ?? 0),
    nodes: new Map(graph.nodes.map((node) => [node.id, box(node.id)])),
    clusters: new Map(clusters.map((cluster) => [cluster.id, box(cluster.id)])),
    edges: graph.edges.map((edge, index) => {
      const laid = g.edge({ v: edge.from, w: edge.to, name: `e${index}` }) as { points: Array<{ x: number; y: number }>; x?: number; y?: number };
      return {
        points: laid.points.map((point) => ({ x: round(point.x), y: round(point.y) })),
        ...(edge.label && laid.x !== undefined && laid.y !== undefined ? { label: { x: round(laid.x), y: round(laid.y) } } : {}),
      };
    }),
  };
}
