/**
 * Errors found after evaluation are placed at the option's value where the call writes it
 * (the cron string, the "0g"), with the range of that value; where the value is not written in
 * the call (a Spark profile, the config, a variable spread in), at the call as before.
 */
import { describe, expect, it } from "vitest";
import { compile, makeProject, runCli, source } from "./helpers/project.js";

const CONFIG = source`
  import { defineConfig } from "dagwright";
  export default defineConfig({
    airflow: "3.3",
    spark: { profiles: { tiny: { executor: { memory: "0m" } } } },
  });
`;

const DAG = source`
  import { dag, type MemorySize } from "dagwright";

  const shared = { retries: -1 };

  export default dag("bad", {
    schedule: { crons: ["0 3 * * *", "0 25 * * *"] },
    startDate: "2026-13-01",
    defaults: { retryDelay: "5 parsecs" },
  }, (d) => {
    d.spark("sized", { application: "jobs/x.py", profile: "tiny" });
    d.spark("job", {
      application: "jobs/x.py",
      executor: { memory: "0g" as MemorySize, cores: 2 },
    }).after(d.empty("start"));
    d.empty("spread", { ...shared });
  });
`;

function located(diagnostics: Awaited<ReturnType<typeof compile>>["diagnostics"]) {
  return diagnostics.map((d) => `${d.code} ${d.location?.line}:${d.location?.column}${d.end ? `-${d.end.line}:${d.end.column}` : ""}`);
}

describe("errors at the value", () => {
  it("points at the value each error is about, with its range, and at the call when the call does not write it", async () => {
    const root = makeProject({ "dagwright.config.ts": CONFIG, "dags-src/bad.ts": DAG });
    const result = await compile(root);
    expect(located(result.diagnostics)).toEqual([
      "DW201 6:36-6:48", // the second cron of the list
      "DW203 7:14-7:26", // startDate
      "DW301 8:27-8:38", // defaults.retryDelay
      "DW401 10:5", // executor.memory "0m" comes from the profile: the call
      "DW401 13:25-13:43", // "0g" as MemorySize, cast and all
      "DW302 15:5", // retries from a spread: the call
    ]);
  });

  it("underlines the value in the code frame", () => {
    const root = makeProject({ "dagwright.config.ts": CONFIG, "dags-src/bad.ts": DAG });
    const run = runCli(["compile", "--no-typecheck", "-C", root]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(["  13 |     executor: { memory: \"0g\" as MemorySize, cores: 2 },", "     |                         ^~~~~~~~~~~~~~~~~~"].join("\n"));
  });
});
