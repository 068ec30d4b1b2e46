import type { Command } from "commander";
import type { ResolvedDag } from "../ir/resolved.js";
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

function scheduleText(dag: ResolvedDag): string {
  const { schedule } = dag.ir;
  switch (schedule.kind) {
    case "assets":
      return schedule.orTime ? `on assets, or ${timeText(schedule.orTime)}` : "on assets";
    case "manual":
      return "manual";
    default:
      return timeText(schedule);
  }
}

function timeText(schedule: import("../ir/schema.js").TimeSchedule): string {
  switch (schedule.kind) {
    case "cron":
      return schedule.expression;
    case "every":
      return `every ${schedule.every}`;
    case "crons":
      return schedule.expressions.join(" | ");
    case "events":
      return `${schedule.dates.length} event${schedule.dates.length === 1 ? "" : "s"}`;
  }
}

function table(dags: readonly ResolvedDag[]): string {
  const rows: string[][] = [["DAG", "TASK", "KIND", "UPSTREAM", "SOURCE"]];
  for (const dag of dags) {
    rows.push([dag.id, "", `schedule: ${scheduleText(dag)}`, "", `${dag.ir.location.file}:${dag.ir.location.line}`]);
    // Upstream tasks as Airflow will see them: dependencies on groups expanded.
    for (const task of dag.tasks) {
      rows.push(["", task.id, task.ir.config.kind, task.upstream.join(", ") || "-", `${task.ir.location.file}:${task.ir.location.line}`]);
    }
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join("  ").trimEnd()).join("\n") + "\n";
}
