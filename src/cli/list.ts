import type { Command } from "commander";
import type { ResolvedDag } from "../ir/resolved.js";
import { scheduleText } from "../graph/model.js";
import { checkedProject, projectRoot, type CommonOptions } from "./context.js";
import { rootOption } from "./options.js";

export function registerList(program: Command): void {
  program
    .command("list")
    .description("List the project's DAGs and their tasks as a table")
    .addOption(rootOption())
    .action(async (options: CommonOptions) => {
      const project = await checkedProject(projectRoot(options));
      if (project) process.stdout.write(table(project.dags));
    });
}


function table(dags: readonly ResolvedDag[]): string {
  const rows: string[][] = [["DAG", "TASK", "KIND", "UPSTREAM", "SOURCE"]];
  for (const dag of dags) {
    rows.push([dag.id, "", `schedule: ${scheduleText(dag.ir.schedule)}`, "", `${dag.ir.location.file}:${dag.ir.location.line}`]);
    // Upstream tasks as Airflow will see them: dependencies on groups expanded.
    for (const task of dag.tasks) {
      rows.push(["", task.id, task.ir.config.kind, task.upstream.join(", ") || "-", `${task.ir.location.file}:${task.ir.location.line}`]);
    }
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join("  ").trimEnd()).join("\n") + "\n";
}
