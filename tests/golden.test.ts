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

/** Each example project, the Airflow it is compiled for (its config's, unless named), and its golden folder. */
const PROJECTS: ReadonlyArray<{ title: string; root: string; airflow?: "2.10" | "3.3"; golden: string }> = [
  { title: "the examples compiled for Airflow 2.10", root: REPO_ROOT, airflow: "2.10", golden: "examples/airflow-2.10" },
  { title: "the examples compiled for Airflow 3.3", root: REPO_ROOT, airflow: "3.3", golden: "examples/airflow-3.3" },
  { title: "the examples of what only Airflow 2 has, compiled for Airflow 2.10", root: path.join(REPO_ROOT, "examples", "airflow-2"), golden: "examples-airflow-2/airflow-2.10" },
  { title: "the examples of what only Airflow 3 has, compiled for Airflow 3.3", root: path.join(REPO_ROOT, "examples", "airflow-3"), golden: "examples-airflow-3/airflow-3.3" },
  { title: "the examples of what only Airflow 3.1+ has, compiled for Airflow 3.3", root: path.join(REPO_ROOT, "examples", "airflow-3.1"), golden: "examples-airflow-3.1/airflow-3.3" },
];

describe.each(PROJECTS)("$title", ({ root, airflow, golden }) => {
  it("match their golden output, every file", async () => {
    const result = await compile(root, airflow ? { airflow } : {});
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const files = Object.fromEntries(result.files!.map((file) => [file.path, file.contents]));
    expect(goldenDifferences(golden, files).join("\n")).toBe("");
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
