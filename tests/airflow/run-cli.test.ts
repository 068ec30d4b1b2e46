/**
 * `dagwright run --airflow <python>`: the generated DAG run for real with dag.test() in each
 * Airflow line that runs the examples, every task's state reported, and a failing task failing
 * the run (exit 1).
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeProject, runCli } from "../helpers/project.js";
import { airflowBin, EXAMPLE_PYTHONPATH, TARGETS } from "./airflow.js";

describe("dagwright run --airflow", () => {
  for (const target of TARGETS.filter((entry) => entry.runs)) {
    it(`runs the hello DAG in Airflow ${target.airflow} and reports each task`, async () => {
      const python = path.join(await airflowBin(target), "python");
      const run = runCli(["run", "hello", "--airflow", python, "--date", "2026-01-05"], { env: { PYTHONPATH: EXAMPLE_PYTHONPATH } });
      expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^run of DAG hello for 2026-01-05 in Airflow ${target.airflow.replace(".", "\\.")}\\.\\d+\\n`));
      expect(run.stdout).toMatch(/\n\n {2}done +success\n {2}greet +success\n\nthe run succeeded\n$/);
      expect(run.stdout.trimEnd().split("\n").at(-1)).toBe("the run succeeded");

      const failing = makeProject({ "dags-src/f.ts": `import { dag } from "dagwright";\nexport default dag("f", { schedule: null }, (d) => {\n  d.bash("boom", { command: "exit 3" }).then(d.bash("after", { command: "echo never" }));\n});\n` }, target.airflow);
      const failed = runCli(["run", "f", "--airflow", python, "--date", "2026-01-05", "--format", "json", "-C", failing]);
      expect(failed.status, failed.stderr).toBe(1);
      expect(JSON.parse(failed.stdout)).toMatchObject({ dagId: "f", state: "failed", tasks: { boom: "failed", after: "upstream_failed" }, error: null });
    });
  }
});
