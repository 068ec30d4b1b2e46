/** What every command shares: where the project is, how to report, and the exit codes. */
import fs from "node:fs";
import path from "node:path";
import type { CompileResult } from "../compiler.js";
import { hasErrors, type Diagnostic } from "../diagnostics/index.js";
import type { Manifest } from "../ir/manifest.js";
import type { AirflowTarget } from "../ir/schema.js";
import type { ResolvedProject } from "../ir/resolved.js";
import { CONFIG_FILE } from "../values/names.js";
import { renderGithub, renderJson, renderSarif, type Format, type Report } from "./formats.js";
import { formatCounts, formatDiagnostic, styleFor } from "./report.js";

export const EXIT = {
  ok: 0,
  /** The project has errors (or is stale, for --check). */
  userErrors: 1,
  /** The command line was wrong. */
  usage: 2,
  /** dagwright itself failed. */
  internal: 3,
} as const;

export interface CommonOptions {
  root?: string;
}

/** The project folder: the one -C names, else the nearest folder from the working folder up that holds the config. */
export function projectRoot(options: CommonOptions): string {
  if (options.root !== undefined) return path.resolve(options.root);
  const here = process.cwd();
  for (let folder = here; ; folder = path.dirname(folder)) {
    if (fs.existsSync(path.join(folder, CONFIG_FILE))) return folder;
    if (path.dirname(folder) === folder) return here;
  }
}

/** What --verbose prints: each stage's time, and the TypeScript that checked the code. */
export function printTimings(result: CompileResult): void {
  const { timings, checker, evaluation } = result;
  const evaluated = evaluation
    ? ` (${evaluation.evaluated} module${evaluation.evaluated === 1 ? "" : "s"} run, ${evaluation.cached} unchanged, answered by the cache)`
    : "";
  const checked = checker ? ` (TypeScript ${checker.version}, ${checker.source === "project" ? "the project's" : "bundled"}${checker.cached ? "; unchanged, answered by the cache" : ""})` : " (skipped)";
  const rows: Array<[string, number, string]> = [
    ["type-check", timings.typecheck, checked],
    ["evaluate", timings.evaluate, evaluated],
    ["resolve", timings.resolve, ""],
    ["validate", timings.validate, ""],
    ["emit", timings.emit, ""],
  ];
  process.stderr.write(rows.map(([stage, ms, note]) => `${stage.padEnd(10)} ${seconds(ms).padStart(7)}${note}\n`).join(""));
}

/** Print diagnostics for people to stderr, errors and warnings alike, followed by their counts. */
export function printDiagnostics(diagnostics: readonly Diagnostic[], root: string): void {
  if (diagnostics.length === 0) return;
  const style = styleFor(process.stderr);
  const blocks = diagnostics.map((diagnostic) => formatDiagnostic(diagnostic, root, style));
  process.stderr.write(`${blocks.join("\n\n")}\n\n${formatCounts(diagnostics)}\n`);
}

/**
 * Report in the chosen format. Machine formats own stdout (JSON and SARIF are one document
 * there); people get diagnostics on stderr and `lines` (the summary) on stdout.
 */
export function printReport(format: Format, report: Report, root: string, lines: { stdout?: string; stderr?: string }): void {
  switch (format) {
    case "json":
      process.stdout.write(renderJson(report));
      return;
    case "sarif":
      process.stdout.write(renderSarif(report.diagnostics));
      return;
    case "github":
      process.stdout.write(renderGithub(report.diagnostics));
      break;
    case "pretty":
      printDiagnostics(report.diagnostics, root);
      break;
  }
  if (lines.stderr) process.stderr.write(lines.stderr);
  if (lines.stdout) process.stdout.write(lines.stdout);
}

export function seconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(2)}s`;
}

/**
 * The checked project, for commands that only read it (list, lineage); on errors, prints them,
 * sets exit code 1 and returns undefined.
 */
export async function checkedProject(root: string): Promise<ResolvedProject | undefined> {
  const { compileProject } = await import("../compiler.js");
  const result = await compileProject(root, { emit: false });
  if (hasErrors(result.diagnostics) || !result.resolved) {
    printDiagnostics(result.diagnostics, root);
    process.exitCode = EXIT.userErrors;
    return undefined;
  }
  return result.resolved;
}

/**
 * The manifest the project compiles to, without writing it, for commands that draw from the
 * manifest alone (graph, docs); on errors, prints them, sets exit code 1 and returns undefined.
 */
export async function compiledManifest(root: string, airflow?: AirflowTarget): Promise<{ manifest: Manifest; outDir: string; files: ReadonlyArray<{ path: string; contents: string }> } | undefined> {
  const { compileProject } = await import("../compiler.js");
  const result = await compileProject(root, airflow ? { airflow } : {});
  const file = result.files?.find((candidate) => candidate.path === "manifest.json");
  if (hasErrors(result.diagnostics) || !file || !result.config) {
    printDiagnostics(result.diagnostics, root);
    process.exitCode = EXIT.userErrors;
    return undefined;
  }
  return { manifest: JSON.parse(file.contents) as Manifest, outDir: result.config.outDir, files: result.files! };
}
