/** Diagnostics for machines and CI: JSON, GitHub annotations, SARIF, warning limits, `explain` and its docs. */
import fs from "node:fs";
import path from "node:path";
import AjvDraft04 from "ajv-draft-04";
import { describe, expect, it } from "vitest";
import { diagnosticsMarkdown } from "../src/cli/explain.js";
import { renderGithub } from "../src/cli/formats.js";
import { formatDiagnostic, styleFor, useColor } from "../src/cli/report.js";
import { CATALOGUE, CODES } from "../src/diagnostics/index.js";
import { makeProject, REPO_ROOT, runCli, source } from "./helpers/project.js";

const CYCLE_AND_EMPTY = {
  "dags-src/etl.ts": source`
    import { dag } from "dagwright";
    export const etl = dag("etl", { schedule: null }, (d) => {
      const a = d.empty("a");
      const b = d.empty("b");
      a.then(b);
      b.then(a);
    });
    export const idle = dag("idle", { schedule: null }, () => {});
  `,
};

const ONLY_WARNING = {
  "dags-src/idle.ts": `import { dag } from "dagwright";\nexport const idle = dag("idle", { schedule: null }, () => {});\nexport const busy = dag("busy", { schedule: null }, (d) => { d.empty("a"); });\n`,
};

describe("--format json", () => {
  it("prints one stable document on stdout and nothing else", () => {
    const run = runCli(["validate", "--format", "json", "-C", makeProject(CYCLE_AND_EMPTY)]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual({
      formatVersion: 1,
      tool: "dagwright",
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      command: "validate",
      ok: false,
      summary: { dags: 2, tasks: 2, errors: 1, warnings: 1 },
      diagnostics: [
        {
          code: "DW101",
          severity: "error",
          title: "Dependency cycle",
          message: 'dependency cycle in DAG "etl": a -> b -> a',
          location: { file: "dags-src/etl.ts", line: 6, column: 5 },
          related: [
            { message: '"a" -> "b" is made here', location: { file: "dags-src/etl.ts", line: 5, column: 5 } },
            { message: '"b" -> "a" is made here', location: { file: "dags-src/etl.ts", line: 6, column: 5 } },
          ],
          hint: "remove one of the dependencies on this path; a task cannot wait for itself",
        },
        {
          code: "DW107",
          severity: "warning",
          title: "Empty DAG",
          message: 'DAG "idle" has no tasks',
          location: { file: "dags-src/etl.ts", line: 8, column: 21 },
          related: [],
          hint: "Add tasks in the body, or remove the DAG.",
        },
      ],
    });
  });

  it("keeps what modules and the config print off stdout, on stderr", () => {
    const root = makeProject({
      "dagwright.config.ts": `import { defineConfig } from "dagwright";\nconsole.log("config says hi");\nexport default defineConfig({ airflow: "3.3" });\n`,
      "dags-src/busy.ts": `import { dag } from "dagwright";\nconsole.log("module says hi");\nexport default dag("busy", { schedule: null }, (d) => {\n  d.bash("a", { command: "echo" });\n});\n`,
    });
    const run = runCli(["validate", "--format", "json", "-C", root]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).ok).toBe(true);
    expect(run.stderr).toBe("config says hi\nmodule says hi\n");
  });

  it("reports what compile wrote", () => {
    const root = makeProject(ONLY_WARNING);
    const run = runCli(["compile", "--format", "json", "-C", root]);
    expect(run.status).toBe(0);
    const document = JSON.parse(run.stdout);
    expect(document.ok).toBe(true);
    expect(document.output).toEqual({
      changed: [
        "generated/airflow/busy.py",
        "generated/airflow/idle.py",
        "generated/manifest.json",
        "generated/manifest.schema.json",
        "generated/openlineage/busy.jsonl",
      ],
      removed: [],
      foreign: [],
    });
  });

  it("reports stale output of --check as DW008 diagnostics", () => {
    const root = makeProject(ONLY_WARNING);
    expect(runCli(["compile", "-C", root]).status).toBe(0);
    fs.rmSync(path.join(root, "generated", "airflow", "busy.py"));
    const run = runCli(["compile", "--check", "--format", "json", "-C", root]);
    expect(run.status).toBe(1);
    const document = JSON.parse(run.stdout);
    expect(document.ok).toBe(false);
    expect(document.diagnostics.map((d: { code: string; message: string }) => `${d.code} ${d.message}`)).toEqual([
      'DW107 DAG "idle" has no tasks',
      "DW008 generated/airflow/busy.py is missing: compile would write it",
    ]);
  });
});

describe("--format github", () => {
  it("prints one workflow command per diagnostic, then the summary", () => {
    const run = runCli(["validate", "--format", "github", "-C", makeProject(CYCLE_AND_EMPTY)]);
    expect(run.status).toBe(1);
    expect(run.stdout.split("\n")).toEqual([
      '::error file=dags-src/etl.ts,line=6,col=5,title=DW101 Dependency cycle::dependency cycle in DAG "etl": a -> b -> a%0Adags-src/etl.ts:5:5: "a" -> "b" is made here%0Adags-src/etl.ts:6:5: "b" -> "a" is made here%0Ahint: remove one of the dependencies on this path; a task cannot wait for itself',
      '::warning file=dags-src/etl.ts,line=8,col=21,title=DW107 Empty DAG::DAG "idle" has no tasks%0Ahint: Add tasks in the body, or remove the DAG.',
      "",
    ]);
  });

  it("escapes what would end a workflow command", () => {
    const text = renderGithub([
      { code: "DW002", severity: "error", message: "100% broken\r\nreally", location: { file: "dags-src/a,b:c.ts", line: 1, column: 2 } },
    ]);
    expect(text).toBe("::error file=dags-src/a%2Cb%3Ac.ts,line=1,col=2,title=DW002 Module failed while running::100%25 broken%0D%0Areally\n");
  });
});

describe("--format sarif", () => {
  it("validates against the SARIF 2.1.0 schema and carries rules, results and locations", () => {
    const run = runCli(["validate", "--format", "sarif", "-C", makeProject(CYCLE_AND_EMPTY)]);
    expect(run.status).toBe(1);
    const log = JSON.parse(run.stdout);
    const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "tests", "schemas", "sarif-schema-2.1.0.json"), "utf8"));
    const validate = new AjvDraft04.default({ strict: false, validateFormats: false }).compile(schema);
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const [runLog] = log.runs;
    expect(runLog.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual([...CODES]);
    expect(runLog.results.map((r: { ruleId: string; level: string }) => `${r.ruleId} ${r.level}`)).toEqual(["DW101 error", "DW107 warning"]);
    expect(runLog.results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "dags-src/etl.ts", uriBaseId: "%SRCROOT%" },
      region: { startLine: 6, startColumn: 5 },
    });
    expect(runLog.results[0].relatedLocations).toHaveLength(2);
    // A broken log must fail the schema, or this test proves nothing.
    expect(validate({ ...log, version: "2.0.0" })).toBe(false);
  });
});

describe("warning limits", () => {
  it("--max-warnings and --strict fail on warnings and then write nothing", () => {
    const root = makeProject(ONLY_WARNING);
    expect(runCli(["validate", "--max-warnings", "1", "-C", root]).status).toBe(0);
    const over = runCli(["compile", "--max-warnings", "0", "-C", root]);
    expect(over.status).toBe(1);
    expect(over.stderr).toContain("1 warnings exceed --max-warnings 0; nothing written");
    const strict = runCli(["compile", "--strict", "-C", root]);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain("1 warning with --strict; nothing written");
    expect(fs.existsSync(path.join(root, "generated"))).toBe(false);
    expect(runCli(["compile", "--max-warnings", "many", "-C", root]).status).toBe(2);
  });
});

describe("pretty output", () => {
  const diagnostic = { code: "DW107" as const, severity: "warning" as const, message: "m", location: { file: "x.ts", line: 1, column: 1 } };
  it("uses colour only on a terminal, unless FORCE_COLOR, NO_COLOR or a flag says otherwise, as Node and eslint do", () => {
    const tty = { isTTY: true };
    const pipe = { isTTY: false };
    expect(useColor(tty, {})).toBe(true);
    expect(useColor(pipe, {})).toBe(false);
    expect(useColor(tty, { NO_COLOR: "1" })).toBe(false);
    expect(useColor(tty, { NO_COLOR: "" })).toBe(true);
    expect(useColor(pipe, { FORCE_COLOR: "1" })).toBe(true);
    expect(useColor(pipe, { FORCE_COLOR: "" })).toBe(true);
    expect(useColor(tty, { FORCE_COLOR: "0" })).toBe(false);
    expect(useColor(tty, { FORCE_COLOR: "false" })).toBe(false);
    expect(useColor(pipe, { FORCE_COLOR: "1", NO_COLOR: "1" })).toBe(true);
    expect(formatDiagnostic(diagnostic, "/nowhere", styleFor({ isTTY: false } as NodeJS.WriteStream))).toBe("x.ts:1:1 - warning DW107: m");
  });

  it("takes --color and --no-color over the environment", () => {
    const root = makeProject({ "dags-src/a.ts": `export const x = 1;\n` });
    const forced = runCli(["--color", "compile", "-C", root], { env: { NO_COLOR: "1" } });
    expect(forced.stderr).toContain("\u001b[");
    const plain = runCli(["--no-color", "compile", "-C", root], { env: { FORCE_COLOR: "1" } });
    expect(plain.stderr).toMatch(/(error|warning) DW\d{3}: /);
    expect(plain.stderr).not.toContain("\u001b[");
    const byEnvironment = runCli(["compile", "-C", root], { env: { FORCE_COLOR: "1", NO_COLOR: "" } });
    expect(byEnvironment.stderr).toContain("\u001b[");
  });
});

describe("explain", () => {
  it("prints what a code means, an example and the fix", () => {
    const run = runCli(["explain", "dw102"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      `DW102: Duplicate task id (error)\n\n${CATALOGUE.DW102.explanation}\n\nExample:\n  ${CATALOGUE.DW102.example}\n\nFix:\n  ${CATALOGUE.DW102.fix}\n`,
    );
    expect(runCli(["explain", "DW999"]).status).toBe(2);
  });

  it("docs/diagnostics.md is generated from the same catalogue", async () => {
    expect(fs.readFileSync(path.join(REPO_ROOT, "docs", "diagnostics.md"), "utf8")).toBe(await diagnosticsMarkdown());
  });

  it("has one reporting module per code, unless the catalogue says it is shared", () => {
    const reporters = new Map<string, Set<string>>();
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (full.endsWith(".ts")) {
          const module = path.relative(path.join(REPO_ROOT, "src"), full).replace(/\.ts$/, "").split(path.sep).join("/");
          for (const match of fs.readFileSync(full, "utf8").matchAll(/\bdiagnose\(\s*"(DW\d{3})"/g)) {
            reporters.set(match[1]!, (reporters.get(match[1]!) ?? new Set()).add(module));
          }
        }
      }
    };
    walk(path.join(REPO_ROOT, "src"));
    const problems = CODES.flatMap((code) => {
      const modules = [...(reporters.get(code) ?? [])].sort();
      const shared = [...(CATALOGUE[code].sharedBy ?? [])].sort();
      if (modules.length === 0) return [`${code} is catalogued but no module reports it`];
      if (shared.length ? JSON.stringify(modules) !== JSON.stringify(shared) : modules.length !== 1) return [`${code} is reported by ${modules.join(", ")}`];
      return [];
    });
    expect([...reporters.keys()].filter((code) => !(CODES as readonly string[]).includes(code))).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("builds no diagnostic by hand: every one comes from the catalogue through diagnose()", () => {
    const literals: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (full.endsWith(".ts") && !full.startsWith(path.join(REPO_ROOT, "src", "diagnostics"))) {
          const text = fs.readFileSync(full, "utf8");
          for (const match of text.matchAll(/\bcode:\s*["'`]DW|\bseverity:\s*["'](error|warning)["']/g)) literals.push(`${path.relative(REPO_ROOT, full)}: ${match[0]}`);
        }
      }
    };
    walk(path.join(REPO_ROOT, "src"));
    expect(literals).toEqual([]);
  });
});

describe("TypeScript's ranges", () => {
  it("are underlined whole in pretty output, and carried as end in JSON and SARIF", () => {
    const root = makeProject({
      "dags-src/etl.ts": `import { dag } from "dagwright";\nexport default dag("etl", { schedule: null }, (d) => {\n  d.bash("say", { command: 42 });\n});\n`,
    });
    const pretty = runCli(["compile", "-C", root]);
    // As tsc --pretty underlines it: the whole property name `command`.
    expect(pretty.stderr).toContain(`  3 |   d.bash("say", { command: 42 });\n    |                   ^~~~~~~\n`);
    const json = JSON.parse(runCli(["compile", "--format", "json", "-C", root]).stdout) as { diagnostics: Array<{ location: unknown; end?: unknown }> };
    expect(json.diagnostics[0]).toMatchObject({ location: { file: "dags-src/etl.ts", line: 3, column: 19 }, end: { line: 3, column: 26 } });
    const sarif = JSON.parse(runCli(["compile", "--format", "sarif", "-C", root]).stdout) as { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { region: unknown } }> }> }> };
    expect(sarif.runs[0]!.results[0]!.locations[0]!.physicalLocation.region).toEqual({ startLine: 3, startColumn: 19, endLine: 3, endColumn: 26 });
  });
});

describe("TypeScript's errors", () => {
  it("lead with TypeScript's own code and text, as tsc prints them, and keep DW001 as dagwright's code", () => {
    const root = makeProject({
      "dags-src/etl.ts": `import { dag } from "dagwright";\nexport default dag("etl", { schedule: null }, (d) => {\n  d.empty("a", { retries: "2" });\n});\n`,
    });
    const message = "Type 'string' is not assignable to type 'number'.";
    const pretty = runCli(["compile", "-C", root]);
    expect(pretty.stderr).toContain(`dags-src/etl.ts:3:18 - error TS2322: ${message}\n`);
    expect(pretty.stderr).toContain("  hint: fix the type error as the editor shows it; dagwright uses DAG modules only once they type-check (DW001)\n");
    expect(pretty.stderr).not.toMatch(/DW001: TS/);
    const json = JSON.parse(runCli(["compile", "--format", "json", "-C", root]).stdout) as { diagnostics: unknown[] };
    expect(json.diagnostics[0]).toMatchObject({ code: "DW001", toolCode: "TS2322", title: "TypeScript error", message });
    const github = runCli(["compile", "--format", "github", "-C", root]).stdout;
    expect(github).toContain(`::error file=dags-src/etl.ts,line=3,col=18,title=TS2322 TypeScript error::${message}%0Ahint: `);
    const sarif = JSON.parse(runCli(["compile", "--format", "sarif", "-C", root]).stdout) as { runs: Array<{ results: Array<{ ruleId: string; message: { text: string } }> }> };
    expect(sarif.runs[0]!.results[0]).toMatchObject({ ruleId: "DW001", message: { text: expect.stringMatching(/^Type 'string' is not assignable to type 'number'\. \(TS2322\)\nhint: /) } });
  });
});
