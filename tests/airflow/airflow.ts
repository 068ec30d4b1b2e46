/**
 * Real Apache Airflow for the tests: each target's venv, a throwaway AIRFLOW_HOME per call, and
 * the two Python scripts that load a DAG folder (inspect_dags.py) and run a DAG (run_dag.py).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AirflowTarget } from "../../src/ir/schema.js";
import type { Inspection } from "./structure.js";
import { ensureVenv, REPO_ROOT, venvRoot, type VenvName } from "./venvs.mjs";

export interface Target {
  /** The version dagwright compiles for. */
  airflow: AirflowTarget;
  /** The venv holding that Airflow. */
  venv: VenvName;
}

export const TARGETS: readonly Target[] = [
  { airflow: "2.10", venv: "airflow-2.10" },
  { airflow: "3.3", venv: "airflow-3" },
];

const HERE = path.join(REPO_ROOT, "tests", "airflow");
/** The example pipelines' Python package, which Python tasks import when they run. */
export const EXAMPLE_PYTHONPATH = path.join(REPO_ROOT, "python");

export interface DagRun {
  airflow_version: string;
  dag_id: string;
  state: string;
  tasks: Record<string, string | null>;
  error: string | null;
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
export function inspectDags(bin: string, dagsFolder: string): Inspection {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "dagwright-airflow-home-"));
  return runScript(bin, "inspect_dags.py", [dagsFolder], airflowEnv(home, dagsFolder)) as Inspection;
}

/** Run one DAG for real, as `airflow dags test` does, with the example package importable. */
export function runDag(bin: string, venv: VenvName, dagsFolder: string, dagId: string, logicalDate: string): DagRun {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "dagwright-airflow-home-"));
  const dbTemplates = path.join(venvRoot(), "..", "airflow-db", venv);
  fs.mkdirSync(dbTemplates, { recursive: true });
  const env = airflowEnv(home, dagsFolder, { PYTHONPATH: EXAMPLE_PYTHONPATH });
  return runScript(bin, "run_dag.py", [dagsFolder, dagId, logicalDate, "--db-template", dbTemplates], env) as DagRun;
}

export async function airflowBin(target: Target): Promise<string> {
  return ensureVenv(target.venv);
}
