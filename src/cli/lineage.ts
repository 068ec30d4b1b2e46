import type { Command } from "commander";
import type { LineageNode } from "../ir/lineage.js";
import type { ResolvedProject } from "../ir/resolved.js";
import { lineageNodeOf } from "../graph/model.js";
import { lineageGraph } from "../resolve/index.js";
import { checkedProject, EXIT, projectRoot, type CommonOptions } from "./context.js";
import { rootOption } from "./options.js";

export function registerLineage(program: Command): void {
  program
    .command("lineage")
    .description("Show what is upstream and downstream of an asset, a model or a task, across DAGs")
    .argument("<name>", 'an asset URI or name, a model or metric name, or a task as "dag_id.task_id"')
    .addOption(rootOption())
    .addHelpText("after", "\nExit codes: 0 found, 1 errors in the project or nothing by that name, 2 bad usage.")
    .action(async (name: string, options: CommonOptions) => {
      const project = await checkedProject(projectRoot(options));
      if (!project) return;
      const graph = lineageGraph(project.lineage);
      const node = lineageNodeOf(project.lineage, name, (id) => graph.has(id));
      if (!node) {
        process.stderr.write(`error: no asset, model, metric or task named ${JSON.stringify(name)} in the project\n`);
        process.exitCode = EXIT.userErrors;
        return;
      }
      process.stdout.write(lineageTree(project, node));
    });
}


/** The node, then its upstream and downstream as indented trees; a node seen before is not expanded again. */
export function lineageTree(project: ResolvedProject, node: LineageNode): string {
  const downstream = lineageGraph(project.lineage);
  const upstream = new Map<LineageNode, Set<LineageNode>>([...downstream.keys()].map((key) => [key, new Set()]));
  for (const [from, tos] of downstream) for (const to of tos) upstream.get(to)!.add(from);
  const names = new Map(project.lineage.assets.map((asset) => [`asset:${asset.uri}`, asset.name]));
  const label = (id: LineageNode) => {
    const [kind, ...rest] = id.split(":");
    const value = rest.join(":");
    const name = names.get(id);
    return kind === "asset" && name ? `asset ${name} (${value})` : `${kind} ${value}`;
  };
  const tree = (edges: Map<LineageNode, Set<LineageNode>>) => {
    const lines: string[] = [];
    const seen = new Set<LineageNode>([node]);
    const walk = (id: LineageNode, depth: number) => {
      for (const next of [...(edges.get(id) ?? [])].sort()) {
        const repeated = seen.has(next);
        lines.push(`${"  ".repeat(depth)}${label(next)}${repeated ? " (shown above)" : ""}`);
        if (repeated) continue;
        seen.add(next);
        walk(next, depth + 1);
      }
    };
    walk(node, 1);
    return lines.length ? lines : ["  (nothing)"];
  };
  return [label(node), "upstream:", ...tree(upstream), "downstream:", ...tree(downstream), ""].join("\n");
}
