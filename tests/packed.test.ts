/**
 * The test kit as a team uses it: from the packed tarball (`npm pack`), installed into a
 * separate package beside vitest, running that package's own tests: a passing one that plans a
 * module with its project's config and compiles through the API, and a failing assertion whose
 * message says what is there.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./helpers/project.js";

const write = (root: string, file: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
};

describe("the packed package", () => {
  it("gives a separate package's vitest tests dagwright/testing and dagwright/api", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dagwright-packed-"));
    // dist/ is built (npm test builds first); --ignore-scripts keeps `prepack` from rebuilding it under running tests.
    const tarball = execFileSync("npm", ["pack", "--ignore-scripts", "--silent", "--pack-destination", dir], { cwd: REPO_ROOT, encoding: "utf8" }).trim().split("\n").at(-1)!;
    const vitest = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "node_modules/vitest/package.json"), "utf8")) as { version: string }).version;
    const consumer = path.join(dir, "consumer");
    write(consumer, "package.json", JSON.stringify({ name: "consumer", private: true, type: "module", devDependencies: { dagwright: `file:../${tarball}`, vitest } }, null, 2));
    write(consumer, "dagwright.config.ts", `import { defineConfig } from "dagwright";\nexport default defineConfig({ airflow: "3.3", defaults: { retries: 2 } });\n`);
    write(consumer, "dags-src/etl.ts", `import { dag } from "dagwright";\nexport default dag("etl", { schedule: "@daily", startDate: "2026-01-01" }, (d) => {\n  const extract = d.bash("extract", { command: "echo extract" });\n  d.bash("load", { command: "echo load", retries: 3 }).after(extract);\n});\n`);
    write(
      consumer,
      "tests/etl.test.ts",
      `import { expect, test } from "vitest";
import { compile } from "dagwright/api";
import { dagwrightMatchers, plan, type DagwrightMatchers } from "dagwright/testing";

declare module "vitest" {
  interface Assertion<T> extends DagwrightMatchers<T> {}
}
expect.extend(dagwrightMatchers);

test("the module compiles with the project's defaults", async () => {
  const etl = await plan("dags-src/etl.ts");
  expect(etl).toHaveNoDiagnostics();
  expect(etl).toHaveTask("extract", { retries: 2 });
  expect(etl.task("load")).toDependOn("extract");
  const result = await compile(".");
  expect(result.ok && result.manifest.dags.map((dag) => dag.id)).toEqual(["etl"]);
});

test("a wrong expectation", async () => {
  expect(await plan("dags-src/etl.ts")).toHaveTask("load", { retries: 5 });
});
`,
    );
    const install = spawnSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: consumer, encoding: "utf8" });
    expect(install.status, install.stderr).toBe(0);
    const run = spawnSync(path.join(consumer, "node_modules", ".bin", "vitest"), ["run"], { cwd: consumer, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" } });
    const output = `${run.stdout}${run.stderr}`;
    expect(run.status, output).toBe(1);
    expect(output).toMatch(/Tests {2}1 failed \| 1 passed \(2\)/);
    expect(output).toContain('Error: expected task "load" of DAG "etl" to have retries 5, but its retries is 3 (from task)');
    // The failure points at the test's own line, not into dagwright.
    expect(output).toMatch(/❯ tests\/etl\.test\.ts:\d+:\d+/);
  });
});
