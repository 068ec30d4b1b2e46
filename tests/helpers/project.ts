/** Throwaway dagwright projects for tests, and ways to run the compiler on them. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { compileProject, type CompileResult } from "../../src/compiler.js";
import type { Diagnostic } from "../../src/diagnostics/index.js";

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const BIN = path.join(REPO_ROOT, "bin", "dagwright.js");

/** Source text without the indentation common to its lines, and without the first empty line. */
export function source(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = String.raw({ raw: strings }, ...values).replace(/^\n/, "");
  const indent = Math.min(...text.split("\n").filter((line) => line.trim()).map((line) => /^ */.exec(line)![0].length));
  return text
    .split("\n")
    .map((line) => line.slice(indent))
    .join("\n");
}

/** A project in a new temporary folder: a config for `airflow` plus the given files. */
export function makeProject(files: Record<string, string>, airflow = "3.3"): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "dagwright-test-"));
  const all = {
    "dagwright.config.ts": `import { defineConfig } from "dagwright";\nexport default defineConfig({ airflow: "${airflow}" });\n`,
    ...files,
  };
  for (const [file, text] of Object.entries(all)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

export interface TestCompileOptions extends NonNullable<Parameters<typeof compileProject>[1]> {
  /** Type-check the modules, as a real compile does (a few hundred milliseconds more). */
  typecheck?: boolean;
}

/**
 * Compile a project in this thread without type-checking, so a test takes milliseconds; with
 * `typecheck`, or an option only the evaluation worker has (a heap limit), the whole loader
 * runs as `dagwright compile` runs it. The fixture corpus covers the whole loader end to end.
 */
export function compile(root: string, options: TestCompileOptions = {}): Promise<CompileResult> {
  const { typecheck, ...rest } = options;
  const whole = typecheck === true || rest.moduleMemoryMb !== undefined || rest.evaluation === "worker";
  return compileProject(root, whole ? rest : { evaluation: "in-process", skipTypecheck: true, ...rest });
}

/** `code file:line:col` of each diagnostic: the part tests assert exactly. */
export function where(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code} ${d.location ? `${d.location.file}:${d.location.line}:${d.location.column}` : "-"}`);
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: { ...process.env, NO_COLOR: "1", ...options.env },
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under `dir` with its bytes, for before/after comparisons. */
export function snapshotDir(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (current: string) => {
    if (!fs.existsSync(current)) return;
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[path.relative(dir, full)] = fs.readFileSync(full, "latin1");
    }
  };
  walk(dir);
  return files;
}
