/**
 * The examples' whole output, compiled for both tested Airflow lines, against its golden copy:
 * the DAG files, Spark job specs and SparkApplications, OpenLineage events, the manifest and its
 * schema. `UPDATE_GOLDEN=1 npm test` rewrites the copies; review the diff before committing it.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { goldenDifferences } from "./helpers/golden.js";
import { compile, REPO_ROOT } from "./helpers/project.js";

describe.each(["2.10", "3.3"] as const)("the examples compiled for Airflow %s", (airflow) => {
  it("match their golden output, every file", async () => {
    const result = await compile(REPO_ROOT, { airflow });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const files = Object.fromEntries(result.files!.map((file) => [file.path, file.contents]));
    expect(goldenDifferences(`examples/airflow-${airflow}`, files).join("\n")).toBe("");
  });
});

describe("the examples of what only Airflow 3.1+ has, compiled for Airflow 3.3", () => {
  it("match their golden output, every file", async () => {
    const result = await compile(path.join(REPO_ROOT, "examples", "airflow-3.1"));
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const files = Object.fromEntries(result.files!.map((file) => [file.path, file.contents]));
    expect(goldenDifferences("examples-airflow-3.1/airflow-3.3", files).join("\n")).toBe("");
  });
});

describe("the examples of what only Airflow 3 has, compiled for Airflow 3.3", () => {
  it("match their golden output, every file", async () => {
    const result = await compile(path.join(REPO_ROOT, "examples", "airflow-3"));
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const files = Object.fromEntries(result.files!.map((file) => [file.path, file.contents]));
    expect(goldenDifferences("examples-airflow-3/airflow-3.3", files).join("\n")).toBe("");
  });
});

describe("the golden comparison", () => {
  it("reports every differing, missing and extra file", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "dagwright-golden-"));
    goldenDifferences("set", { "a.txt": "one\ntwo\n", "b.txt": "b", "c/d.txt": "d" }, root, true);
    const differences = goldenDifferences("set", { "a.txt": "one\n2\n", "b.txt": "b", "new.txt": "" }, root, false);
    expect(differences).toEqual([
      "set/a.txt: differs from the golden file at line 2",
      "set/new.txt: not in the golden folder",
      "set/c/d.txt: in the golden folder, but no longer produced",
      "(run UPDATE_GOLDEN=1 npm test to accept the new output, then review the diff)",
    ]);
  });
});
