/** What every command shares: where the project is, how to print, and the exit codes. */
import path from "node:path";
import type { Diagnostic } from "../ir/diagnostic.js";
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

export function projectRoot(options: CommonOptions): string {
  return path.resolve(options.root ?? process.cwd());
}

/** Print diagnostics to stderr, errors and warnings alike, followed by their counts. */
export function printDiagnostics(diagnostics: readonly Diagnostic[], root: string): void {
  if (diagnostics.length === 0) return;
  const style = styleFor(process.stderr);
  const blocks = diagnostics.map((diagnostic) => formatDiagnostic(diagnostic, root, style));
  process.stderr.write(`${blocks.join("\n\n")}\n\n${formatCounts(diagnostics)}\n`);
}

export function seconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(2)}s`;
}
