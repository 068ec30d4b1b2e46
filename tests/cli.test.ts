/**
 * The command line as users run it: the built `dagwright` binary in a child process, its exit
 * codes, its output, and what it leaves on disk.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { BIN, makeProject, REPO_ROOT, runCli, snapshotDir, source } from "./helpers/project.js";

const HELLO = source`
  import { dag } from "dagwright";
  export default dag("hello", { schedule: "@daily", startDate: "2026-01-01" }, (d) => {
    d.bash("greet", { command: "echo hi" }).then(d.empty("done"));
  });
`;

describe("the repository's own examples", () => {
  // The committed manifest says how many DAGs and tasks the examples hold; the CLI must agree.
  const committed = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "generated", "manifest.json"), "utf8")) as { dags: { tasks: unknown[] }[] };
  const counts = `${committed.dags.length} DAGs, ${committed.dags.reduce((sum, dag) => sum + dag.tasks.length, 0)} tasks`;

  it("have a current generated/ folder", () => {
    const run = runCli(["compile", "--check"]);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(new RegExp(`^generated/ is up to date \\(${counts}\\) in \\d+\\.\\d\\ds\n$`));
    expect(run.status).toBe(0);
  });

  it("validate without errors", () => {
    const run = runCli(["validate"]);
    expect(run.status).toBe(0);
    expect(run.stdout.startsWith(`${counts}: no errors`)).toBe(true);
  });

  it("list as a table of DAGs and tasks with their sources", () => {
    const run = runCli(["list"]);
    expect(run.status).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toMatch(/^DAG\s+TASK\s+KIND\s+UPSTREAM\s+SOURCE$/);
    expect(lines).toContainEqual(expect.stringMatching(/^hello\s+schedule: @daily\s+dags-src\/hello\.ts:4$/));
    expect(lines).toContainEqual(expect.stringMatching(/^\s+done\s+empty\s+greet\s+dags-src\/hello\.ts:16$/));
  });
});

describe("compile", () => {
  it("writes the DAG files and manifest, then reports no changes", () => {
    const root = makeProject({ "dags-src/hello.ts": HELLO });
    const first = runCli(["compile", "-C", root]);
    expect(first.stderr).toBe("");
    expect(first.stdout).toMatch(/^compiled 1 DAG, 2 tasks for Airflow 3\.3 in \d+\.\d\ds \(generated\/: 4 written, 0 removed\)\n$/);
    expect(first.status).toBe(0);
    expect(Object.keys(snapshotDir(path.join(root, "generated"))).sort()).toEqual([
      "airflow/hello.py",
      "manifest.json",
      "manifest.schema.json",
      "openlineage/hello.jsonl",
    ]);
    const second = runCli(["compile", "-C", root]);
    expect(second.stdout).toMatch(/\(generated\/: no changes\)\n$/);
  });

  it("removes files it wrote before and no longer produces, and keeps files it did not write", () => {
    const root = makeProject({ "dags-src/hello.ts": HELLO });
    expect(runCli(["compile", "-C", root]).status).toBe(0);
    fs.writeFileSync(path.join(root, "generated", "airflow", "hand_written.py"), "# mine\n");
    fs.writeFileSync(path.join(root, "dags-src", "hello.ts"), HELLO.replace('"hello"', '"renamed"'));
    const run = runCli(["compile", "-C", root]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("warning: generated/airflow/hand_written.py was not written by dagwright; left as it is\n");
    expect(run.stdout).toMatch(/\(generated\/: 3 written, 2 removed\)/);
    expect(Object.keys(snapshotDir(path.join(root, "generated"))).sort()).toEqual([
      "airflow/hand_written.py",
      "airflow/renamed.py",
      "manifest.json",
      "manifest.schema.json",
      "openlineage/renamed.jsonl",
    ]);
  });

  it("--check lists stale, missing and extra files and writes nothing", () => {
    const root = makeProject({ "dags-src/hello.ts": HELLO, "dags-src/other.ts": HELLO.replace('"hello"', '"other"') });
    expect(runCli(["compile", "-C", root]).status).toBe(0);
    const generated = path.join(root, "generated");
    fs.appendFileSync(path.join(generated, "airflow", "hello.py"), "# edited by hand\n");
    fs.rmSync(path.join(generated, "airflow", "other.py"));
    fs.writeFileSync(path.join(root, "dags-src", "third.ts"), HELLO.replace('"hello"', '"third"'));
    fs.rmSync(path.join(root, "dags-src", "other.ts"));
    fs.writeFileSync(path.join(generated, "airflow", "other.py"), "stale\n");
    const before = snapshotDir(generated);
    const run = runCli(["compile", "--check", "-C", root]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      [
        "generated/ is out of date (2 DAGs, 4 tasks):",
        "  stale:   generated/airflow/hello.py",
        "  stale:   generated/manifest.json",
        "  missing: generated/airflow/third.py",
        "  missing: generated/openlineage/third.jsonl",
        "  extra:   generated/airflow/other.py",
        "  extra:   generated/openlineage/other.jsonl",
        "run `dagwright compile` and commit the result",
        "",
      ].join("\n"),
    );
    expect(snapshotDir(generated)).toEqual(before);
  });

  it.each([
    ["a syntax error", `import { dag } from "dagwright";\nexport default dag("x", { schedule: null }, (d) => {\n  d.empty("a"\n});\n`, "dags-src/bad.ts:4:1 - error DW001: TS1005: ',' expected."],
    ["a type error", `import { dag } from "dagwright";\nexport default dag("x", { schedule: null }, (d) => {\n  d.empty("a", { retries: "2" });\n});\n`, "dags-src/bad.ts:3:18 - error DW001: TS2322: Type 'string' is not assignable to type 'number'."],
    ["a module that throws", `import { dag } from "dagwright";\nconst tables: string[] = JSON.parse("{oops");\nexport default dag("x", { schedule: null }, (d) => { for (const t of tables) d.empty(t); });\n`, "dags-src/bad.ts:2:31 - error DW002: dags-src/bad.ts threw while being evaluated: SyntaxError:"],
    ["a cycle", `import { dag } from "dagwright";\nexport default dag("x", { schedule: null }, (d) => {\n  const a = d.empty("a");\n  a.then(d.empty("b")).then(a);\n});\n`, 'dags-src/bad.ts:4:24 - error DW101: dependency cycle in DAG "x": a -> b -> a'],
    ["a duplicate id", `import { dag } from "dagwright";\nexport default dag("x", { schedule: null }, (d) => {\n  d.empty("a");\n  d.empty("a");\n});\n`, 'dags-src/bad.ts:4:5 - error DW102: task id "a" is used 2 times in DAG "x"'],
    ["an unknown cron", `import { dag } from "dagwright";\nexport default dag("x", { schedule: "0 0 32 * *", startDate: "2026-01-01" }, (d) => {\n  d.empty("a");\n});\n`, 'dags-src/bad.ts:2:16 - error DW201: DAG "x" has an invalid cron schedule "0 0 32 * *"'],
  ])("fails on %s with its code and location, no stack trace, and leaves generated/ alone", (_name, bad, expected) => {
    const root = makeProject({ "dags-src/hello.ts": HELLO });
    expect(runCli(["compile", "-C", root]).status).toBe(0);
    const before = snapshotDir(path.join(root, "generated"));
    fs.writeFileSync(path.join(root, "dags-src", "bad.ts"), bad);
    const run = runCli(["compile", "-C", root]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.split("\n")[0]).toContain(expected);
    expect(run.stderr).toMatch(/\n {2}\d+ \| .*\n {2} +\| +\^/); // a code frame with a caret
    expect(run.stderr).toMatch(/ {2}hint: /);
    expect(run.stderr).toMatch(/\n1 error, 0 warnings\n$/);
    expect(run.stderr).not.toMatch(/\n\s+at .*(dist|src)\//);
    expect(snapshotDir(path.join(root, "generated"))).toEqual(before);
  });

  it("refuses to delete the deployed DAGs when no DAG is found, unless --allow-empty", () => {
    const root = makeProject({ "dags-src/hello.ts": HELLO });
    expect(runCli(["compile", "-C", root]).status).toBe(0);
    const before = snapshotDir(path.join(root, "generated"));
    // A typo in srcDir: the folder does not exist, so no module is found.
    fs.writeFileSync(path.join(root, "dagwright.config.ts"), `import { defineConfig } from "dagwright";\nexport default defineConfig({ airflow: "3.3", srcDir: "dag-src" });\n`);
    const refused = runCli(["compile", "-C", root]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("error DW011: no DAG found in dag-src, but generated/ holds 1 DAG from the previous compile; nothing written");
    expect(refused.stderr).toContain("hint: check srcDir in dagwright.config.ts; to remove every DAG on purpose, run `dagwright compile --allow-empty`");
    expect(snapshotDir(path.join(root, "generated"))).toEqual(before);
    const allowed = runCli(["compile", "--allow-empty", "-C", root]);
    expect(allowed.status).toBe(0);
    expect(Object.keys(snapshotDir(path.join(root, "generated"))).filter((file) => file.startsWith("airflow/"))).toEqual([]);
  });

  it("exits 2 on bad usage", () => {
    expect(runCli(["compile", "--airflow", "1.10"]).status).toBe(2);
    expect(runCli(["frobnicate"]).status).toBe(2);
    expect(runCli(["compile", "--no-such-flag"]).status).toBe(2);
  });

  it("explains a missing configuration", () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "dagwright-empty-"));
    const run = runCli(["compile", "-C", empty]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`error DW005: no dagwright.config.ts in ${empty}`);
  });

  it("starts without loading TypeScript, esbuild or the IR schemas for --version, --help and explain", () => {
    // The CLI is bundled (scripts/bundle-cli.mjs): what a command loaded is the files it read
    // of dagwright's, and the chunks among them holding zod's schemas or the compiler's loader.
    const loadedBy = (args: string[], cwd = REPO_ROOT) => {
      const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dagwright-modules-")), "loaded.txt");
      const run = spawnSync(process.execPath, ["--import", pathToFileURL(path.join(REPO_ROOT, "tests", "helpers", "loaded-modules.mjs")).href, BIN, ...args], {
        cwd,
        encoding: "utf8",
        env: { ...process.env, DAGWRIGHT_TEST_MODULE_LOG: log },
      });
      const urls = fs.readFileSync(log, "utf8").split("\n").filter((url) => url.startsWith("file:"));
      const heavy = urls.filter((url) => {
        if (/node_modules\/(typescript7?|esbuild|zod|ajv|handlebars)\//.test(url)) return true;
        const text = fs.readFileSync(fileURLToPath(url), "utf8");
        return text.includes("$ZodType") || text.includes("typescript7/unstable/sync") || text.includes("--max-old-space-size=");
      });
      return { status: run.status, heavy: heavy.map((url) => path.relative(REPO_ROOT, fileURLToPath(url))) };
    };
    for (const args of [["--version"], ["--help"], ["compile", "--help"], ["explain", "DW101"], ["explain"]]) {
      expect(loadedBy(args), args.join(" ")).toEqual({ status: 0, heavy: [] });
    }
    // A compile does load them, so the check above can fail.
    const compiled = loadedBy(["compile", "--no-typecheck", "-C", makeProject({ "dags-src/hello.ts": HELLO })]);
    expect(compiled.status).toBe(0);
    expect(compiled.heavy.length).toBeGreaterThan(0);
  });

  it("prints help for every command", () => {
    for (const command of ["compile", "validate", "list", "init"]) {
      const run = runCli([command, "--help"]);
      expect(run.status, command).toBe(0);
      expect(run.stdout, command).toMatch(new RegExp(`^Usage: dagwright ${command} `));
    }
  });
});

describe("determinism", () => {
  it("writes identical bytes whatever order the files were created in", () => {
    const names = ["b.ts", "a.ts", "c/z.ts", "c/a.ts", "0.ts"];
    const outputs = [names, [...names].reverse()].map((order) => {
      const root = makeProject({});
      for (const name of order) {
        const file = path.join(root, "dags-src", name);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, HELLO.replace('"hello"', `"dag_${name.replace(/\W/g, "_")}"`));
      }
      expect(runCli(["compile", "-C", root]).status).toBe(0);
      return fs.readFileSync(path.join(root, "generated", "manifest.json"), "utf8");
    });
    expect(outputs[1]).toBe(outputs[0]);
    expect((JSON.parse(outputs[0]!) as { dags: Array<{ id: string }> }).dags.map((dag) => dag.id)).toEqual([
      "dag_0_ts",
      "dag_a_ts",
      "dag_b_ts",
      "dag_c_a_ts",
      "dag_c_z_ts",
    ]);
  });

  it("writes identical bytes whatever the time zone and locale", () => {
    const outputs = [
      { TZ: "UTC", LANG: "C", LC_ALL: "C" },
      { TZ: "Pacific/Chatham", LANG: "tr_TR.UTF-8", LC_ALL: "tr_TR.UTF-8" },
      { TZ: "America/St_Johns", LANG: "ja_JP.UTF-8", LC_ALL: "ja_JP.UTF-8" },
    ].map((env) => {
      const root = makeProject({
        "dags-src/hello.ts": HELLO,
        "dags-src/İstanbul.ts": HELLO.replace('"hello"', '"istanbul_ILIK"'),
      });
      expect(runCli(["compile", "-C", root], { env }).status).toBe(0);
      return snapshotDir(path.join(root, "generated"));
    });
    expect(outputs[1]).toEqual(outputs[0]);
    expect(outputs[2]).toEqual(outputs[0]);
  });
});

describe("init", () => {
  it("scaffolds a project that compiles", () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dagwright-init-")), "my-pipelines");
    const run = runCli(["init", dir, "--airflow", "2.10"]);
    expect(run.status).toBe(0);
    expect(Object.keys(snapshotDir(dir)).sort()).toEqual([".gitignore", "dags-src/hello.ts", "dagwright.config.ts", "package.json", "tsconfig.json"]);
    const packageJson = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
    expect(packageJson.scripts.compile).toBe("dagwright compile");
    // What `npm install` gives the scaffold: dagwright in node_modules, as its package.json asks.
    fs.mkdirSync(path.join(dir, "node_modules"));
    fs.symlinkSync(REPO_ROOT, path.join(dir, "node_modules", "dagwright"), "dir");
    const compiled = runCli(["compile", "-C", dir]);
    expect(compiled.stderr).toBe("");
    expect(compiled.stdout).toMatch(/^compiled 1 DAG, 2 tasks for Airflow 2\.10/);
    expect(fs.readFileSync(path.join(dir, "generated", "airflow", "hello.py"), "utf8")).toContain("bash_command=\"echo 'hello from {{ ds }}'\"");
  });

  it("refuses a folder that is not empty", () => {
    const run = runCli(["init", REPO_ROOT]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/is not empty/);
  });
});
