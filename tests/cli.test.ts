/**
 * The command line as users run it: the built `dagwright` binary in a child process, its exit
 * codes, its output, and what it leaves on disk.
 */
import { spawn, spawnSync } from "node:child_process";
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
      // What a cached command must not load: the type-checker's code, or esbuild.
      const checkerOrEsbuild = urls.filter((url) => /node_modules\/(typescript7?|esbuild|@typescript)\//.test(url));
      return { status: run.status, heavy: heavy.map((url) => path.relative(REPO_ROOT, fileURLToPath(url))), checkerOrEsbuild: checkerOrEsbuild.length };
    };
    for (const args of [["--version"], ["--help"], ["compile", "--help"], ["explain", "DW101"], ["explain"]]) {
      expect(loadedBy(args), args.join(" ")).toMatchObject({ status: 0, heavy: [] });
    }
    // A compile does load them, so the check above can fail.
    const root = makeProject({ "dags-src/hello.ts": HELLO });
    const compiled = loadedBy(["compile", "-C", root]);
    expect(compiled.status).toBe(0);
    expect(compiled.checkerOrEsbuild).toBeGreaterThan(0);
    // Once compiled, the caches answer for `list` and a second compile: no TypeScript, no esbuild.
    for (const args of [["list", "-C", root], ["compile", "-C", root]]) {
      const cached = loadedBy(args);
      expect({ status: cached.status, checkerOrEsbuild: cached.checkerOrEsbuild }, args.join(" ")).toEqual({ status: 0, checkerOrEsbuild: 0 });
    }
  });

  it("prints help for every command", () => {
    for (const command of ["compile", "validate", "list", "init"]) {
      const run = runCli([command, "--help"]);
      expect(run.status, command).toBe(0);
      expect(run.stdout, command).toMatch(new RegExp(`^Usage: dagwright ${command} `));
    }
  });
});

describe("a closed pipe", () => {
  it("ends the command quietly when its reader stops reading (dagwright list | head)", () => {
    // head takes one byte and leaves; the report is far longer than a pipe holds, so later writes fail.
    const errors = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dagwright-epipe-")), "stderr");
    const run = spawnSync("sh", ["-c", `"${process.execPath}" "${BIN}" validate --format sarif 2>"${errors}" | head -c 1 >/dev/null; sleep 1`], { cwd: REPO_ROOT, encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(fs.readFileSync(errors, "utf8"), "no stack trace on stderr").toBe("");
  });
});

describe("init", () => {
  it("scaffolds a project that compiles", () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dagwright-init-")), "my-pipelines");
    const run = runCli(["init", dir, "--airflow", "2.10"]);
    expect(run.status).toBe(0);
    expect(Object.keys(snapshotDir(dir)).sort()).toEqual([".github/workflows/dagwright.yml", ".gitignore", "dags-src/hello.ts", "dagwright.config.ts", "package.json", "tests/hello.test.ts", "tsconfig.json"]);
    expect(fs.readFileSync(path.join(dir, ".github/workflows/dagwright.yml"), "utf8")).toContain("      - run: npx dagwright compile --check --format github\n      - run: npm test\n");
    const packageJson = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
    expect(packageJson.scripts.compile).toBe("dagwright compile");
    // What `npm install` gives the scaffold: dagwright in node_modules, as its package.json asks.
    fs.mkdirSync(path.join(dir, "node_modules"));
    fs.symlinkSync(REPO_ROOT, path.join(dir, "node_modules", "dagwright"), "dir");
    const compiled = runCli(["compile", "-C", dir]);
    expect(compiled.stderr).toBe("");
    expect(compiled.stdout).toMatch(/^compiled 1 DAG, 2 tasks for Airflow 2\.10/);
    expect(fs.readFileSync(path.join(dir, "generated", "airflow", "hello.py"), "utf8")).toContain("bash_command=\"echo 'hello from {{ ds }}'\"");
    // The scaffolded test passes with the test kit, as `npm test` runs it.
    fs.symlinkSync(path.join(REPO_ROOT, "node_modules", "vitest"), path.join(dir, "node_modules", "vitest"), "dir");
    const tested = spawnSync(path.join(REPO_ROOT, "node_modules", ".bin", "vitest"), ["run"], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(tested.status, `${tested.stdout}${tested.stderr}`).toBe(0);
    expect(tested.stdout).toMatch(/Tests {2}1 passed \(1\)/);
  });

  it("merges into a folder that has a package.json, overwriting nothing", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dagwright-init-"));
    const existing = { name: "team", version: "2.0.0", scripts: { test: "jest", lint: "eslint ." }, devDependencies: { typescript: "5.4.0" }, dependencies: { lodash: "^4" } };
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(existing, null, 4));
    fs.writeFileSync(path.join(dir, "tsconfig.json"), "{ /* ours */ }\n");
    const run = runCli(["init", dir]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("  kept tsconfig.json as it was\n");
    expect(fs.readFileSync(path.join(dir, "tsconfig.json"), "utf8")).toBe("{ /* ours */ }\n");
    const merged = fs.readFileSync(path.join(dir, "package.json"), "utf8");
    expect(merged.startsWith('{\n    "name": "team",')).toBe(true);
    expect(JSON.parse(merged)).toEqual({
      ...existing,
      scripts: { test: "jest", lint: "eslint .", compile: "dagwright compile", check: "dagwright compile --check", validate: "dagwright validate" },
      devDependencies: { typescript: "5.4.0", "@types/node": "^20.0.0", dagwright: expect.stringMatching(/^\^\d+\.\d+\.\d+$/), vitest: "^4.1.0" },
    });
    expect(runCli(["init", dir]).stderr).toMatch(/already has a dagwright\.config\.ts; init leaves a project as it is/);
  });

  it("refuses a package.json that is not JSON, changing nothing", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dagwright-init-"));
    fs.writeFileSync(path.join(dir, "package.json"), "{ nope");
    const run = runCli(["init", dir]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/package\.json is not JSON \(.*\); init changed nothing\n$/);
    expect(fs.readFileSync(path.join(dir, "package.json"), "utf8")).toBe("{ nope");
    expect(fs.readdirSync(dir)).toEqual(["package.json"]);
  });
});
