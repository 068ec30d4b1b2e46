import { Option, type Command } from "commander";
import type { SimulatedRun } from "../run/simulate.js";
import { checkedProject, EXIT, projectRoot, type CommonOptions } from "./context.js";
import { rootOption } from "./options.js";

interface RunOptions extends CommonOptions {
  date?: string;
  branch: string[];
  fail: string[];
  format: "pretty" | "json";
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerRun(program: Command): void {
  program
    .command("run")
    .description("Plan a run of a DAG without Airflow: the order tasks start in, what branches skip, mapped tasks' instances, and what trigger rules make of failures")
    .argument("<dag_id>", "the DAG to run")
    .option("--date <date>", "the run's logical date, for the heading (default: today, UTC)")
    .option("--branch <task=target[,target]>", "what a branch chooses (default: its first target); repeatable", collect, [])
    .option("--fail <task>", "a task that fails when it runs; repeatable", collect, [])
    .addOption(new Option("--format <format>", "pretty (a timeline) or json").choices(["pretty", "json"]).default("pretty"))
    .addOption(rootOption())
    .addHelpText("after", "\nNothing runs: a task that starts succeeds unless --fail names it.\nExit codes: 0 the run succeeds, 1 it fails (or errors in the project), 2 bad usage.")
    .action(async (dagId: string, options: RunOptions, command: Command) => {
      const branches = new Map<string, string[]>();
      for (const choice of options.branch) {
        const [task, targets] = choice.split("=");
        if (!task || !targets) command.error(`error: --branch takes task=target (or task=a,b), not ${JSON.stringify(choice)}`, { exitCode: EXIT.usage });
        branches.set(task!, targets!.split(","));
      }
      const project = await checkedProject(projectRoot(options));
      if (!project) return;
      const dag = project.dags.find((candidate) => candidate.id === dagId);
      if (!dag) {
        process.stderr.write(`error: no DAG named ${JSON.stringify(dagId)}; the project's DAGs are ${project.dags.map((candidate) => candidate.id).join(", ")}\n`);
        process.exitCode = EXIT.userErrors;
        return;
      }
      const { branchTargetsOf, simulateRun } = await import("../run/simulate.js");
      // Names the DAG must have: refused plainly, without the usage text.
      const refuse = (message: string) => {
        process.stderr.write(`error: ${message}\n`);
        process.exitCode = EXIT.usage;
      };
      for (const [task, targets] of branches) {
        const found = dag.task(task);
        const allowed = found ? branchTargetsOf(found) : [];
        if (!found || allowed.length === 0) return refuse(`--branch ${task}: DAG "${dagId}" has no branching task "${task}"`);
        const unknown = targets.filter((target) => !allowed.includes(target));
        if (unknown.length) return refuse(`--branch ${task}: it chooses among ${allowed.join(", ")}, not ${unknown.join(", ")}`);
      }
      const unknownFailure = options.fail.find((task) => !dag.task(task));
      if (unknownFailure !== undefined) return refuse(`--fail ${unknownFailure}: DAG "${dagId}" has no task "${unknownFailure}"`);
      const run = simulateRun(dag, { branches, failures: new Set(options.fail) });
      const date = options.date ?? new Date().toISOString().slice(0, 10);
      process.stdout.write(options.format === "json" ? `${JSON.stringify({ ...run, logicalDate: date }, null, 2)}\n` : timeline(run, date));
      if (run.state === "failed") process.exitCode = EXIT.userErrors;
    });
}

function timeline(run: SimulatedRun, date: string): string {
  const width = Math.min(48, Math.max(...run.tasks.map((task) => task.id.length + (task.instances !== undefined ? 14 : 0))));
  const lines = [`run of DAG ${run.dagId} for ${date}, planned (nothing runs)`, ""];
  let step = 0;
  for (const task of run.tasks) {
    const stepColumn = task.step === step ? "        " : `step ${String(task.step).padEnd(3)}`;
    step = task.step;
    const name = `${task.id}${task.instances === undefined ? "" : task.instances === "dynamic" ? " [mapped]" : ` [${task.instances}x]`}`;
    const detail = task.chose ? `chose ${task.chose.join(", ")}` : (task.reason ?? "");
    lines.push(`${stepColumn}${name.padEnd(width)}  ${task.state.padEnd(15)}  ${detail}`.trimEnd());
  }
  const count = (state: string) => run.tasks.filter((task) => task.state === state).length;
  lines.push("", `the run ${run.state === "success" ? "succeeds" : "fails"}: ${count("success")} succeeded, ${count("failed")} failed, ${count("upstream_failed")} upstream failed, ${count("skipped")} skipped`);
  return `${lines.join("\n")}\n`;
}
