/**
 * Type-checking with TypeScript 7, the native compiler, through its API (`typescript/unstable/sync`):
 * about ten times faster than TypeScript 5 on DAG projects. dagwright bundles it; a project that
 * pins TypeScript 7 itself is checked with its own.
 */
import fs from "node:fs";
import path from "node:path";
import { writeIfChanged } from "./config.js";
import type { TsFinding } from "./diagnostics.js";

/** The parts of TypeScript 7's sync API the check uses. */
interface NativeDiagnostic {
  readonly fileName?: string;
  readonly pos: number;
  readonly end: number;
  readonly code: number;
  readonly category: number;
  readonly text: string;
  readonly messageChain?: readonly NativeDiagnostic[];
}
interface NativeProgram {
  getConfigFileParsingDiagnostics(): readonly NativeDiagnostic[];
  getProgramDiagnostics(): readonly NativeDiagnostic[];
  getSyntacticDiagnostics(): readonly NativeDiagnostic[];
  getGlobalDiagnostics(): readonly NativeDiagnostic[];
  getSemanticDiagnostics(): readonly NativeDiagnostic[];
}
interface NativeApi {
  updateSnapshot(params: { openProject: string }): { getProjects(): ReadonlyArray<{ program: NativeProgram }> };
  close(): void;
}
export interface NativeModule {
  API: new (options: { cwd: string; tsserverPath?: string }) => NativeApi;
}

/** TypeScript's DiagnosticCategory.Error. */
const ERROR = 1;

/** tsc's flattening of a message chain: each level on its own line, indented two spaces deeper. */
function flatten(diagnostic: NativeDiagnostic, depth = 0): string {
  const children = (diagnostic.messageChain ?? []).map((child) => flatten(child, depth + 1));
  return [`${"  ".repeat(depth)}${diagnostic.text}`, ...children].join("\n");
}

/**
 * The API runs TypeScript's server with its stderr shared with ours, and the server says
 * "context canceled" there when the API closes it. A small wrapper sends the server's stderr to
 * a log file beside the check's tsconfig instead (on POSIX systems; elsewhere it runs as is).
 */
function quietServer(exe: string, dir: string): string | undefined {
  if (process.platform === "win32") return undefined;
  const wrapper = path.join(dir, "tsgo");
  const script = `#!/bin/sh\nexec ${shellQuote(exe)} "$@" 2>${shellQuote(path.join(dir, "tsgo.log"))}\n`;
  writeIfChanged(wrapper, script, 0o755);
  return wrapper;
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, "'\\''")}'`;
}

export function checkNative(module: NativeModule, exe: string | undefined, cwd: string, tsconfig: string): TsFinding[] {
  const server = exe === undefined ? undefined : quietServer(exe, path.dirname(tsconfig));
  const api = new module.API({ cwd, ...(server ? { tsserverPath: server } : {}) });
  try {
    const project = api.updateSnapshot({ openProject: tsconfig }).getProjects()[0];
    if (!project) return [];
    const { program } = project;
    const setup = [...program.getConfigFileParsingDiagnostics(), ...program.getProgramDiagnostics()];
    // Like tsc: while the code does not parse, its type errors are noise.
    const syntax = program.getSyntacticDiagnostics();
    const found = syntax.length > 0 ? [...setup, ...syntax] : [...setup, ...program.getGlobalDiagnostics(), ...program.getSemanticDiagnostics()];
    return found
      .filter((diagnostic) => diagnostic.category === ERROR)
      .map((diagnostic) => ({
        code: diagnostic.code,
        text: flatten(diagnostic),
        ...(diagnostic.fileName ? { fileName: diagnostic.fileName, start: diagnostic.pos, end: diagnostic.end } : {}),
      }));
  } finally {
    api.close();
  }
}
