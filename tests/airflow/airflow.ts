/**
 * Real Apache Airflow for the tests: each target's venv, a throwaway AIRFLOW_HOME per call, and
 * the two Python scripts that load a DAG folder (inspect_dags.py) and run a DAG (run_dag.py).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AirflowTarget } from "../../src/ir/schema.js";
import type { OpenLineageEvent } from "./openlineage.js";
import type { Inspection } from "./structure.js";
import { ensureVenv, REPO_ROOT, venvRoot, type VenvName } from "./venvs.mjs";

export interface Target {
  /** The version dagwright compiles for. */
  airflow: AirflowTarget;
  /** The venv holding that Airflow. */
  venv: VenvName;
  /** Whether the examples also run end to end there with `dag.test` (the newest line of each major). */
  runs: boolean;
}

/** Every Airflow line dagwright compiles for: each loads the examples and compares their structure. */
export const TARGETS: readonly Target[] = [
  { airflow: "2.9", venv: "airflow-2.9", runs: false },
  { airflow: "2.10", venv: "airflow-2.10", runs: true },
  { airflow: "2.11", venv: "airflow-2.11", runs: false },
  { airflow: "3.0", venv: "airflow-3.0", runs: false },
  { airflow: "3.1", venv: "airflow-3.1", runs: false },
  { airflow: "3.2", venv: "airflow-3.2", runs: false },
  { airflow: "3.3", venv: "airflow-3", runs: true },
];

const HERE = path.join(REPO_ROOT, "tests", "airflow");
/** The example pipelines' Python package, which Python tasks import when they run. */
export const EXAMPLE_PYTHONPATH = path.join(REPO_ROOT, "python");

export interface DagRun {
  airflow_version: string;
  dag_id: string;
  state: string;
  tasks: Record<string, string | null>;
  /** "task_id uri" of each asset (dataset) event the run recorded. */
  asset_events: string[];
  error: string | null;
  /** With `openLineage`: the OpenLineage provider's version and every event it emitted. */
  openlineage?: { provider_version: string; events: OpenLineageEvent[] };
}

function airflowEnv(home: string, dagsFolder: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    AIRFLOW_HOME: home,
    AIRFLOW__CORE__LOAD_EXAMPLES: "False",
    AIRFLOW__CORE__DAGS_FOLDER: dagsFolder,
    AIRFLOW__CORE__UNIT_TEST_MODE: "False",
    ...extra,
  };
}

function runScript(bin: string, script: string, args: string[], env: NodeJS.ProcessEnv): unknown {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dagwright-airflow-out-")), "result.json");
  const result = spawnSync(path.join(bin, "python"), [path.join(HERE, script), ...args, "--out", out], {
    cwd: REPO_ROOT,
    env,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    timeout: 600_000,
  });
  if (result.status !== 0 || !fs.existsSync(out)) {
    throw new Error(`${script} failed (exit ${result.status}):\n${result.stderr.slice(-4000)}`);
  }
  return JSON.parse(fs.readFileSync(out, "utf8"));
}

/** Load a DAG folder with Airflow's DagBag and report what Airflow parsed. */
/**
 * What a scheduler needs on its path to parse the examples: only the team's operator package
 * (python/team_ops, for escape-hatch operators), so that parsing proves every task function's
 * package is imported only when its task runs.
 */
export function parseTimePythonPath(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "dagwright-parse-path-"));
  fs.symlinkSync(path.join(EXAMPLE_PYTHONPATH, "team_ops"), path.join(folder, "team_ops"));
  return folder;
}

export function inspectDags(bin: string, dagsFolder: string, extraEnv: Record<string, string> = {}): Inspection {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "dagwright-airflow-home-"));
  return runScript(bin, "inspect_dags.py", [dagsFolder], airflowEnv(home, dagsFolder, { PYTHONPATH: parseTimePythonPath(), ...extraEnv })) as Inspection;
}

export interface RunOptions {
  /** Extra environment of the run, for example a Spark connection. */
  env?: Record<string, string>;
  /** Task ids to mark successful instead of running (jobs for a cluster the tests do not have). */
  markSuccess?: string[];
  /** Capture the events Airflow's OpenLineage provider emits during the run. */
  openLineage?: boolean;
}

/**
 * Run one DAG for real, as `airflow dags test` does, from the repository's root (where the
 * examples' relative paths point) with the example package importable.
 */
export function runDag(bin: string, venv: VenvName, dagsFolder: string, dagId: string, logicalDate: string, options: RunOptions = {}): DagRun {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "dagwright-airflow-home-"));
  const dbTemplates = path.join(venvRoot(), "..", "airflow-db", venv);
  fs.mkdirSync(dbTemplates, { recursive: true });
  const env = airflowEnv(home, dagsFolder, { PYTHONPATH: EXAMPLE_PYTHONPATH, ...options.env });
  const markSuccess = options.markSuccess?.length ? ["--mark-success-pattern", `^(${options.markSuccess.join("|")})$`] : [];
  const openLineage = options.openLineage ? ["--openlineage"] : [];
  return runScript(bin, "run_dag.py", [dagsFolder, dagId, logicalDate, "--db-template", dbTemplates, ...markSuccess, ...openLineage], env) as DagRun;
}

/**
 * What a Spark task needs to run in local mode on this machine: the spark venv's spark-submit
 * on PATH (Airflow's Spark provider runs it from there), the Python whose pyspark matches its
 * jars, and a `spark_default` connection whose master is local.
 */
export function localSparkEnv(sparkBin: string): Record<string, string> {
  return {
    PATH: `${sparkBin}${path.delimiter}${process.env.PATH ?? ""}`,
    PYSPARK_PYTHON: path.join(sparkBin, "python"),
    AIRFLOW_CONN_SPARK_DEFAULT: JSON.stringify({ conn_type: "spark", host: "local[2]" }),
  };
}

/** `airflow tasks test DAG TASK DATE` with Airflow's own CLI, on a freshly migrated database; returns the exit code and output. */
export function airflowTasksTest(bin: string, dagsFolder: string, dagId: string, taskId: string, date: string, extraEnv: Record<string, string>) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "dagwright-airflow-home-"));
  const env = airflowEnv(home, dagsFolder, { PYTHONPATH: EXAMPLE_PYTHONPATH, ...extraEnv });
  const airflow = path.join(bin, "airflow");
  const migrate = spawnSync(airflow, ["db", "migrate"], { env, encoding: "utf8", timeout: 300_000 });
  if (migrate.status !== 0) throw new Error(`airflow db migrate failed:\n${migrate.stderr.slice(-3000)}`);
  const run = spawnSync(airflow, ["tasks", "test", dagId, taskId, date], { cwd: REPO_ROOT, env, encoding: "utf8", timeout: 600_000, maxBuffer: 64 * 1024 * 1024 });
  return { status: run.status, output: run.stdout + run.stderr };
}

export async function airflowBin(target: Target): Promise<string> {
  return ensureVenv(target.venv);
}
