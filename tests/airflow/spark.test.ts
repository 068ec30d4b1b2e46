/**
 * The generated Spark job spec runs in real Spark: pyspark from PyPI, `spark-submit` in local
 * mode with exactly the spec's arguments; and Airflow's own `airflow tasks test` runs the Spark
 * task through a local Spark connection.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { airflowBin, airflowTasksTest, EXAMPLE_PYTHONPATH, localSparkEnv, TARGETS } from "./airflow.js";
import { compileExamples } from "./examples.js";
import { ensureVenv, REPO_ROOT } from "./venvs.mjs";

function log(message: string): void {
  process.stdout.write(`[spark] ${message}\n`);
}

/** Write the ingest step's events for a run directory, as the DAG's first task would. */
function ingest(python: string, runDir: string): void {
  fs.rmSync(runDir, { recursive: true, force: true });
  const result = spawnSync(python, ["-c", `from churn.ingest import ingest_events; ingest_events(${JSON.stringify(runDir)}, 400, 7)`], {
    env: { ...process.env, PYTHONPATH: EXAMPLE_PYTHONPATH },
    encoding: "utf8",
  });
  expect(result.stderr).toBe("");
}

/** The features the Python reference implementation computes from the same events. */
function referenceFeatures(python: string, runDir: string): unknown {
  const referenceDir = `${runDir}-reference`;
  fs.rmSync(referenceDir, { recursive: true, force: true });
  fs.mkdirSync(referenceDir, { recursive: true });
  fs.copyFileSync(path.join(runDir, "events.json"), path.join(referenceDir, "events.json"));
  const result = spawnSync(python, ["-c", `from churn.features import build_features; build_features(${JSON.stringify(referenceDir)})`], {
    env: { ...process.env, PYTHONPATH: EXAMPLE_PYTHONPATH },
    encoding: "utf8",
  });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(fs.readFileSync(path.join(referenceDir, "features.json"), "utf8"));
}

describe("the example Spark job in real Spark", () => {
  let sparkBin: string;
  beforeAll(async () => {
    sparkBin = await ensureVenv("spark");
  });

  it("runs the generated spec through spark-submit in local mode and writes its output", async () => {
    const { outDir } = await compileExamples("3.3");
    const spec = JSON.parse(fs.readFileSync(path.join(outDir, "spark", "churn_training", "build_features.json"), "utf8")) as {
      sparkSubmit: string[];
    };
    const date = "2026-02-02";
    const runDir = `/tmp/dagwright-churn/${date}`;
    const python = path.join(sparkBin, "python");
    ingest(python, runDir);
    // The spec's arguments, with Airflow's {{ ds }} filled in as Airflow would, and a local master.
    const args = spec.sparkSubmit.map((arg) => arg.replaceAll("{{ ds }}", date));
    const started = performance.now();
    const result = spawnSync(path.join(sparkBin, "spark-submit"), ["--master", "local[2]", ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, PYSPARK_PYTHON: python },
      encoding: "utf8",
      timeout: 300_000,
    });
    log(`spark-submit ${args.join(" ")}: exit ${result.status} in ${((performance.now() - started) / 1000).toFixed(1)}s`);
    expect(result.status, result.stderr.slice(-3000)).toBe(0);
    expect(fs.existsSync(path.join(runDir, "features.parquet", "_SUCCESS"))).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(runDir, "features.json"), "utf8"))).toEqual(referenceFeatures(python, runDir));
  });

  it("runs as an Airflow task through a local Spark connection (airflow tasks test)", async () => {
    const target = TARGETS.find((t) => t.airflow === "2.10")!;
    const bin = await airflowBin(target);
    const { outDir } = await compileExamples(target.airflow);
    const date = "2026-02-09";
    const runDir = `/tmp/dagwright-churn/${date}`;
    ingest(path.join(sparkBin, "python"), runDir);
    const started = performance.now();
    const run = airflowTasksTest(bin, path.join(outDir, "airflow"), "churn_training", "build_features", date, localSparkEnv(sparkBin));
    log(`airflow tasks test churn_training build_features ${date} (Airflow ${target.airflow}): exit ${run.status} in ${((performance.now() - started) / 1000).toFixed(1)}s`);
    expect(run.status, run.output.slice(-4000)).toBe(0);
    expect(run.output).toMatch(/spark-submit .*--name churn_training\.build_features .*python\/jobs\/build_features\.py --run-dir \/tmp\/dagwright-churn\/2026-02-09/);
    expect(fs.existsSync(path.join(runDir, "features.parquet", "_SUCCESS"))).toBe(true);
  });
});
