/**
 * A laid-out graph as SVG for the docs site: every node a `g.node` (with its kind and marks as
 * classes, and its id as data-id, for styling, search and tests), every edge a `g.edge`, task
 * groups as `g.cluster` boxes behind them. Colours come from the site's stylesheet, so one
 * drawing serves the light and the dark theme.
 */
import type { Layout } from "./layout.js";
import type { Graph } from "./model.js";

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&#39;" })[char]!);
}

/** A rounded path through the edge's points: straight segments with curved corners. */
function pathOf(points: ReadonlyArray<{ x: number; y: number }>): string {
  if (points.length === 0) return "";
  const [first, ...rest] = points;
  return `M${first!.x},${first!.y}${rest.map((point) => `L${point.x},${point.y}`).join("")}`;
}

/** `href(node)` links a node to its page (a DAG's, a model's), when it has one. */
export function toSvg(graph: Graph, layout: Layout, href: (id: string) => string | undefined = () => undefined, variant = ""): string {
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="graph${variant ? ` ${variant}` : ""}" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" role="img" aria-label="${escapeXml(graph.title)}">`,
    `<defs><marker id="arrow${variant ? `-${variant}` : ""}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" class="arrowhead"/></marker></defs>`,
  ];
  for (const cluster of graph.clusters) {
    const box = layout.clusters.get(cluster.id);
    if (!box) continue;
    parts.push(
      `<g class="cluster${cluster.mapped ? " mapped" : ""}" data-id="${escapeXml(cluster.id)}"><rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" rx="8"/>` +
        `<text x="${box.x + 10}" y="${box.y + 18}">${escapeXml(cluster.label)}${cluster.mapped ? " [mapped]" : ""}</text></g>`,
    );
  }
  graph.edges.forEach((edge, index) => {
    const laid = layout.edges[index]!;
    const label = edge.label !== undefined && laid.label ? `<text class="edge-label" x="${laid.label.x}" y="${laid.label.y + 4}" text-anchor="middle">${escapeXml(edge.label)}</text>` : "";
    parts.push(
      `<g class="edge ${edge.style}" data-from="${escapeXml(edge.from)}" data-to="${escapeXml(edge.to)}"><path d="${pathOf(laid.points)}" marker-end="url(#arrow${variant ? `-${variant}` : ""})"/>${label}</g>`,
    );
  });
  for (const node of graph.nodes) {
    const box = layout.nodes.get(node.id)!;
    const marks = node.marks.length ? ` ${node.marks.map((mark) => `[${mark}]`).join("")}` : "";
    const classes = ["node", node.kind, ...node.marks].join(" ");
    const link = href(node.id);
    const body =
      `<rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" rx="${node.kind === "task" || node.kind === "dag" ? 6 : 14}"/>` +
      `<text class="name" x="${box.x + 12}" y="${box.y + (node.detail ? 18 : 25)}">${escapeXml(node.label)}<tspan class="marks">${escapeXml(marks)}</tspan></text>` +
      (node.detail ? `<text class="detail" x="${box.x + 12}" y="${box.y + 33}">${escapeXml(node.detail)}</text>` : "");
    const title = `<title>${escapeXml(node.id)}</title>`;
    parts.push(
      link
        ? `<a href="${escapeXml(link)}" class="${classes}" data-id="${escapeXml(node.id)}">${title}${body}</a>`
        : `<g class="${classes}" data-id="${escapeXml(node.id)}" tabindex="0">${title}${body}</g>`,
    );
  }
  parts.push("</svg>");
  return parts.join("\n");
}
