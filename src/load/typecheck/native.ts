/**
 * Type-checking with TypeScript 7, the native compiler, through its API (`typescript/unstable/sync`):
 * about ten times faster than TypeScript 5 on DAG projects. dagwright bundles it; a project that
 * pins TypeScript 7 itself is checked with its own.
 */
import fs from "node:fs";
import path from "node:path";
import { writeIfChanged } from "./config.js";
import type { CheckFindings, TsFinding } from "./diagnostics.js";

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
  getSourceFileNames(): readonly string[];
}
interface NativeSnapshot {
  getProject(configFileName: string): { program: NativeProgram } | undefined;
  getProjects(): ReadonlyArray<{ program: NativeProgram }>;
  dispose(): void;
}
interface NativeApi {
  updateSnapshot(params: {
    openProjects?: string[];
    closeProjects?: string[];
    fileChanges?: { invalidateAll: true } | { changed: string[] };
  }): NativeSnapshot;
  close(): void;
}
export interface NativeModule {
  API: new (options: { cwd: string; tsserverPath?: string }) => NativeApi;
}

/** How many projects a session keeps loaded. */
const KEPT_PROJECTS = 4;

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

/**
 * One TypeScript 7 server kept running across checks: the first check pays for starting it and
 * reading the standard library; later ones (another project, or the same one after an edit)
 * take tens of milliseconds. Watch mode and test suites hold one open; a single compile opens
 * one, checks once and closes it.
 */
export class NativeSession {
  readonly #api: NativeApi;
  /** The projects open in the server, least recently checked first. */
  #open: string[] = [];
  /** What the server last read of each project, when it may be told only what changed since. */
  readonly #seen = new Map<string, ProgramFiles>();

  constructor(module: NativeModule, exe: string | undefined, cwd: string, logDir: string) {
    const server = exe === undefined ? undefined : quietServer(exe, logDir);
    this.#api = new module.API({ cwd, ...(server ? { tsserverPath: server } : {}) });
  }

  /**
   * The errors of the project `tsconfig` opens. Its files are re-read each time (the server does
   * not watch the disk); the standard library and packages' declarations stay parsed.
   */
  check(tsconfig: string): CheckFindings {
    // A test suite checks many projects through one session: the least recent ones are let go.
    this.#open = [...this.#open.filter((open) => open !== tsconfig), tsconfig];
    const closeProjects = this.#open.length > KEPT_PROJECTS ? this.#open.splice(0, this.#open.length - KEPT_PROJECTS) : [];
    for (const closed of closeProjects) this.#seen.delete(closed);
    const changed = changedFiles(this.#seen.get(tsconfig), tsconfig);
    this.#seen.delete(tsconfig);
    const snapshot = this.#api.updateSnapshot({ openProjects: [tsconfig], closeProjects, fileChanges: changed ? { changed } : { invalidateAll: true } });
    try {
      const project = snapshot.getProject(tsconfig) ?? snapshot.getProjects()[0];
      if (!project) return { findings: [], files: [] };
      const findings = errorsOf(project.program);
      const files = project.program.getSourceFileNames();
      // After errors, the next check re-reads everything: a file an import could not find may have appeared.
      if (findings.length === 0) this.#seen.set(tsconfig, programFiles(tsconfig, files));
      return { findings, files };
    } finally {
      snapshot.dispose();
    }
  }

  close(): void {
    this.#api.close();
  }
}

/** A program's inputs as last read: the tsconfig's text, each source file's, and the listing of each folder holding one. */
interface ProgramFiles {
  config: string;
  files: Map<string, string>;
  folders: Map<string, string>;
}

function readOrMissing(file: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return "\0missing";
  }
}

function listing(folder: string): string {
  try {
    return fs.readdirSync(folder).sort().join("\n");
  } catch {
    return "\0missing";
  }
}

function programFiles(tsconfig: string, files: readonly string[]): ProgramFiles {
  return {
    config: readOrMissing(tsconfig),
    files: new Map(files.map((file) => [file, readOrMissing(file)])),
    folders: new Map([...new Set(files.map((file) => path.dirname(file)))].map((folder) => [folder, listing(folder)])),
  };
}

/**
 * The source files that changed since `seen` was read, when that is all that changed; undefined
 * (re-read everything) when the tsconfig changed, a file was removed, or a folder gained or lost
 * a file (it may now win a module resolution).
 */
function changedFiles(seen: ProgramFiles | undefined, tsconfig: string): string[] | undefined {
  if (!seen || readOrMissing(tsconfig) !== seen.config) return undefined;
  for (const [folder, names] of seen.folders) if (listing(folder) !== names) return undefined;
  const changed: string[] = [];
  for (const [file, text] of seen.files) {
    const now = readOrMissing(file);
    if (now === "\0missing") return undefined;
    if (now !== text) changed.push(file);
  }
  return changed;
}

function errorsOf(program: NativeProgram): TsFinding[] {
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
}
