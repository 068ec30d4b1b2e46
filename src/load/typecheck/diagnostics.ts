/** TypeScript's diagnostics as dagwright's: DW001 at the file:line:col TypeScript names, with its message. */
import fs from "node:fs";
import path from "node:path";
import { diagnose, type Diagnostic } from "../../diagnostics/index.js";

/** One TypeScript diagnostic, whichever TypeScript reported it. */
export interface TsFinding {
  code: number;
  /** The message, chained parts on indented lines as tsc prints them. */
  text: string;
  fileName?: string;
  /** UTF-16 offsets into the file. */
  start?: number;
  end?: number;
}

/** What one check found, and the files its program read (for the cache). */
export interface CheckFindings {
  findings: TsFinding[];
  files: readonly string[];
}

/** The 1-based line and column (UTF-16 units, as tsc counts) of an offset. */
function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf("\n"); index !== -1 && index < offset; index = text.indexOf("\n", index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

export function toDiagnostics(root: string, findings: readonly TsFinding[]): Diagnostic[] {
  const texts = new Map<string, string>();
  const textOf = (file: string) => {
    if (!texts.has(file)) texts.set(file, fs.readFileSync(file, "utf8"));
    return texts.get(file)!;
  };
  return findings.map((finding) => {
    const location =
      finding.fileName !== undefined && finding.start !== undefined && fs.existsSync(finding.fileName)
        ? { file: path.relative(root, finding.fileName).split(path.sep).join("/"), ...position(textOf(finding.fileName), finding.start) }
        : undefined;
    const diagnostic = { ...diagnose("DW001", { ts: { code: finding.code, text: finding.text } }, location), toolCode: `TS${finding.code}` };
    // TypeScript's range, so the code frame underlines all of it as tsc --pretty does.
    if (!location || finding.end === undefined || finding.start === undefined || finding.end <= finding.start) return diagnostic;
    return { ...diagnostic, end: position(textOf(finding.fileName!), finding.end) };
  });
}
