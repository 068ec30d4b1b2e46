/**
 * Every wait on user code ends: a compile whose modules loop, block in a native call or leave
 * a timer spinning ends within twice the module time limit, and leaves nothing running.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileProject } from "../src/compiler.js";
import { makeProject, source } from "./helpers/project.js";

const LIMIT_MS = 4000;

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

describe("a compile never hangs", () => {
  // Side by side: each waits on its own evaluation process, and none type-checks (a type-check
  // blocks this thread, and with it the watchdogs under test; the symlink case below checks).
  for (const [name, files] of Object.entries(CASES)) {
    it.concurrent(`ends within twice the module time limit: ${name}`, async () => {
      const root = makeProject(files);
      const started = performance.now();
      const result = await compileProject(root, { moduleTimeoutMs: LIMIT_MS, skipTypecheck: true, emit: false });
      const elapsed = performance.now() - started;
      expect(result.diagnostics.map((d) => d.code)).toEqual(["DW006"]);
      expect(elapsed).toBeLessThan(2 * LIMIT_MS);
    }, 4 * LIMIT_MS);
  }

  it("ends within twice the module time limit: a folder symlink that loops back", async () => {
    const root = makeProject({ "dags-src/hello.ts": HELLO });
    fs.mkdirSync(path.join(root, "dags-src", "nested"));
    fs.symlinkSync("..", path.join(root, "dags-src", "nested", "up"));
    const started = performance.now();
    // The type-check runs too: it must see the files discovery found, not walk the loop.
    const result = await compileProject(root, { moduleTimeoutMs: LIMIT_MS, emit: false });
    expect(performance.now() - started).toBeLessThan(2 * LIMIT_MS);
    expect(result.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual(["DW010 dags-src/nested/up links back to dags-src, which contains it: a loop, not followed"]);
  });

  it("kills what a blocked module started, not only the module", async () => {
    const root = makeProject({ "dags-src/etl.ts": blockingModule('execSync("sleep 86402");') });
    await compileProject(root, { moduleTimeoutMs: 1000, emit: false });
    // The kill is a signal; give the kernel a moment to reap the process group.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(running("sleep 86402")).toEqual([]);
  });
});
