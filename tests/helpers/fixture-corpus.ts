/**
 * The corpus of bad inputs in tests/fixtures/: each folder is a small dagwright project, and
 * its expected.json lists every diagnostic compile must report, in order, with exact code,
 * severity, file:line:col and message.
 *
 * Every fixture is copied to a temporary folder (nothing is written into the repository) and
 * compiled twice. compileProject, type-check included, must report exactly the expected
 * diagnostics; it evaluates in this process (milliseconds) and type-checks through one
 * TypeScript 7 server the whole file shares (tens of milliseconds per fixture, against a few
 * hundred for a server each). Fixtures that attack the process (hangs, process.exit, a lowered
 * stack-trace limit, stray timers and rejections, clock reads) say `"evaluation": "worker"` and
 * run in the evaluation process users get. Then the built CLI (`npm run build` first), which
 * always evaluates in that process, must exit 1 (0 when only warnings are expected), print
 * every diagnostic and the counts without an internal stack trace, and write no generated/
 * folder when it fails; it type-checks when a type error is expected (the first leg has shown
 * that the others have none). Each fixture's CLI child starts with its in-process compile.
 *
 * expected.json:
 *   description  one line: what is wrong
 *   diagnostics  [{ code, severity, file, line, column, message }]; file, line and column are
 *                null for a project-wide diagnostic without a location
 *   options      optional { moduleTimeoutMs?, skipTypecheck?, evaluation? } for compileProject;
 *                the CLI gets --module-timeout and --no-typecheck for the first two
 *   knownBug     optional: what dagwright does wrong today. `diagnostics` then says what it
 *                should report and the fixture's tests are marked `it.fails`, so the suite
 *                stays green while recording the bug; delete knownBug once the bug is fixed.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compileProject } from "../../src/compiler.js";
import type { Diagnostic } from "../../src/diagnostics/index.js";
import { openTypechecker } from "../../src/load/typecheck/index.js";
import { BIN, REPO_ROOT, type CliRun } from "./project.js";

export const FIXTURES = path.join(REPO_ROOT, "tests", "fixtures");
/** A line of a Node stack trace that points into dagwright's code or its dependencies. */
const INTERNAL_STACK = /\n\s+at .*(dist|src|node_modules)\//;
/** The keys of an expected diagnostic, in order; `toolCode` only where another tool (TypeScript) found it. */
export const DIAGNOSTIC_KEYS = ["code", "toolCode", "severity", "file", "line", "column", "message"];
export const OPTIONAL_DIAGNOSTIC_KEYS = ["toolCode"];

interface ExpectedDiagnostic {
  code: string;
  toolCode?: string;
  severity: "error" | "warning";
  file: string | null;
  line: number | null;
  column: number | null;
  message: string;
}

interface Expected {
  description: string;
  diagnostics: ExpectedDiagnostic[];
  options?: { moduleTimeoutMs?: number; skipTypecheck?: boolean; evaluation?: "worker" | "in-process" };
  knownBug?: string;
}

export const fixtureNames = fs
  .readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

export function readExpected(name: string): Expected {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, name, "expected.json"), "utf8")) as Expected;
}

/** Diagnostics in expected.json's shape, so a mismatch shows as a readable diff. */
function comparable(diagnostics: readonly Diagnostic[]): ExpectedDiagnostic[] {
  return diagnostics.map((d) => ({
    code: d.code,
    ...(d.toolCode ? { toolCode: d.toolCode } : {}),
    severity: d.severity,
    file: d.location?.file ?? null,
    line: d.location?.line ?? null,
    column: d.location?.column ?? null,
    message: d.message,
  }));
}

/** The line the CLI prints for a diagnostic: `dags-src/x.ts:7:5 - error DW101: message`. */
function header(d: ExpectedDiagnostic, withMessage = true): string {
  const where = d.file === null ? "" : `${d.file}:${d.line}:${d.column} - `;
  return `${where}${d.severity} ${d.toolCode ?? d.code}${withMessage ? `: ${d.message}` : ""}`;
}

function counts(errors: number, warnings: number): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `${plural(errors, "error")}, ${plural(warnings, "warning")}`;
}

const copies: string[] = [];

/** A fresh copy of the fixture's project, without expected.json, in a temporary folder. */
function copyFixture(name: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `dagwright-fixture-${name}-`));
  copies.push(root);
  fs.cpSync(path.join(FIXTURES, name), root, { recursive: true, verbatimSymlinks: true, filter: (source) => path.basename(source) !== "expected.json" });
  return root;
}

afterAll(() => {
  for (const root of copies) fs.rmSync(root, { recursive: true, force: true });
});

/**
 * compileProject, catching what user code lets escape after it returns (the rejection of an
 * async DAG body, an exception from a timer) instead of letting it crash the test run.
 */
async function compileCatchingStrays(root: string, options: Parameters<typeof compileProject>[1]) {
  type Listener = (...args: unknown[]) => void;
  const events = ["unhandledRejection", "uncaughtException"];
  const emitter = process as unknown as { listeners(event: string): Listener[]; on(event: string, listener: Listener): void };
  const saved = events.map((event) => [event, emitter.listeners(event)] as const);
  const strays: string[] = [];
  const catcher = (thrown: unknown) => void strays.push(thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown));
  for (const event of events) {
    process.removeAllListeners(event);
    emitter.on(event, catcher);
  }
  try {
    const result = await compileProject(root, options);
    await new Promise((resolve) => setTimeout(resolve, 20)); // let late rejections surface
    return { result, strays };
  } finally {
    for (const [event, listeners] of saved) {
      process.removeAllListeners(event);
      for (const listener of listeners) emitter.on(event, listener);
    }
  }
}

/** The built CLI in a child process, as users run it (see runCli in helpers/project.ts), without blocking. */
function runCliAsync(args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: "1" } });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", (error) => resolve({ status: null, stdout, stderr: `${stderr}${String(error)}` }));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/**
 * Define the tests of one part of the corpus: the fixtures whose index is `part` modulo
 * `FIXTURE_PARTS`. The corpus runs in that many files (fixtures.test.ts, fixtures-1.test.ts,
 * ...), so that workers share it evenly.
 */
export const FIXTURE_PARTS = 4;

export function fixtureTests(part: number): void {
const typechecker = openTypechecker();
afterAll(() => typechecker.close());
for (const name of fixtureNames.filter((_, index) => index % FIXTURE_PARTS === part)) {
  const expected = readExpected(name);
  const test = expected.knownBug ? it.fails : it;
  const bug = expected.knownBug ? ` [known bug: ${expected.knownBug}]` : "";
  const errors = expected.diagnostics.filter((d) => d.severity === "error");
  const warnings = expected.diagnostics.length - errors.length;
  const typeErrorsExpected = expected.diagnostics.some((d) => d.toolCode !== undefined);

  describe(`${name}: ${expected.description}`, () => {
    let cli: { root: string; run: Promise<CliRun> } | undefined;
    const startCli = () => {
      const root = copyFixture(name);
      const timeout = expected.options?.moduleTimeoutMs;
      const flags = [...(expected.options?.skipTypecheck || !typeErrorsExpected ? ["--no-typecheck"] : []), ...(timeout === undefined ? [] : ["--module-timeout", String(timeout / 1000)])];
      return { root, run: runCliAsync(["compile", "-C", root, ...flags]) };
    };
    afterAll(async () => {
      await cli?.run; // never leave a child running into the next fixture
    });

    test(`compileProject reports exactly the expected diagnostics${bug}`, async () => {
      cli = startCli(); // runs while this test compiles in-process
      const root = copyFixture(name);
      const { result, strays } = await compileCatchingStrays(root, { evaluation: "in-process", typechecker, ...expected.options });
      expect(comparable(result.diagnostics)).toEqual(expected.diagnostics);
      expect(strays, "errors that escaped compileProject after it returned").toEqual([]);
      expect(fs.existsSync(path.join(root, "generated")), "compileProject writes nothing").toBe(false);
    });

    const outcome = errors.length > 0 ? "exits 1 and writes nothing" : "exits 0 and writes generated/";
    test(`the CLI ${outcome}, printing every diagnostic and no stack trace${bug}`, async () => {
      cli ??= startCli(); // when the compile test was filtered out
      const root = cli.root;
      const run = await cli.run;
      const output = `${run.stdout}\n${run.stderr}`;
      expect(output, "an internal stack trace").not.toMatch(INTERNAL_STACK);
      expect(output, "an internal error").not.toMatch(/internal error/);
      expect(run.status, output).toBe(errors.length > 0 ? 1 : 0);
      expect(run.stderr).toContain(header(errors[0] ?? expected.diagnostics[0]!, false));
      for (const d of expected.diagnostics) expect(run.stderr).toContain(header(d));
      expect(run.stderr.trimEnd().split("\n").at(-1), "the counts line").toBe(counts(errors.length, warnings));
      if (errors.length > 0) {
        expect(run.stdout).toBe("");
        expect(fs.existsSync(path.join(root, "generated")), "a failed compile writes nothing").toBe(false);
      } else {
        expect(run.stdout).toMatch(/^compiled \d+ DAGs?, \d+ tasks? for Airflow /);
        expect(fs.existsSync(path.join(root, "generated", "manifest.json")), "generated/manifest.json").toBe(true);
      }
    });
  });
}
}
