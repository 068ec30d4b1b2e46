import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Option, type Command } from "commander";
import type { SimulatedRun } from "../run/simulate.js";
import { AIRFLOW_TARGETS } from "../ir/targets.js";
import type { AirflowTarget } from "../ir/schema.js";
import { checkedProject, compiledManifest, EXIT, projectRoot, type CommonOptions } from "./context.js";
import { rootOption } from "./options.js";

interface RunOptions extends CommonOptions {
  date?: string;
  airflow?: string;
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
    .option("--airflow <python>", "run the generated DAG for real with Airflow's dag.test(), with this Python (one with apache-airflow installed), and report each task's state")
    .addOption(new Option("--format <format>", "pretty (a timeline) or json").choices(["pretty", "json"]).default("pretty"))
    .addOption(rootOption())
    .addHelpText(
      "after",
      "\nWithout --airflow nothing runs: a task that starts succeeds unless --fail names it. With --airflow, the tasks run in that Airflow (its" +
        "\nmetadata database in a fresh AIRFLOW_HOME), importing your Python from PYTHONPATH as a worker would." +
        "\nExit codes: 0 the run succeeds, 1 it fails (or errors in the project), 2 bad usage.",
    )
    .action(async (dagId: string, options: RunOptions, command: Command) => {
      const branches = new Map<string, string[]>();
      for (const choice of options.branch) {
        const [task, targets] = choice.split("=");
        if (!task || !targets) command.error(`error: --branch takes task=target (or task=a,b), not ${JSON.stringify(choice)}`, { exitCode: EXIT.usage });
        branches.set(task!, targets!.split(","));
      }
      if (options.airflow !== undefined) {
        if (branches.size || options.fail.length) command.error("error: --branch and --fail plan a run; with --airflow the run is real", { exitCode: EXIT.usage });
        await realRun(projectRoot(options), dagId, options.date ?? new Date().toISOString().slice(0, 10), options.airflow, options.format);
        return;
      }
      const project = await checkedProject(projectRoot(options));
      if (!project) return;
      const dag = project.dags.find((candidate) => candidate.id === dagId);
      if (!dag) {
        process.stderr.write(`error: no DAG named ${JSON.stringify(dagId)}; the project's DAGs are ${project.dags.map((candidate) => candidate.id).join(", ")}\n`);
        process.exitCode = EXIT.userErrors;
        return;
      }
      const [{ simulateRun }, { branchTargets }] = await Promise.all([import("../run/simulate.js"), import("../graph/model.js")]);
      // Names the DAG must have: refused plainly, without the usage text.
      const refuse = (message: string) => {
        process.stderr.write(`error: ${message}\n`);
        process.exitCode = EXIT.usage;
      };
      for (const [task, targets] of branches) {
        const found = dag.task(task);
        const allowed = found ? branchTargets(found.ir) : [];
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

/** The DAG compiled and run with Airflow's dag.test() in `python`, each task's state reported. */
async function realRun(root: string, dagId: string, date: string, python: string, format: "pretty" | "json"): Promise<void> {
  // The DAG is compiled for the Airflow line that Python has, as a deploy to it would be.
  const probe = spawnSync(python, ["-c", "import importlib.metadata as m; print(m.version('apache-airflow'))"], { encoding: "utf8" });
  const installed = probe.status === 0 ? probe.stdout.trim() : undefined;
  if (!installed) {
    process.stderr.write(`error: ${python} has no Airflow to run the DAG with (${probe.error?.message ?? (probe.stderr ?? "").trim().split("\n").at(-1)})\n`);
    process.exitCode = EXIT.userErrors;
    return;
  }
  const line = installed.split(".").slice(0, 2).join(".") as AirflowTarget;
  if (!(AIRFLOW_TARGETS as readonly string[]).includes(line)) {
    process.stderr.write(`error: ${python} has Airflow ${installed}; dagwright compiles for ${AIRFLOW_TARGETS.join(", ")}\n`);
    process.exitCode = EXIT.userErrors;
    return;
  }
  const compiled = await compiledManifest(root, line);
  if (!compiled) return;
  const dags = compiled.manifest.dags.map((dag) => dag.id);
  if (!dags.includes(dagId)) {
    process.stderr.write(`error: no DAG named ${JSON.stringify(dagId)}; the project's DAGs are ${dags.join(", ")}\n`);
    process.exitCode = EXIT.userErrors;
    return;
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "dagwright-run-"));
  for (const file of compiled.files) {
    fs.mkdirSync(path.dirname(path.join(work, "out", file.path)), { recursive: true });
    fs.writeFileSync(path.join(work, "out", file.path), file.contents);
  }
  const script = fileURLToPath(new URL("../../templates/run/dag_test.py", import.meta.url));
  const out = path.join(work, "result.json");
  const home = path.join(work, "airflow-home");
  fs.mkdirSync(home);
  const dagsFolder = path.join(work, "out", "airflow");
  process.stderr.write(`running ${dagId} for ${date} with ${python} (a fresh metadata database in ${home}) ...\n`);
  const run = spawnSync(python, [script, dagsFolder, dagId, date, out], {
    env: { ...process.env, AIRFLOW_HOME: home, AIRFLOW__CORE__DAGS_FOLDER: dagsFolder, AIRFLOW__CORE__LOAD_EXAMPLES: "False", AIRFLOW__CORE__UNIT_TEST_MODE: "False" },
    encoding: "utf8",
    // What Airflow logs goes to stderr, as progress; stdout stays the report.
    stdio: ["ignore", 2, "pipe"],
    maxBuffer: 1 << 28,
  });
  if (run.error || !fs.existsSync(out)) {
    process.stderr.write(`error: ${python} could not run the DAG (${run.error?.message ?? `exit ${run.status}`})\n${(run.stderr ?? "").split("\n").slice(-15).join("\n")}\n`);
    process.exitCode = EXIT.userErrors;
    return;
  }
  const result = JSON.parse(fs.readFileSync(out, "utf8")) as { airflow_version: string; state: string; tasks: Record<string, string | null>; import_errors: Record<string, string>; error: string | null };
  fs.rmSync(work, { recursive: true, force: true });
  if (format === "json") process.stdout.write(`${JSON.stringify({ dagId, logicalDate: date, ...result }, null, 2)}\n`);
  else {
    const width = Math.max(4, ...Object.keys(result.tasks).map((id) => id.length));
    const lines = [`run of DAG ${dagId} for ${date} in Airflow ${result.airflow_version}`, "", ...Object.entries(result.tasks).map(([id, state]) => `  ${id.padEnd(width)}  ${state ?? "(not run)"}`)];
    for (const [file, error] of Object.entries(result.import_errors)) lines.push(`import error in ${path.basename(file)}: ${error.split("\n").at(-2) ?? error}`);
    if (result.error) lines.push("", result.error.trimEnd());
    lines.push("", `the run ${result.state === "success" ? "succeeded" : `ended ${result.state}`}`);
    process.stdout.write(`${lines.join("\n")}\n`);
  }
  if (result.state !== "success") process.exitCode = EXIT.userErrors;
}
