/**
 * Runs the user's TypeScript modules in this process: each file is transformed to CommonJS by
 * esbuild (keeping a source map), then evaluated with a time limit. `import ... from
 * "dagwright"` gets the very authoring API this compiler reads, so DAG objects can be collected.
 */
import { createRequire, SourceMap } from "node:module";
import fs from "node:fs";
import path from "node:path";
import { inspect } from "node:util";
import vm from "node:vm";
import { transform, transformSync, type TransformOptions, type TransformResult } from "esbuild";
import type { Location } from "../ir/schema.js";
import { listingFingerprint, sha256 } from "./fingerprint.js";
import { escapeRegExp, positionAt } from "./source-text.js";
import { mappedCandidates, pathMapping, type PathMapping } from "./tsconfig.js";

/** What user code gets for `import ... from "dagwright"`. */
export type ApiModule = Record<string, unknown>;

// The runner's own reads, taken before the evaluation process starts noticing the user's (reads.ts).
const { readFileSync, existsSync, statSync } = fs;

const TS_EXTENSIONS = [".ts", ".mts", ".cts", ".tsx"];
const RESOLVE_ORDER = ["", ...TS_EXTENSIONS, ".js", ".mjs", ".cjs", ".json"];
/** The wrapper's first line sits above the module's code, so V8's lines are one more than the transform's. */
const WRAPPER_LINES = 1;
const CALL_KEY = Symbol.for("dagwright.module-call");
/** Where callUserCode leaves the function its script calls, so the call runs under vm's time limit. */
const USER_CALL_KEY = Symbol.for("dagwright.user-call");
const USER_CALL = new vm.Script(`globalThis[Symbol.for("dagwright.user-call")]()`, { filename: "dagwright:user-call" });

interface LoadedModule {
  exports: unknown;
}

/**
 * What a module's result depends on, each with the fingerprint it had when it was read: the
 * project files it runs (itself and all it imports), the files its code read, the folders its
 * code listed, and the folders its imports were resolved in (a new file there could win).
 */
export interface Dependencies {
  files: Record<string, string>;
  listings: Record<string, string>;
  folders: Record<string, string>;
}

type Reads = { [K in keyof Dependencies]: Map<string, string> };

/** A failure while transforming or running a module, with the user's stack frames mapped to their sources. */
export class ModuleError extends Error {
  constructor(
    readonly file: string,
    readonly thrown: unknown,
    readonly frames: Location[],
    readonly kind: "syntax" | "threw" | "timeout" | "resolve",
  ) {
    super(kind === "timeout" ? "timed out" : describeThrown(thrown));
  }
}

export function describeThrown(thrown: unknown): string {
  if (thrown instanceof Error || (typeof thrown === "object" && thrown !== null && "message" in thrown && "name" in thrown)) {
    const error = thrown as Error;
    return `${error.name ?? "Error"}: ${error.message}`;
  }
  if (typeof thrown === "object" && thrown !== null) return `${inspect(thrown, { depth: 3, breakLength: Infinity, maxArrayLength: 10, maxStringLength: 200 })} was thrown`;
  return `${typeof thrown === "string" ? JSON.stringify(thrown) : String(thrown)} was thrown`;
}

/** Thrown by `process.exit` while user code runs, so the call is reported at its line instead of ending evaluation. */
export class ExitCalled extends Error {
  constructor(readonly exitCode: unknown) {
    super(`process.exit(${exitCode === undefined ? "" : String(exitCode)}) was called`);
    this.name = "ExitCalled";
  }
}

/**
 * Record the V8 frames of every error from now on, not only of those thrown while a module runs:
 * an error a module's timer or promise throws later is then placed at its line too.
 */
export function recordFramesAlways(): void {
  Error.prepareStackTrace = recordFrames;
}

function recordFrames(error: unknown, frames: NodeJS.CallSite[]): string {
  if (typeof error === "object" && error !== null) framesOf.set(error, frames);
  return `${describeThrown(error)}\n${frames.map((frame) => `    at ${String(frame)}`).join("\n")}`;
}

/** How a module becomes CommonJS the runner can evaluate, with a source map back to the user's lines. */
function transformOptions(file: string): TransformOptions {
  return {
    loader: file.endsWith(".tsx") ? "tsx" : file.endsWith(".js") || file.endsWith(".cjs") || file.endsWith(".mjs") ? "js" : "ts",
    format: "cjs",
    target: "node20",
    sourcemap: "external",
    sourcefile: file,
    logLevel: "silent",
  };
}

export class ModuleRunner {
  readonly #cache = new Map<string, LoadedModule>();
  readonly #maps = new Map<string, SourceMap>();
  /** Lines of each transformed module, to tell its own frames from the wrapper's. */
  readonly #lineCounts = new Map<string, number>();
  /** Each module's TypeScript source, to find what V8 cannot place (see locateInSource). */
  readonly #sources = new Map<string, string>();
  /** Modules whose top level is running now, to notice import cycles. */
  readonly #running = new Set<string>();
  /** The same modules, innermost last: the one whose top level a read or a new DAG belongs to. */
  readonly #stack: string[] = [];
  /** Each module's direct imports among project files. */
  readonly #imports = new Map<string, Set<string>>();
  /** What each module's own code read, as dependencies (see Dependencies). */
  readonly #reads = new Map<string, Reads>();
  readonly #cycles: Array<{ from: string; to: string }> = [];
  readonly #relatives = new Map<string, string>();
  /** Transforms done ahead by prepare(), used once each. */
  readonly #prepared = new Map<string, { source: string; result: TransformResult } | { source: string; error: unknown }>();

  /** The project tsconfig's `baseUrl` and `paths`, which imports resolve through before node_modules. */
  readonly #mapping: PathMapping;

  constructor(
    private readonly root: string,
    private readonly api: ApiModule,
    private readonly timeoutMs: number,
    tsconfig?: string,
  ) {
    this.#mapping = tsconfig ? pathMapping(tsconfig) : {};
  }

  /** Evaluate `file` (absolute) and the project modules it imports; returns its exports. */
  run(file: string): unknown {
    return this.#load(path.resolve(file));
  }

  /**
   * Call a function of the user's code that a module exported (a team rule's check) under the
   * same time limit a module's top level has, with the frames of what it throws recorded.
   * Throws what it throws; a call past the limit throws ModuleError of kind "timeout".
   */
  callUserCode<T>(file: string, fn: () => T): T {
    const globals = globalThis as Record<symbol, unknown>;
    const previousCall = globals[USER_CALL_KEY];
    const previousPrepare = Error.prepareStackTrace;
    const box: { value?: T } = {};
    globals[USER_CALL_KEY] = () => {
      box.value = fn();
    };
    Error.prepareStackTrace = recordFrames;
    try {
      USER_CALL.runInThisContext({ timeout: this.timeoutMs, displayErrors: false });
    } catch (thrown) {
      if (isTimeout(thrown)) throw new ModuleError(file, thrown, [], "timeout");
      // V8 formats a stack when it is first read: read it now, while its frames are recorded.
      if (thrown instanceof Error) void thrown.stack;
      throw thrown;
    } finally {
      globals[USER_CALL_KEY] = previousCall;
      Error.prepareStackTrace = previousPrepare;
    }
    return box.value as T;
  }

  /** The user's source location of a V8 position in a module this runner evaluated. */
  originalLocation(file: string, line: number, column: number): Location {
    const map = this.#maps.get(file);
    const relative = this.relative(file);
    if (!map) return { file: relative, line, column };
    const entry = map.findEntry(line - 1 - WRAPPER_LINES, column - 1) as {
      originalLine?: number;
      originalColumn?: number;
    };
    if (entry.originalLine === undefined || entry.originalColumn === undefined) return { file: relative, line: 1, column: 1 };
    return { file: relative, line: entry.originalLine + 1, column: entry.originalColumn + 1 };
  }

  /** Whether a V8 file name is one of the modules this runner evaluated. */
  isUserModule(file: string): boolean {
    return this.#maps.has(file);
  }

  /** A path relative to the project root, with POSIX separators, as diagnostics show it. */
  relative(file: string): string {
    // Asked once per recorded location (twice per task on a large project): remembered per file.
    let relative = this.#relatives.get(file);
    if (relative === undefined) this.#relatives.set(file, (relative = path.relative(this.root, file).split(path.sep).join("/")));
    return relative;
  }

  /** The module whose top level is running now, innermost; undefined between modules. */
  currentModule(): string | undefined {
    return this.#stack.at(-1);
  }

  /** Note that the running module's code read `what` (a file, a listed folder), as it found it. */
  noteRead(kind: "files" | "listings", what: string, fingerprint: string): void {
    const module = this.currentModule();
    if (module) this.#readsOf(module)[kind].set(what, fingerprint);
  }

  #readsOf(module: string): Reads {
    let reads = this.#reads.get(module);
    if (!reads) this.#reads.set(module, (reads = { files: new Map(), listings: new Map(), folders: new Map() }));
    return reads;
  }

  /** Everything `file`'s exports depend on: its own reads and those of every project module it imports, transitively. */
  dependencies(file: string): Dependencies {
    const deps: Dependencies = { files: {}, listings: {}, folders: {} };
    const visit = new Set<string>([path.resolve(file)]);
    for (const module of visit) {
      const reads = this.#reads.get(module);
      for (const kind of ["files", "listings", "folders"] as const) {
        for (const [what, fingerprint] of reads?.[kind] ?? []) deps[kind][what] ??= fingerprint;
      }
      for (const imported of this.#imports.get(module) ?? []) visit.add(imported);
    }
    return deps;
  }

  #load(file: string, from?: string): unknown {
    if (from !== undefined) {
      const imports = this.#imports.get(from) ?? new Set<string>();
      this.#imports.set(from, imports.add(file));
    }
    const cached = this.#cache.get(file);
    if (cached) {
      // Still running: an import cycle, where this importer sees the exports set so far.
      if (this.#running.has(file) && from !== undefined) this.#cycles.push({ from: this.relative(from), to: this.relative(file) });
      return cached.exports;
    }
    if (file.endsWith(".json")) {
      const text = readFileSync(file, "utf8");
      this.#readsOf(file).files.set(file, sha256(text));
      const module = { exports: JSON.parse(text) as unknown };
      this.#cache.set(file, module);
      return module.exports;
    }
    const code = this.#transform(file);
    const module: LoadedModule = { exports: {} };
    // Registered before running, so import cycles see the partial exports as in Node.
    this.#cache.set(file, module);
    let script: vm.Script;
    try {
      script = new vm.Script(
        `(function (exports, require, module, __filename, __dirname) {\n${code}\n}).apply(undefined, globalThis[Symbol.for("dagwright.module-call")]);`,
        { filename: file },
      );
    } catch (thrown) {
      // What esbuild lets through and V8 refuses (an invalid regular expression): a syntax error at its line.
      this.#cache.delete(file);
      throw new ModuleError(file, thrown, this.#compileErrorAt(file, thrown), "syntax");
    }
    const require = (specifier: string) => this.#require(file, specifier);
    const globals = globalThis as Record<symbol, unknown>;
    const previousCall = globals[CALL_KEY];
    const previousPrepare = Error.prepareStackTrace;
    globals[CALL_KEY] = [module.exports, require, module, file, path.dirname(file)];
    Error.prepareStackTrace = recordFrames;
    this.#running.add(file);
    this.#stack.push(file);
    try {
      script.runInThisContext({ timeout: this.timeoutMs, displayErrors: false });
    } catch (thrown) {
      this.#cache.delete(file);
      if (thrown instanceof ModuleError) throw thrown;
      if (isTimeout(thrown)) throw new ModuleError(file, thrown, [], "timeout");
      throw new ModuleError(file, thrown, this.#userFrames(thrown), "threw");
    } finally {
      this.#running.delete(file);
      this.#stack.pop();
      globals[CALL_KEY] = previousCall;
      Error.prepareStackTrace = previousPrepare;
    }
    return module.exports;
  }

  /**
   * Transform `files` ahead of running them, all at once on esbuild's service: in parallel, and
   * without the worker thread esbuild starts for its synchronous API (a module imported from
   * outside these files still gets that). Modules then run in import order as before.
   */
  async prepare(files: readonly string[]): Promise<void> {
    const pending = files.map((file) => path.resolve(file)).filter((file) => !this.#cache.has(file) && !this.#prepared.has(file) && !file.endsWith(".json"));
    await Promise.all(
      pending.map(async (file) => {
        let source: string;
        try {
          source = readFileSync(file, "utf8");
        } catch {
          return; // reported where the module is loaded, as before
        }
        try {
          this.#prepared.set(file, { source, result: await transform(source, transformOptions(file)) });
        } catch (thrown) {
          this.#prepared.set(file, { source, error: thrown });
        }
      }),
    );
  }

  #transform(file: string): string {
    const prepared = this.#prepared.get(file);
    this.#prepared.delete(file);
    const source = prepared?.source ?? readFileSync(file, "utf8");
    this.#sources.set(file, source);
    this.#readsOf(file).files.set(file, sha256(source));
    try {
      if (prepared && "error" in prepared) throw prepared.error;
      const result = prepared?.result ?? transformSync(source, transformOptions(file));
      this.#maps.set(file, new SourceMap(JSON.parse(result.map)));
      this.#lineCounts.set(file, result.code.split("\n").length);
      return result.code;
    } catch (thrown) {
      const first = (thrown as { errors?: Array<{ text: string; location?: { line: number; column: number } }> }).errors?.[0];
      const at = first?.location ? [{ file: this.relative(file), line: first.location.line, column: first.location.column + 1 }] : [];
      throw new ModuleError(file, new SyntaxError(first?.text ?? String(thrown)), at, "syntax");
    }
  }

  #require(from: string, specifier: string): unknown {
    if (specifier === "dagwright") return this.api;
    if (specifier.startsWith(".") || path.isAbsolute(specifier)) {
      const resolved = this.#resolveLocal(from, path.resolve(path.dirname(from), specifier));
      if (!resolved) {
        const at = this.locateInSource(from, new RegExp(`(["'])${escapeRegExp(specifier)}\\1`));
        throw new ModuleError(from, new Error(`cannot find module ${JSON.stringify(specifier)}`), at ? [at] : [], "resolve");
      }
      return this.#load(resolved, from);
    }
    // A `paths` alias or a `baseUrl` import resolves as tsc resolves it, to a project file.
    for (const candidate of mappedCandidates(this.#mapping, specifier)) {
      const resolved = this.#resolveLocal(from, candidate);
      if (resolved) return this.#load(resolved, from);
    }
    // Node built-ins and installed packages load as Node loads them.
    return createRequire(from)(specifier);
  }

  /** The project file an import of `base` from `from` means, noting the folders looked in (a new file there could win later). */
  #resolveLocal(from: string, base: string): string | undefined {
    const candidates = [...RESOLVE_ORDER.map((ext) => base + ext), ...TS_EXTENSIONS.map((ext) => path.join(base, "index" + ext))];
    // ESM-style TypeScript imports name the emitted file: "./helpers.js" means "./helpers.ts".
    const jsMatch = /\.(m|c)?js$/.exec(base);
    if (jsMatch) {
      const stem = base.slice(0, -jsMatch[0].length);
      candidates.unshift(`${stem}.${jsMatch[1] ?? ""}ts`, `${stem}.tsx`);
    }
    const folders = this.#readsOf(from).folders;
    for (const candidate of candidates) {
      const folder = path.dirname(candidate);
      if (!folders.has(folder)) folders.set(folder, listingFingerprint(folder, "resolvable"));
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    return undefined;
  }

  /**
   * Where V8 puts a compile error: its stack starts with `file:line`, the code line, and carets
   * under the offending part. Mapped back to the TypeScript source.
   */
  #compileErrorAt(file: string, thrown: unknown): Location[] {
    const stack = typeof (thrown as Error | undefined)?.stack === "string" ? (thrown as Error).stack! : "";
    const match = /^(.*):(\d+)\n.*\n( *)\^/.exec(stack);
    if (!match || match[1] !== file) return [];
    return [this.originalLocation(file, Number(match[2]), match[3]!.length + 1)];
  }

  /** Where `pattern` first matches in module `file`'s source, as a location. */
  locateInSource(file: string, pattern: RegExp): Location | undefined {
    const source = this.#sources.get(file);
    const match = source === undefined ? null : pattern.exec(source);
    if (!source || !match) return undefined;
    return { file: this.relative(file), ...positionAt(source, match.index) };
  }

  /**
   * A thrown string or number has no stack, so V8 cannot say where it came from. When exactly
   * one `throw` of that very literal stands in the modules run so far, that is the place.
   */
  #locateThrownLiteral(thrown: string | number): Location[] {
    return this.#onlyThrow(typeof thrown === "number" ? String(thrown) : `(["'\`])${escapeRegExp(thrown)}\\1`);
  }

  /** The place of the one `throw <shape>` in the modules run so far; none when there are several or none. */
  #onlyThrow(shape: string): Location[] {
    const pattern = new RegExp(`\\bthrow\\s+${shape}`, "g");
    const found = [...this.#sources].flatMap(([file, source]) =>
      [...source.matchAll(pattern)].map((match) => ({ file: this.relative(file), ...positionAt(source, match.index) })),
    );
    return found.length === 1 ? found : [];
  }

  /** The import cycles met so far: `from` imported `to` while `to` was still running. */
  cycles(): ReadonlyArray<{ from: string; to: string }> {
    return this.#cycles;
  }

  /** Where in the user's modules `thrown` came from, innermost first; for what a timer or promise threw after its module ran. */
  framesOf(thrown: unknown): Location[] {
    return this.#userFrames(thrown);
  }

  /**
   * An object, `undefined` or `null` thrown has no stack either. When the modules run so far
   * hold exactly one `throw` that could have thrown it (one not of `new ...`), that is the place.
   */
  #locateOnlyThrow(thrown: unknown): Location[] {
    return this.#onlyThrow(thrown === undefined ? "undefined\\b" : thrown === null ? "null\\b" : "(?!new\\b)");
  }

  /** The frames of a thrown error that lie in user modules, mapped to their TypeScript sources. */
  #userFrames(thrown: unknown): Location[] {
    if (typeof thrown === "string" || typeof thrown === "number") return this.#locateThrownLiteral(thrown);
    if (!(thrown instanceof Error)) return this.#locateOnlyThrow(thrown);
    void (thrown as Error).stack; // V8 formats the stack lazily; reading it records the frames.
    const frames = framesOf.get(thrown) ?? [];
    return frames.flatMap((frame) => {
      const file = frame.getFileName();
      const line = frame.getLineNumber() ?? 1;
      if (!file || !this.isUserModule(file)) return [];
      // The wrapper's own lines, before and after the module's code, are not the user's.
      if (line <= WRAPPER_LINES || line > WRAPPER_LINES + (this.#lineCounts.get(file) ?? 0)) return [];
      return [this.originalLocation(file, line, frame.getColumnNumber() ?? 1)];
    });
  }
}

const framesOf = new WeakMap<object, NodeJS.CallSite[]>();

function isTimeout(thrown: unknown): boolean {
  return (thrown as { code?: string } | null)?.code === "ERR_SCRIPT_EXECUTION_TIMEOUT";
}
