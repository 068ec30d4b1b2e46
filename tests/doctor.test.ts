/** `dagwright doctor`: what it finds about the setup, and the problems it names with hints (a fake python3 on PATH stands in for the Airflow a machine has). */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeProject, runCli } from "./helpers/project.js";

function fakePython(airflow: string): string {
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), "dagwright-python-"));
  fs.writeFileSync(path.join(bin, "python3"), `#!/bin/sh\necho 3.11.7\necho ${airflow}\n`, { mode: 0o755 });
  return bin;
}

describe("dagwright doctor", () => {
  it("reports the project, its target, sources, TypeScript and the Airflow on PATH, warning when it is another line", () => {
    const root = makeProject({ "dags-src/a.ts": `import { dag } from "dagwright";\nexport default dag("a", { schedule: null }, (d) => { d.empty("x"); });\n` }, "3.3");
    const env = { PATH: `${fakePython("2.10.5")}:${process.env.PATH}` };
    const run = runCli(["doctor", "-C", root], { env });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^node {8}v\d+\.\d+\.\d+\ndagwright {3}\d+\.\d+\.\d+ \(.+\)\nproject {5}.+ \(dagwright\.config\.ts\)\ntarget {6}Airflow 3\.3\nsources {5}dags-src\/ \(1 module, 1 DAGs\)\n/);
    expect(run.stdout).toContain("typescript  7.");
    expect(run.stdout).toContain("python      python3 3.11.7, Airflow 2.10.5\n            warning: the project compiles for Airflow 3.3: DAGs written for it may not load in 2.10.5 (compile with --airflow 2.10 to check them against this one)\n");
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe("0 problems, 1 warning");
    expect(runCli(["doctor", "-C", root], { env: { PATH: `${fakePython("3.3.2")}:${process.env.PATH}` } }).stdout.trimEnd().split("\n").at(-1)).toBe("everything looks right");
  });

  it("names what is wrong with a hint, and exits 1", () => {
    const broken = makeProject({ "dags-src/a.ts": `throw new Error("half written");\n` });
    const run = runCli(["doctor", "-C", broken]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/\nsources {5}dags-src\/ \(1 module, 0 DAGs\)\n {12}error: 1 error loading them, the first: DW002 dags-src\/a\.ts threw while being evaluated: Error: half written \(run `dagwright validate`\)\n/);
    const nowhere = runCli(["doctor", "-C", fs.mkdtempSync(path.join(os.tmpdir(), "dagwright-empty-"))]);
    expect(nowhere.status).toBe(1);
    expect(nowhere.stdout).toMatch(/\nproject {4}no dagwright\.config\.ts in .+ or above\n {11}error: run `npx dagwright init` to start one, or -C <dir> to point at one\n/);
  });
});
