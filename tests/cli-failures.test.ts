/**
 * The command line as users run it, continued (cli.test.ts has the rest; two files so two
 * workers share them): failed compiles leave generated/ alone, and output is deterministic.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeProject, runCli, snapshotDir, source } from "./helpers/project.js";

const HELLO = source`
  import { dag } from "dagwright";
  export default dag("hello", { schedule: "@daily", startDate: "2026-01-01" }, (d) => {
    d.bash("greet", { command: "echo hi" }).then(d.empty("done"));
  });
`;

describe("a failed compile", () => {
  it.each([
    ["a syntax error", `import { dag } from "dagwright";\nexport default dag("x", { schedule: null }, (d) => {\n  d.empty("a"\n});\n`, "dags-src/bad.ts:4:1 - error TS1005: ',' expected."],
    ["a type error", `import { dag } from "dagwright";\nexport default dag("x", { schedule: null }, (d) => {\n  d.empty("a", { retries: "2" });\n});\n`, "dags-src/bad.ts:3:18 - error TS2322: Type 'string' is not assignable to type 'number'."],
    ["a module that throws", `import { dag } from "dagwright";\nconst tables: string[] = JSON.parse("{oops");\nexport default dag("x", { schedule: null }, (d) => { for (const t of tables) d.empty(t); });\n`, "dags-src/bad.ts:2:31 - error DW002: dags-src/bad.ts threw while being evaluated: SyntaxError:"],
    ["a cycle", `import { dag } from "dagwright";\nexport default dag("x", { schedule: null }, (d) => {\n  const a = d.empty("a");\n  a.then(d.empty("b")).then(a);\n});\n`, 'dags-src/bad.ts:4:24 - error DW101: dependency cycle in DAG "x": a -> b -> a'],
    ["a duplicate id", `import { dag } from "dagwright";\nexport default dag("x", { schedule: null }, (d) => {\n  d.empty("a");\n  d.empty("a");\n});\n`, 'dags-src/bad.ts:4:5 - error DW102: task id "a" is used 2 times in DAG "x"'],
    ["an unknown cron", `import { dag } from "dagwright";\nexport default dag("x", { schedule: "0 0 32 * *", startDate: "2026-01-01" }, (d) => {\n  d.empty("a");\n});\n`, 'dags-src/bad.ts:2:37 - error DW201: DAG "x" has an invalid cron schedule "0 0 32 * *"'],
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
