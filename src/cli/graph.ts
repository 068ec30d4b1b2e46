import { Option, type Command } from "commander";
import { toAscii } from "../graph/ascii.js";
import { toDot } from "../graph/dot.js";
import { toMermaid } from "../graph/mermaid.js";
import { dagGraph, lineageNodeOf, lineageSubgraph, projectGraph, type Graph } from "../graph/model.js";
import { selectDags } from "../graph/select.js";
import { compiledManifest, EXIT, projectRoot, type CommonOptions } from "./context.js";
import { rootOption, selectOptions, type SelectOptions } from "./options.js";

const FORMATS = { mermaid: toMermaid, dot: toDot, ascii: toAscii } as const;

interface GraphOptions extends CommonOptions, SelectOptions {
  format: keyof typeof FORMATS;
  lineage?: string;
}

export function registerGraph(program: Command): void {
  const command = program
    .command("graph")
    .description("Print a DAG's task graph, the project's DAG-to-DAG graph (without a DAG id), or the lineage around an asset, model, metric or task")
    .argument("[dag_id]", "the DAG to draw; without it, the DAGs and the assets, triggers and sensors between them")
    .addOption(new Option("--format <format>", "mermaid (for Markdown and GitHub), dot (Graphviz) or ascii (a terminal)").choices(Object.keys(FORMATS)).default("ascii"))
    .option("--lineage <name>", 'draw what `dagwright lineage <name>` prints: everything upstream and downstream of an asset (URI or name), model, metric or task ("dag_id.task_id")');
  selectOptions(command)
    .addOption(rootOption())
    .addHelpText(
      "after",
      "\nExamples:\n  dagwright graph churn_training --format mermaid > churn.mmd\n  dagwright graph --format dot | dot -Tsvg > project.svg\n  dagwright graph --lineage churn\n" +
        "\nExit codes: 0 drawn, 1 errors in the project or nothing by that name, 2 bad usage.",
    )
    .action(async (dagId: string | undefined, options: GraphOptions, command: Command) => {
      if (dagId !== undefined && options.lineage !== undefined) command.error("error: give a DAG id or --lineage, not both", { exitCode: EXIT.usage });
      const compiled = await compiledManifest(projectRoot(options));
      if (!compiled) return;
      const { manifest } = compiled;
      let graph: Graph;
      if (options.lineage !== undefined) {
        const nodes = new Set(manifest.lineage.nodes.map((node) => node.id));
        const node = lineageNodeOf(manifest.lineage, options.lineage, (id) => nodes.has(id));
        if (!node) return refuse(`no asset, model, metric or task named ${JSON.stringify(options.lineage)} in the project`);
        graph = lineageSubgraph(manifest, node);
      } else if (dagId !== undefined) {
        const dag = manifest.dags.find((candidate) => candidate.id === dagId);
        if (!dag) return refuse(`no DAG named ${JSON.stringify(dagId)}; the project's DAGs are ${manifest.dags.map((candidate) => candidate.id).join(", ")}`);
        graph = dagGraph(dag);
      } else {
        const selected = selectDags(
          manifest.dags.map((each) => ({ id: each.id, tags: each.tags, ...(each.owner !== undefined ? { owner: each.owner } : {}), file: each.location.file, tasks: each.tasks.map((task) => ({ id: task.id, upstream: task.upstreamTasks, config: task.config })) })),
          manifest.lineage.assets,
          options.select ?? [],
          options.exclude ?? [],
        );
        if ("error" in selected) return refuse(selected.error);
        // The project graph of the selected DAGs, and of the assets between them.
        const kept = new Set(selected.dags);
        const inSelection = (qualified: string) => kept.has(qualified.slice(0, qualified.indexOf(".")));
        graph = projectGraph({
          ...manifest,
          dags: manifest.dags.filter((each) => kept.has(each.id)),
          lineage: { ...manifest.lineage, assets: manifest.lineage.assets.map((asset) => ({ ...asset, writers: asset.writers.filter(inSelection), scheduledDags: asset.scheduledDags.filter((id) => kept.has(id)) })) },
        });
      }
      process.stdout.write(FORMATS[options.format](graph));
    });
}

function refuse(message: string): void {
  process.stderr.write(`error: ${message}\n`);
  process.exitCode = EXIT.userErrors;
}
