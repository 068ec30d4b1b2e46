/**
 * Every wait on user code ends: a compile whose modules loop, block in a native call or leave
 * a timer spinning ends within twice the module time limit, and leaves nothing running.
 */
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { compileProject } from "../src/compiler.js";
import { makeProject, source } from "./helpers/project.js";

const LIMIT_MS = 3000;

const HELLO = source`
  import { dag } from "dagwright";
  export default dag("hello", { schedule: null }, (d) => {
    d.bash("say", { command: "echo hi" });
  });
`;

/** A module that runs `statement` at its top level, then defines a DAG. */
function blockingModule(statement: string): string {
  return `import { execSync } from "node:child_process";\nimport { dag } from "dagwright";\n${statement}\nexport default dag("etl", { schedule: null }, (d) => {\n  d.bash("load", { command: "echo" });\n});\n`;
}

/** Processes whose command line is exactly `command`. */
function running(command: string): string[] {
  const lines = execFileSync("ps", ["-eo", "args="], { encoding: "utf8" }).split("\n");
  return lines.filter((line) => line.trim() === command);
}

const CASES: Record<string, Record<string, string>> = {
  "a busy loop at a module's top level": { "dags-src/etl.ts": blockingModule("for (;;) {}") },
  "a blocking call that returns late (execSync sleep)": { "dags-src/etl.ts": blockingModule('execSync("sleep 30");') },
  "a blocking call that never returns (sleep for a day)": { "dags-src/etl.ts": blockingModule('execSync("sleep 86401");') },
  "a blocking wait on shared memory (Atomics.wait)": { "dags-src/etl.ts": blockingModule("Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);") },
  "a timer in the config that loops after the config was read": {
    "dagwright.config.ts": `import { defineConfig } from "dagwright";\nsetTimeout(() => { for (;;) {} }, 0);\nexport default defineConfig({ airflow: "3.3" });\n`,
    "dags-src/hello.ts": HELLO,
  },
};

// One at a time: a concurrent compile's synchronous type-check would delay the watchdog under test.
describe("a compile never hangs", () => {
  for (const [name, files] of Object.entries(CASES)) {
    it(`ends within twice the module time limit: ${name}`, async () => {
      const root = makeProject(files);
      const started = performance.now();
      const result = await compileProject(root, { moduleTimeoutMs: LIMIT_MS, emit: false });
      const elapsed = performance.now() - started;
      expect(result.diagnostics.map((d) => d.code)).toEqual(["DW006"]);
      expect(elapsed).toBeLessThan(2 * LIMIT_MS);
    }, 4 * LIMIT_MS);
  }

  it("kills what a blocked module started, not only the module", async () => {
    const root = makeProject({ "dags-src/etl.ts": blockingModule('execSync("sleep 86402");') });
    await compileProject(root, { moduleTimeoutMs: 1000, emit: false });
    // The kill is a signal; give the kernel a moment to reap the process group.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(running("sleep 86402")).toEqual([]);
  });
});
