import { Option, type Command } from "commander";
import type { Diagnostic } from "../diagnostics/index.js";
import type { ResolvedDag, ResolvedProject } from "../ir/resolved.js";
import { scheduleText } from "../graph/model.js";
import { selectDags, type Selected } from "../graph/select.js";
import { checkedProject, EXIT, projectRoot, type CommonOptions } from "./context.js";
import { rootOption, selectOptions, type SelectOptions } from "./options.js";

interface ListOptions extends CommonOptions, SelectOptions {
  format: "table" | "json";
}

export function registerList(program: Command): void {
  const command = program
    .command("list")
    .description("List the project's DAGs and their tasks, as a table or as JSON for scripts")
    .addOption(new Option("--format <format>", "table, or json (one document on stdout)").choices(["table", "json"]).default("table"));
  selectOptions(command)
    .addOption(rootOption())
    .action(async (options: ListOptions) => {
      const project = await checkedProject(projectRoot(options));
      if (!project) return;
      const selected = selectIn(project, options);
      if ("error" in selected) {
        process.stderr.write(`error: ${selected.error}\n`);
        process.exitCode = EXIT.userErrors;
        return;
      }
      const dags = project.dags.filter((dag) => selected.dags.includes(dag.id));
      process.stdout.write(options.format === "json" ? json(dags, selected) : table(dags, selected));
    });
}

/** The project's DAGs and tasks the options select (all without selectors). */
export function selectIn(project: ResolvedProject, options: SelectOptions): Selected | { error: string } {
  const dags = project.dags.map((dag) => ({
    id: dag.id,
    tags: dag.ir.tags,
    ...(dag.ir.owner !== undefined ? { owner: dag.ir.owner } : {}),
    file: dag.ir.location.file,
    tasks: dag.tasks.map((task) => ({ id: task.id, upstream: task.upstream, config: task.ir.config })),
  }));
  return selectDags(dags, project.lineage.assets, options.select ?? [], options.exclude ?? []);
}

/**
 * The diagnostics that concern the selected DAGs: all but those about a DAG left out, or placed
 * in a module whose DAGs are all left out. What belongs to no DAG (the config, a shared helper)
 * stays.
 */
export function concerningSelection(project: ResolvedProject, selected: Selected, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const chosen = new Set(selected.dags);
  const left = new Set(project.dags.filter((dag) => !chosen.has(dag.id)).map((dag) => dag.id));
  const filesOfChosen = new Set(project.dags.filter((dag) => chosen.has(dag.id)).map((dag) => dag.ir.location.file));
  const filesLeftOnly = new Set(project.dags.filter((dag) => left.has(dag.id) && !filesOfChosen.has(dag.ir.location.file)).map((dag) => dag.ir.location.file));
  return diagnostics.filter((d) => (d.subject ? !left.has(d.subject.dag) : !(d.location && filesLeftOnly.has(d.location.file))));
}

const tasksOf = (dag: ResolvedDag, selected: Selected) => dag.tasks.filter((task) => !selected.tasks[dag.id] || selected.tasks[dag.id]!.includes(task.id));

function json(dags: readonly ResolvedDag[], selected: Selected): string {
  const document = {
    dags: dags.map((dag) => ({
      id: dag.id,
      schedule: scheduleText(dag.ir.schedule),
      owner: dag.ir.owner ?? null,
      tags: dag.ir.tags,
      file: dag.ir.location.file,
      line: dag.ir.location.line,
      tasks: tasksOf(dag, selected).map((task) => ({ id: task.id, kind: task.ir.config.kind, upstream: task.upstream, group: task.groups.at(-1) ?? null, file: task.ir.location.file, line: task.ir.location.line })),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function table(dags: readonly ResolvedDag[], selected: Selected): string {
  const rows: string[][] = [["DAG", "TASK", "KIND", "UPSTREAM", "SOURCE"]];
  for (const dag of dags) {
    rows.push([dag.id, "", `schedule: ${scheduleText(dag.ir.schedule)}`, "", `${dag.ir.location.file}:${dag.ir.location.line}`]);
    // Upstream tasks as Airflow will see them: dependencies on groups expanded.
    for (const task of tasksOf(dag, selected)) {
      rows.push(["", task.id, task.ir.config.kind, task.upstream.join(", ") || "-", `${task.ir.location.file}:${task.ir.location.line}`]);
    }
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join("  ").trimEnd()).join("\n") + "\n";
}
