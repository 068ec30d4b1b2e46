/**
 * The progress line: on a terminal (here util-linux's `script`, which runs the CLI on a
 * pseudo-terminal), each stage and module count is drawn in place on one line and erased before
 * the report; piped, or in a machine format, nothing is drawn (cli.test.ts asserts an empty
 * stderr for a piped compile).
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { BIN, makeProject, source } from "./helpers/project.js";

const dagModule = (id: string) => source`
  import { dag } from "dagwright";
  export default dag("${id}", { schedule: null }, (d) => { d.empty("start"); });
`;

/** The CLI's output as a terminal receives it, stdout and stderr together. */
function onTerminal(args: string[]): string {
  const command = [process.execPath, BIN, ...args].map((part) => `'${part.replace(/'/g, "'\\''")}'`).join(" ");
  const run = spawnSync("script", ["-qec", command, "/dev/null"], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1", COLUMNS: "200" } });
  expect(run.status, run.stdout).toBe(0);
  return run.stdout.replace(/\r\n/g, "\n");
}

const ERASE = "\r\u001b[K";

describe("the progress line", () => {
  it("shows each stage and module in place on a terminal, and erases itself before the report", () => {
    const root = makeProject({ "dags-src/a.ts": dagModule("a"), "dags-src/b.ts": dagModule("b") });
    const output = onTerminal(["compile", "-C", root]);
    expect(output).toContain(`${ERASE}type-checking 3 files`);
    expect(output).toContain(`${ERASE}evaluating 1/2 dags-src/a.ts`);
    expect(output).toContain(`${ERASE}evaluating 2/2 dags-src/b.ts`);
    expect(output).toContain(`${ERASE}validating`);
    expect(output).toMatch(new RegExp(`${ERASE.replace("[", "\\[")}writing the output${ERASE.replace("[", "\\[")}compiled 2 DAGs, 2 tasks for Airflow 3\\.3 in `));
  });

  it("is not drawn in a machine format, even on a terminal", () => {
    const root = makeProject({ "dags-src/a.ts": dagModule("a") });
    const output = onTerminal(["compile", "--format", "json", "-C", root]);
    expect(output).not.toContain(ERASE);
    expect(JSON.parse(output)).toMatchObject({ command: "compile", ok: true });
  });
});
