import type { Command } from "commander";
import type { Dag } from "../ir/schema.js";
import { upstreamTasks } from "../ir/structure.js";
import { checkedProject, projectRoot, type CommonOptions } from "./context.js";

export function registerList(program: Command): void {
  program
    .command("list")
    .description("List the project's DAGs and their tasks as a table")
    .option("-C, --root <dir>", "the project folder, holding dagwright.config.ts", ".")
    .action(async (options: CommonOptions) => {
      const project = await checkedProject(projectRoot(options));
      if (project) process.stdout.write(table(project.dags));
    });
}

function scheduleText(dag: Dag): string {
  const { schedule } = dag;
  if (schedule.kind === "assets") return "on assets";
  return schedule.kind === "manual" ? "manual" : schedule.kind === "every" ? `every ${schedule.every}` : schedule.expression;
}

function table(dags: readonly Dag[]): string {
  const rows: string[][] = [["DAG", "TASK", "KIND", "UPSTREAM", "SOURCE"]];
  for (const dag of dags) {
    rows.push([dag.id, "", `schedule: ${scheduleText(dag)}`, "", `${dag.location.file}:${dag.location.line}`]);
    // Upstream tasks as Airflow will see them: dependencies on groups expanded.
    const upstream = upstreamTasks(dag);
    for (const task of dag.tasks) {
      rows.push(["", task.id, task.config.kind, upstream.get(task.id)?.join(", ") || "-", `${task.location.file}:${task.location.line}`]);
    }
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join("  ").trimEnd()).join("\n") + "\n";
}
