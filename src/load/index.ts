/**
 * The load stage: read the configuration, find the DAG modules, type-check them, run them,
 * and collect the DAGs they export as IR with the source location of every definition.
 * User code runs in a worker thread (session.ts) with a time limit per module and a heap limit.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { diagnose, hasErrors, isDiagnostic, type Diagnostic } from "../diagnostics/index.js";
import type { AirflowTarget, Project } from "../ir/schema.js";
import { configLocations, findConfig, missingConfig, resolveConfig, type ResolvedConfig } from "./config.js";
import { discoverModules } from "./discover.js";
import { collectDags, type ModuleRecord } from "./records.js";
import type { Dependencies } from "./modules.js";
import { EvaluationCache, evaluationKey } from "./evaluation-cache.js";
import { EvaluationPool } from "./pool.js";
import { Inputs } from "./inputs.js";
import { apiTypesEntry } from "./api-types.js";
import { InProcessEvaluation, type Evaluation } from "./session.js";
import { projectTsconfig } from "./typecheck/config.js";
import { DAGWRIGHT_VERSION } from "../version.js";
import { checkShape } from "./shape.js";
import type { Typechecker } from "./typecheck/index.js";
import type { RuleProject } from "../dsl/rules.js";
import type { RuleRun } from "./rules.js";
import { inspectPython, type InspectResult } from "../python/inspect.js";
import { syncBindings, type BindingsMode } from "../python/bindings.js";
import { fileFingerprint, listingFingerprint } from "./fingerprint.js";
import { localPaths } from "./local-paths.js";

export interface LoadOptions {
  /** Compile for this Airflow version instead of the configured one. */
  airflow?: AirflowTarget;
  /** Longest time one module may take to evaluate, in milliseconds. */
  moduleTimeoutMs?: number;
  /** Heap the DAG modules may use together, in MiB. */
  moduleMemoryMb?: number;
  /** Skip type-checking (faster; type errors then surface only as run-time failures). */
  skipTypecheck?: boolean;
  /**
   * Where DAG modules run: in a worker thread with its own heap limit (the default), or in this
   * thread, for tests and tools that load small trusted projects many times (no heap limit).
   */
  evaluation?: "worker" | "in-process";
  /** A checker to reuse across compiles (watch mode, test suites); else one is opened and closed. */
  typechecker?: Typechecker;
  /** Use the persistent cache under node_modules/.cache/dagwright/ (the default); false for --no-cache. */
  cache?: boolean;
  /** Told where the compile is, for a progress line. */
  onProgress?: (progress: Progress) => void;
  /**
   * What to do with the typed bindings of the project's Python (`<srcDir>/.python/`) before the
   * type-check: refresh them on disk (compile), report those out of date (`--check`, validate: DW008), or leave them (the default).
   */
  bindings?: BindingsMode;
}

/** Where a compile is: the stage, and in evaluation, how many modules of how many have started. */
export type Progress =
  | { stage: "typecheck"; files: number }
  | { stage: "evaluate"; done: number; total: number; file: string }
  | { stage: "validate" }
  | { stage: "emit" };

export interface LoadResult {
  config?: ResolvedConfig;
  project?: Project;
  /** Absolute paths of the DAG modules found. */
  modules: string[];
  diagnostics: Diagnostic[];
  /** Milliseconds spent per step. */
  timings: { typecheck: number; evaluate: number };
  /** How many modules (the config among them) ran, and how many the cache answered for. */
  evaluation?: { evaluated: number; cached: number };
  /** Which TypeScript checked the modules, and whether the cache answered for it; absent when nothing was checked. */
  checker?: { version: string; source: "project" | "bundled"; cached: boolean };
  /**
   * Everything the config and the modules read, when all of it may be trusted on a later run
   * (no module read the clock or failed, nothing ran in this process); absent otherwise.
   */
  inputs?: Dependencies;
}

export const DEFAULT_MODULE_TIMEOUT_MS = 10_000;
export const DEFAULT_MODULE_MEMORY_MB = 2048;

export async function loadProject(root: string, options: LoadOptions = {}): Promise<LoadResult> {
  const timings = { typecheck: 0, evaluate: 0 };
  const configFile = findConfig(root);
  if (!configFile) {
    return { modules: [], timings, diagnostics: [missingConfig(root)] };
  }
  // Started only when something must run: a compile the cache answers whole forks nothing.
  let session: Evaluation | undefined;
  const evaluation = (): Evaluation => (session ??= openEvaluation(root, options));
  // In-process evaluation notices neither the clock nor the disk, so it neither reads nor feeds the cache.
  const cache =
    options.cache === false || options.evaluation === "in-process"
      ? undefined
      : new EvaluationCache(root, evaluationKey({ root, dagwrightVersion: DAGWRIGHT_VERSION, ...optional("tsconfig", projectTsconfig(root)) }));
  const counts = { evaluated: 0, cached: 0 };
  // What the config and every module read, for the record of this compile (see output-cache.ts).
  const inputs = cache ? new Inputs() : undefined;
  /** Set when a type error abandons the modules' run, which went on while the check did. */
  const abandoned = { value: false };
  try {
    const configured = await evaluateConfigModule(configFile, cache, evaluation, counts, inputs);
    if ("diagnostic" in configured) return { modules: [], timings, evaluation: counts, diagnostics: [configured.diagnostic] };
    const resolved = resolveConfig(root, configFile, configured.value);
    if (!("root" in resolved)) return { modules: [], timings, evaluation: counts, diagnostics: [resolved] };
    const config: ResolvedConfig = options.airflow ? { ...resolved, airflow: options.airflow } : resolved;
    // The project's Python, read (never run) before the modules that import its bindings are.
    const python = readPython(root, config, inputs);
    const pythonDiagnostics = [...python.diagnostics, ...(python.index && !hasErrors(python.diagnostics) ? syncBindings(root, config, python.index, options.bindings ?? "skip") : [])];

    const discovered = discoverModules(root, config.srcDir);
    let checker: LoadResult["checker"];
    const modules = discovered.files;
    let done = 0;
    const onModule = options.onProgress ? (file: string) => options.onProgress!({ stage: "evaluate", done: ++done, total: modules.length, file: fileRelative(root, file) }) : undefined;
    const evaluationStarted = performance.now();
    const evaluate = () => evaluateDagModules(modules, cache, evaluation, counts, onModule, inputs);
    // The modules run in their own process while this one type-checks; a type error abandons
    // the run (its results are neither used nor cached). Evaluated here, they would wait.
    if (!options.skipTypecheck) options.onProgress?.({ stage: "typecheck", files: modules.length + 1 });
    const overlapped = !options.skipTypecheck && options.evaluation !== "in-process" ? evaluate() : undefined;
    overlapped?.catch(() => undefined); // abandoned with the session when the check fails
    if (!options.skipTypecheck) {
      const started = performance.now();
      // TypeScript is loaded only when something is checked: commands that check nothing start fast.
      const request = { root, files: typecheckedFiles(configFile, config, modules), apiTypes: apiTypesEntry(), ...(options.cache === false ? { cache: false } : {}) };
      const { diagnostics: typeErrors, checker: used, cached } = options.typechecker
        ? options.typechecker.check(request)
        : (await import("./typecheck/index.js")).typecheck(request);
      timings.typecheck = performance.now() - started;
      checker = { ...used, cached };
      if (hasErrors(typeErrors)) {
        abandoned.value = true;
        return { config, modules, timings, checker, diagnostics: [...pythonDiagnostics, ...discovered.diagnostics, ...typeErrors] };
      }
    }

    // What evaluation took beyond the type-check it overlapped: the time it adds.
    const started = overlapped ? evaluationStarted + timings.typecheck : performance.now();
    const evaluated = await (overlapped ?? evaluate());
    evaluated.remember();
    const collected = collectDags(evaluated.records);
    const dags = collected.dags;
    const diagnostics = [...pythonDiagnostics, ...discovered.diagnostics, ...collected.diagnostics, ...evaluated.diagnostics];
    timings.evaluate = performance.now() - started;
    if (dags.length === 0 && !hasErrors(diagnostics)) {
      diagnostics.push(diagnose("DW003", { srcDir: fileRelative(root, config.srcDir) }));
    }
    // Every later stage relies on the IR's shape, so a malformed IR is reported alone.
    if (!hasErrors(diagnostics)) {
      const shape = checkShape(dags);
      if (shape.length > 0) return { config, modules, timings, evaluation: counts, ...(checker ? { checker } : {}), diagnostics: [...diagnostics, ...shape] };
    }
    const project: Project = {
      airflow: config.airflow,
      ...(config.timetable ? { timetable: config.timetable } : {}),
      ...(config.defaults ? { defaults: config.defaults } : {}),
      ...(config.folders ? { folders: folderKeys(root, config) } : {}),
      ...(config.defaults || config.folders ? { configLocations: locateDefaults(root, config) } : {}),
      ...(config.spark ? { spark: config.spark } : {}),
      ...(config.openLineage ? { openLineage: config.openLineage } : {}),
      ...(python.index ? { python: python.index } : {}),
      ...optional("localPaths", localPaths(root, dags, config.spark)),
      dags,
    };
    for (const named of Object.keys(project.localPaths ?? {})) {
      const full = path.resolve(root, named);
      inputs?.add({ files: { [full]: fileFingerprint(full) }, listings: {}, folders: {} });
    }
    const read = inputs?.dependencies();
    return { config, project, modules, diagnostics, timings, evaluation: counts, ...(checker ? { checker } : {}), ...(read ? { inputs: read } : {}) };
  } catch (failure) {
    if (isDiagnostic(failure)) return { modules: [], timings, evaluation: counts, diagnostics: [failure] };
    throw failure;
  } finally {
    await session?.close({ discard: abandoned.value });
  }
}

/** The configuration alone, evaluated and checked: for commands that need no DAG module (`bind`). */
export async function loadConfig(root: string, options: Pick<LoadOptions, "moduleTimeoutMs" | "moduleMemoryMb" | "evaluation"> = {}): Promise<ResolvedConfig | Diagnostic> {
  const configFile = findConfig(root);
  if (!configFile) return missingConfig(root);
  const session = openEvaluation(root, options);
  try {
    const configured = await evaluateConfigModule(configFile, undefined, () => session, { evaluated: 0, cached: 0 }, undefined);
    return "diagnostic" in configured ? configured.diagnostic : resolveConfig(root, configFile, configured.value);
  } catch (failure) {
    if (isDiagnostic(failure)) return failure;
    throw failure;
  } finally {
    await session.close();
  }
}

/** The project's Python, with what reading it read added to the compile's inputs. */
function readPython(root: string, config: ResolvedConfig, inputs: Inputs | undefined): InspectResult {
  const result = inspectPython(root, config.python);
  inputs?.add({
    files: Object.fromEntries(result.read.files.map((file) => [file, fileFingerprint(file)])),
    listings: Object.fromEntries([...config.python.roots.map((folder) => path.dirname(folder)), ...result.read.folders].map((folder) => [folder, listingFingerprint(folder, "all")])),
    folders: {},
  });
  return result;
}

/** Where the project's code runs: a pool of worker processes, or this thread (see LoadOptions.evaluation). */
function openEvaluation(root: string, options: LoadOptions): Evaluation {
  const timeoutMs = options.moduleTimeoutMs ?? DEFAULT_MODULE_TIMEOUT_MS;
  return options.evaluation === "in-process"
    ? new InProcessEvaluation(root, timeoutMs)
    : new EvaluationPool({ root, timeoutMs, memoryMb: options.moduleMemoryMb ?? DEFAULT_MODULE_MEMORY_MB });
}

/** What the type-check covers: the config, the team's rules and the DAG modules, in that order. */
export function typecheckedFiles(configFile: string, config: Pick<ResolvedConfig, "rules">, modules: readonly string[]): string[] {
  return [configFile, ...config.rules.files, ...modules];
}

/**
 * Run the team's rules (the config's `rules`) over the project, in their own evaluation with
 * the same limits as the DAG modules'. `inputs` is what the rule modules read, with the folders
 * their patterns searched, or undefined when that cannot be trusted on a later run.
 */
export async function runTeamRules(
  root: string,
  config: ResolvedConfig,
  project: RuleProject,
  options: LoadOptions = {},
): Promise<RuleRun & { inputs?: Dependencies }> {
  const evaluation = openEvaluation(root, options);
  try {
    const { result, cacheable } = await evaluation.rules(config.rules.files, project);
    const trusted = cacheable && options.evaluation !== "in-process" && result.diagnostics.length === 0;
    return { ...result, ...(trusted ? { inputs: { ...result.deps, listings: { ...result.deps.listings, ...config.rules.listings } } } : {}) };
  } catch (failure) {
    if (isDiagnostic(failure)) return { rules: [], findings: [], diagnostics: [failure], deps: { files: {}, listings: {}, folders: {} } };
    throw failure;
  } finally {
    await evaluation.close();
  }
}

type Counts = { evaluated: number; cached: number };

/** The config module's default export: from the cache when nothing it read has changed, else run. */
async function evaluateConfigModule(
  file: string,
  cache: EvaluationCache | undefined,
  evaluation: () => Evaluation,
  counts: Counts,
  inputs: Inputs | undefined,
): Promise<{ value: unknown } | { diagnostic: Diagnostic }> {
  const remembered = cache?.config(file);
  if (remembered) {
    counts.cached++;
    inputs?.add(remembered.deps);
    return remembered.record;
  }
  counts.evaluated++;
  const { result, cacheable } = await evaluation().config(file);
  if (cache) {
    if ("value" in result && cacheable) cache.rememberConfig(file, result.deps, result.value);
    else cache.forget("config", file);
  }
  if ("value" in result && cacheable) inputs?.add(result.deps);
  else inputs?.spoil();
  return result;
}

/**
 * Every DAG module's record, in module order: remembered ones from the cache, the others run
 * (together, in one evaluation) and remembered when they may be.
 */
async function evaluateDagModules(
  files: readonly string[],
  cache: EvaluationCache | undefined,
  evaluation: () => Evaluation,
  counts: Counts,
  onModule: ((file: string) => void) | undefined,
  inputs: Inputs | undefined,
): Promise<{ records: Array<Omit<ModuleRecord, "deps">>; diagnostics: Diagnostic[]; remember: () => void }> {
  const remembered = new Map<string, Omit<ModuleRecord, "deps">>();
  for (const file of files) {
    const entry = cache?.module(file);
    if (!entry) continue;
    remembered.set(file, entry.record);
    inputs?.add(entry.deps);
    onModule?.(file);
  }
  const toRun = files.filter((file) => !remembered.has(file));
  counts.cached += remembered.size;
  counts.evaluated += toRun.length;
  const ran = toRun.length > 0 ? await evaluation().modules(toRun, onModule) : { modules: [], diagnostics: [], uncacheable: [] };
  const fresh = new Map(ran.modules.map((record) => [record.file, record]));
  const uncacheable = new Set(ran.uncacheable);
  // Left to the caller: a run beside a type-check that fails is not remembered.
  const remember = () => {
    for (const record of cache ? ran.modules : []) {
      if (record.diagnostics.length === 0 && !uncacheable.has(record.file)) cache!.rememberModule(record);
      else cache!.forget("module", record.file);
    }
  };
  for (const record of ran.modules) {
    if (record.diagnostics.length === 0 && !uncacheable.has(record.file)) inputs?.add(record.deps);
    else inputs?.spoil();
  }
  if (ran.diagnostics.length > 0) inputs?.spoil();
  const records = files.flatMap((file) => {
    const record = remembered.get(file) ?? fresh.get(file);
    return record ? [record] : [];
  });
  return { records, diagnostics: ran.diagnostics, remember };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** Where the config writes its defaults, with folders keyed as in the project (see folderKeys). */
function locateDefaults(root: string, config: ResolvedConfig): NonNullable<Project["configLocations"]> {
  const folders = Object.keys(config.folders ?? {});
  const located = configLocations(root, config.configFile, folders);
  const byKey = Object.entries(located.folders ?? {}).map(([folder, location]) => [fileRelative(root, path.resolve(config.srcDir, folder)), location] as const);
  return { ...(located.defaults ? { defaults: located.defaults } : {}), ...(byKey.length > 0 ? { folders: Object.fromEntries(byKey) } : {}) };
}

/** Folder defaults keyed as the DAGs' locations are: relative to the project root. */
function folderKeys(root: string, config: ResolvedConfig): Record<string, NonNullable<ResolvedConfig["defaults"]>> {
  return Object.fromEntries(
    Object.entries(config.folders ?? {}).map(([folder, defaults]) => [fileRelative(root, path.resolve(config.srcDir, folder)), defaults]),
  );
}

function fileRelative(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join("/");
}


export type { ResolvedConfig } from "./config.js";
