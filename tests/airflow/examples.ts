/** The repository's examples, compiled for one Airflow target into a fresh folder, and read back. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "vitest";
import { parse } from "yaml";
import { capabilitiesOf } from "../../src/capabilities/index.js";
import { compileProject } from "../../src/compiler.js";
import { writeOutput } from "../../src/emit/writer.js";
import type { Manifest } from "../../src/ir/manifest.js";
import type { AirflowTarget } from "../../src/ir/schema.js";
import type { SparkSpecs } from "./structure.js";
import { REPO_ROOT } from "./venvs.mjs";

export interface Compiled {
  outDir: string;
  manifest: Manifest;
  /** The Spark job specs and SparkApplications compile wrote, as the Airflow tasks must carry them. */
  sparkSpecs: SparkSpecs;
}

/** The examples of what only Airflow 2 has (orientation), compiled for the 2.x lines. */
export const AIRFLOW_2_EXAMPLES = path.join(REPO_ROOT, "examples", "airflow-2");

/** The examples of what only Airflow 3 has, compiled for the 3.x lines. */
export const AIRFLOW_3_EXAMPLES = path.join(REPO_ROOT, "examples", "airflow-3");

/** The examples of what only Airflow 3.1 and newer have (deadline alerts, human-in-the-loop operators), compiled for the 3.1+ lines. */
export const AIRFLOW_3_1_EXAMPLES = path.join(REPO_ROOT, "examples", "airflow-3.1");

/** The example projects beside the repository's own that compile for `airflow`. */
export function extraExamples(airflow: AirflowTarget): string[] {
  const [major, minor] = airflow.split(".").map(Number) as [number, number];
  return [...(major === 2 ? [AIRFLOW_2_EXAMPLES] : []), ...(major >= 3 ? [AIRFLOW_3_EXAMPLES] : []), ...(major > 3 || (major === 3 && minor >= 1) ? [AIRFLOW_3_1_EXAMPLES] : [])];
}

/** Compile the repository's examples (or another example project) for `airflow` into a fresh folder, and read back what it wrote. */
export async function compileExamples(airflow: AirflowTarget, root = REPO_ROOT): Promise<Compiled> {
  const result = await compileProject(root, { airflow });
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const outDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), `dagwright-af${airflow}-`)), "generated");
  writeOutput(outDir, result.files!);
  const read = (file: string) => fs.readFileSync(path.join(outDir, file), "utf8");
  const manifest = JSON.parse(read("manifest.json")) as Manifest;
  const sparkSpecs: SparkSpecs = new Map(
    manifest.sparkJobs.map((job) => [
      `${job.dagId}.${job.taskId}`,
      { spec: JSON.parse(read(job.spec)), ...(job.sparkApplication ? { sparkApplication: parse(read(job.sparkApplication)) } : {}) },
    ]),
  );
  return { outDir, manifest, sparkSpecs };
}

/**
 * The warnings Airflow recorded against each generated file that dagwright did not predict: a
 * file may warn only where it imports a name whose provider module warns on the line (DW165),
 * and only with that warning (Python reports it once, for the first file that imports it).
 */
export function unpredictedWarnings(warnings: Record<string, string[]>, dagsFolder: string, airflow: AirflowTarget): Record<string, string[]> {
  const predicted = Object.entries(capabilitiesOf(airflow).importWarnings);
  const unpredicted: Record<string, string[]> = {};
  for (const [file, messages] of Object.entries(warnings)) {
    const text = fs.readFileSync(path.join(dagsFolder, file), "utf8");
    const imports = text.split("\n").filter((line) => /^(from|import) |^    \w+,$/.test(line)).join("\n");
    const explained = predicted.filter(([name]) => new RegExp(`\\b${name}\\b`).test(imports)).map(([, warning]) => warning!);
    const rest = messages.filter((message) => !explained.some((warning) => message.includes(warning)));
    if (rest.length) unpredicted[file] = rest;
  }
  return unpredicted;
}
