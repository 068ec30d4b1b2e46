/**
 * Diagnostics for people, like tsc prints them: file:line:col, severity and code, the message,
 * a code frame, related places and a hint. Colour only on a terminal, never with NO_COLOR.
 */
import fs from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/index.js";
import type { Location } from "../ir/schema.js";

export interface Style {
  red(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const plain: Style = { red: (t) => t, yellow: (t) => t, cyan: (t) => t, dim: (t) => t, bold: (t) => t };
const ansi = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const coloured: Style = { red: ansi(31, 39), yellow: ansi(33, 39), cyan: ansi(36, 39), dim: ansi(2, 22), bold: ansi(1, 22) };

/** `--color` or `--no-color` on the command line, when given: it wins over the environment. */
let colorFlag: boolean | undefined;

export function setColorFlag(flag: boolean | undefined): void {
  colorFlag = flag;
}

/**
 * Whether to colour, as Node and eslint decide: the command-line flag, else FORCE_COLOR (0 or
 * false turn colour off, any other value on), else NO_COLOR (set and not empty: off), else
 * whether the stream is a terminal.
 */
export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (colorFlag !== undefined) return colorFlag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !["0", "false"].includes(force.toLowerCase());
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  return stream.isTTY === true;
}

export function styleFor(stream: NodeJS.WriteStream): Style {
  return useColor(stream) ? coloured : plain;
}

export function formatLocation(location: Location): string {
  return `${location.file}:${location.line}:${location.column}`;
}

export function formatDiagnostic(diagnostic: Diagnostic, root: string, style: Style = plain): string {
  const severity = diagnostic.severity === "error" ? style.red("error") : style.yellow("warning");
  const where = diagnostic.location ? `${style.cyan(formatLocation(diagnostic.location))} - ` : "";
  // Another tool's finding leads with that tool's code, as the tool prints it (tsc: "error TS2322: ...").
  const lines = [`${where}${severity} ${style.dim(diagnostic.toolCode ?? diagnostic.code)}: ${diagnostic.message}`];
  const frame = diagnostic.location ? codeFrame(root, diagnostic.location, style, diagnostic.end) : undefined;
  if (frame) lines.push("", frame);
  for (const related of diagnostic.related ?? []) {
    lines.push(`  ${style.cyan(formatLocation(related.location))}: ${related.message}`);
  }
  if (diagnostic.hint) lines.push(`  ${style.bold("hint")}: ${diagnostic.hint}`);
  return lines.join("\n");
}

/**
 * The diagnostic's line with a caret under its column, and tildes under the rest of its range
 * when it has one (to the end of the line, for a range that goes on); undefined when the file
 * cannot be read.
 */
function codeFrame(root: string, location: Location, style: Style, end?: Diagnostic["end"]): string | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.resolve(root, location.file), "utf8");
  } catch {
    return undefined;
  }
  const line = text.split(/\r?\n/)[location.line - 1];
  if (line === undefined) return undefined;
  const number = String(location.line);
  const gutter = " ".repeat(number.length);
  // Tabs keep their width so the caret lines up under the character.
  const lead = line.slice(0, location.column - 1).replace(/[^\t]/g, " ");
  const lastColumn = end === undefined ? location.column + 1 : end.line === location.line ? end.column : line.length + 1;
  const tildes = "~".repeat(Math.max(0, lastColumn - location.column - 1));
  return [`  ${style.dim(number)} | ${line}`, `  ${gutter} | ${lead}${style.red(`^${tildes}`)}`].join("\n");
}

export function formatCounts(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `${plural(errors, "error")}, ${plural(warnings, "warning")}`;
}
