/**
 * `compile --watch`, driven through edits as a user makes them: each change is one rebuild,
 * printed as tsc --watch prints it, and generated/ after each is what a fresh compile writes
 * (all or nothing: a broken edit leaves the last good output in place).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BIN, makeProject, source } from "./helpers/project.js";

const dagModule = (id: string, command = "echo hi") => source`
  import { dag } from "dagwright";
  export default dag("${id}", { schedule: null }, (d) => {
    d.bash("say", { command: "${command}" });
  });
`;

const BUILD_DONE = /\[\d\d:\d\d:\d\d\] Found (\d+) errors?\. Watching for file changes\.\n/g;

interface Watcher {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves once `count` builds have finished, with the output so far. */
  builds: (count: number) => Promise<string>;
  /** Resolves once the watcher is idle after a build and `condition` holds (an edit of several steps may take more than one build). */
  until: (condition: () => boolean) => Promise<string>;
}

const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) child.kill("SIGINT");
});

function startWatch(root: string, args: string[] = []): Watcher {
  const child = spawn(process.execPath, [BIN, "compile", "--watch", "-C", root, ...args], { env: { ...process.env, NO_COLOR: "1" } });
  running.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const builds = (count: number) =>
    new Promise<string>((resolve, reject) => {
      const deadline = setTimeout(() => reject(new Error(`${count} builds not seen in 20 s:\n${stdout}\n${stderr}`)), 20_000);
      const check = () => {
        if ((stdout.match(BUILD_DONE) ?? []).length >= count) {
          clearTimeout(deadline);
          resolve(stdout);
        } else setTimeout(check, 25);
      };
      check();
    });
  const until = (condition: () => boolean) =>
    new Promise<string>((resolve, reject) => {
      const deadline = setTimeout(() => reject(new Error(`condition not met in 20 s:\n${stdout}\n${stderr}`)), 20_000);
      const check = () => {
        let holds = false;
        try {
          holds = stdout.endsWith("Watching for file changes.\n") && condition();
        } catch {
          // files mid-write
        }
        if (holds) {
          clearTimeout(deadline);
          resolve(stdout);
        } else setTimeout(check, 25);
      };
      check();
    });
  return { child, stdout: () => stdout, stderr: () => stderr, builds, until };
}

function airflowFiles(root: string): Record<string, string> {
  const dir = path.join(root, "generated", "airflow");
  return Object.fromEntries(fs.readdirSync(dir).sort().map((file) => [file, fs.readFileSync(path.join(dir, file), "utf8")]));
}

describe("compile --watch", () => {
  it("rebuilds after each edit: a fix, a break, a rename, a config change", async () => {
    const root = makeProject({ "dags-src/a.ts": dagModule("a") });
    const watcher = startWatch(root);
    const first = await watcher.builds(1);
    expect(first).toMatch(/^\[\d\d:\d\d:\d\d\] Starting compilation in watch mode\.\.\.\n\ncompiled 1 DAG, 1 task for Airflow 3\.3 in \d+\.\d\ds \(generated\/: 4 written, 0 removed\)\n\[\d\d:\d\d:\d\d\] Found 0 errors\. Watching for file changes\.\n$/);
    expect(Object.keys(airflowFiles(root))).toEqual(["a.py"]);

    // A type error: reported, and the last good output stays.
    const good = airflowFiles(root);
    fs.writeFileSync(path.join(root, "dags-src/a.ts"), dagModule("a").replace('{ command: "echo hi" }', "{ command: 42 }"));
    const broken = await watcher.builds(2);
    expect(broken.slice(first.length)).toMatch(/^\[\d\d:\d\d:\d\d\] File change detected\. Starting incremental compilation\.\.\.\n\n\[\d\d:\d\d:\d\d\] Found 1 error\. Watching for file changes\.\n$/);
    expect(watcher.stderr()).toContain("dags-src/a.ts:3:19 - error TS2322: Type 'number' is not assignable to type 'string'.");
    expect(airflowFiles(root)).toEqual(good);

    // The fix: written.
    fs.writeFileSync(path.join(root, "dags-src/a.ts"), dagModule("a", "echo fixed"));
    await watcher.builds(3);
    expect(airflowFiles(root)["a.py"]).toContain("echo fixed");

    // A rename: the old DAG file goes, the new one comes.
    fs.renameSync(path.join(root, "dags-src/a.ts"), path.join(root, "dags-src/b.ts"));
    fs.writeFileSync(path.join(root, "dags-src/b.ts"), dagModule("b", "echo fixed"));
    await watcher.until(() => Object.keys(airflowFiles(root)).join() === "b.py");
    expect(watcher.stdout()).toMatch(/compiled 1 DAG, 1 task for Airflow 3\.3 in \d+\.\d\ds \(generated\/: \d+ written, [12] removed\)\n\[\d\d:\d\d:\d\d\] Found 0 errors\. Watching for file changes\.\n$/);

    // A config change: the next build targets the new Airflow.
    fs.writeFileSync(path.join(root, "dagwright.config.ts"), `import { defineConfig } from "dagwright";\nexport default defineConfig({ airflow: "2.10" });\n`);
    const retargeted = await watcher.until(() => airflowFiles(root)["b.py"]!.includes("from airflow.operators.bash import BashOperator"));
    expect(retargeted).toMatch(/compiled 1 DAG, 1 task for Airflow 2\.10 in /);
  }, 60_000);

  it("survives a syntax error mid-edit and a module that loops forever", async () => {
    const root = makeProject({ "dags-src/a.ts": dagModule("a") });
    const watcher = startWatch(root, ["--module-timeout", "1"]);
    await watcher.builds(1);
    fs.writeFileSync(path.join(root, "dags-src/a.ts"), `import { dag } from "dagwright";\nexport default dag("a", { schedule: null }, (d) => {\n  d.bash("say", { command: "echo hi" }\n});\n`);
    await watcher.builds(2);
    expect(watcher.stderr()).toMatch(/dags-src\/a\.ts:4:1 - error TS1005: ',' expected\./);
    fs.writeFileSync(path.join(root, "dags-src/a.ts"), `for (;;) {}\n${dagModule("a")}`);
    await watcher.builds(3);
    expect(watcher.stderr()).toMatch(/error DW006: /);
    fs.writeFileSync(path.join(root, "dags-src/a.ts"), dagModule("a", "echo back"));
    const last = await watcher.builds(4);
    expect(last).toMatch(/Found 0 errors\. Watching for file changes\.\n$/);
    expect(airflowFiles(root)["a.py"]).toContain("echo back");
  }, 60_000);

  it("ends cleanly on Ctrl-C, and refuses --check", async () => {
    const root = makeProject({ "dags-src/a.ts": dagModule("a") });
    const watcher = startWatch(root);
    await watcher.builds(1);
    const exited = new Promise<number | null>((resolve) => watcher.child.on("exit", (code) => resolve(code)));
    watcher.child.kill("SIGINT");
    expect(await exited).toBe(0);

    const refused = startWatch(root, ["--check"]);
    const code = await new Promise<number | null>((resolve) => refused.child.on("exit", (status) => resolve(status)));
    expect(code).toBe(2);
    expect(refused.stderr()).toContain("--watch and --check do not go together");
  }, 60_000);
});
