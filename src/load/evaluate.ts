/**
 * Evaluating user modules and collecting what they define. This runs inside the evaluation
 * worker (see worker.ts), so a module that exhausts memory or corrupts globals cannot take the
 * compiler down with it; only plain data (IR and diagnostics) leaves this module.
 */
import { dagIrOf, onDagCreated } from "../dsl/dag.js";
import { isUsageError } from "../dsl/errors.js";
import * as api from "../dsl/index.js";
import { diagnose, type Diagnostic } from "../diagnostics/index.js";
import type { Dag, Location } from "../ir/schema.js";
import type { ModuleRecord } from "./records.js";
import { describeThrown, ExitCalled, ModuleError, ModuleRunner, type Dependencies } from "./modules.js";

export type { ModuleRecord } from "./records.js";
import { projectTsconfig } from "./typecheck/config.js";

export interface EvaluatedModules {
  modules: ModuleRecord[];
  /** What belongs to no one module's result: stray failures after the modules ran, clock and environment reads. */
  diagnostics: Diagnostic[];
  /** Modules whose result may differ on another run (they read the clock, say): not to be cached. */
  uncacheable: string[];
}

export function newRunner(root: string, timeoutMs: number): ModuleRunner {
  return new ModuleRunner(root, api as unknown as Record<string, unknown>, timeoutMs, projectTsconfig(root));
}

/** The config module's default export, as plain data, or the diagnostic of its failure. */
export function evaluateConfig(runner: ModuleRunner, file: string): { value: unknown; deps: Dependencies } | { diagnostic: Diagnostic } {
  try {
    const exported = runner.run(file) as { default?: unknown } | undefined;
    if (typeof exported?.default === "function") {
      const at = runner.locateInSource(file, /\bexport\s+default\b/) ?? { file: runner.relative(file), line: 1, column: 1 };
      return { diagnostic: diagnose("DW005", { notData: runner.relative(file), function: true }, at) };
    }
    // Only data crosses to the compiler; anything else (a class instance, a symbol) is invalid config.
    return { value: structuredClone(exported?.default), deps: runner.dependencies(file) };
  } catch (thrown) {
    if (thrown instanceof DOMException && thrown.name === "DataCloneError") {
      return { diagnostic: diagnose("DW005", { notData: runner.relative(file) }, { file: runner.relative(file), line: 1, column: 1 }) };
    }
    return { diagnostic: moduleDiagnostic(runner, file, thrown) };
  }
}

/** Run every module in order and record what each gives; `onModule` hears which one is running. */
export function evaluateModules(runner: ModuleRunner, files: readonly string[], onModule: (file: string) => void): ModuleRecord[] {
  const records: ModuleRecord[] = [];
  // Origins are counted per module whose top level runs dag(), wherever dag() is written.
  const origins = new Map<Dag, string>();
  const counts = new Map<string, number>();
  let created: ModuleRecord["created"] = [];
  onDagCreated((dag) => {
    const module = runner.currentModule();
    const at = module === undefined ? "" : runner.relative(module);
    const count = counts.get(at) ?? 0;
    counts.set(at, count + 1);
    const origin = `${at}#${count}`;
    origins.set(dag, origin);
    created.push({ origin, id: dag.id, location: mapLocations(dag, runner).location });
  });
  try {
    for (const file of files) {
      onModule(file);
      created = [];
      let moduleExports: unknown;
      try {
        moduleExports = runner.run(file);
      } catch (thrown) {
        records.push({ file, dags: [], created, diagnostics: [moduleDiagnostic(runner, file, thrown)], deps: runner.dependencies(file) });
        continue;
      }
      const dags = [...new Set(exportedDags(moduleExports))].map((dag, index) => ({
        origin: origins.get(dag) ?? `${runner.relative(file)}#export-${index}`,
        dag: mapLocations(dag, runner),
      }));
      records.push({ file, dags, created, diagnostics: [], deps: runner.dependencies(file) });
    }
  } finally {
    onDagCreated(undefined);
  }
  return records;
}

/** The DAGs among a module's exports: each export may be a DAG or a list of DAGs. */
function exportedDags(moduleExports: unknown): Dag[] {
  if (typeof moduleExports !== "object" || moduleExports === null) return [];
  const found: Dag[] = [];
  for (const value of Object.values(moduleExports)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      const dag = dagIrOf(item);
      if (dag) found.push(dag);
    }
  }
  return found;
}

/** Turn the raw V8 positions the authoring API recorded into the user's TypeScript positions. */
function mapLocations(dag: Dag, runner: ModuleRunner): Dag {
  const map = (location: Location): Location =>
    runner.isUserModule(location.file) ? runner.originalLocation(location.file, location.line, location.column) : location;
  return {
    ...dag,
    location: map(dag.location),
    groups: dag.groups.map((group) => ({
      ...group,
      location: map(group.location),
      upstream: group.upstream.map((upstream) => ({ ...upstream, location: map(upstream.location) })),
    })),
    tasks: dag.tasks.map((task) => ({
      ...task,
      location: map(task.location),
      upstream: task.upstream.map((upstream) => ({ ...upstream, location: map(upstream.location) })),
    })),
  };
}

/** The outer frames of a failure, as related locations. */
function calledFrom(frames: readonly Location[]) {
  return frames.map((frame) => ({ message: "called from here", location: frame }));
}

/**
 * What a module's timer or promise threw after the module itself had returned: reported at the
 * throw, wherever it is, or for the project when nothing places it (never at an innocent module).
 */
export function strayDiagnostic(runner: ModuleRunner, thrown: unknown, kind: "exception" | "rejection"): Diagnostic {
  const [first, ...rest] = runner.framesOf(thrown);
  return diagnose("DW002", { later: { kind, text: describeThrown(thrown), ...(first ? { file: first.file } : {}) } }, first, calledFrom(rest));
}

/**
 * The import cycle that most likely explains a TypeError about undefined: a module that imports
 * one still running sees its exports before they are set, as in Node.
 */
function cycleBehind(runner: ModuleRunner, thrown: unknown): { cycle?: string } {
  if (!(thrown instanceof TypeError || thrown instanceof ReferenceError) || !/undefined|not a function|before initialization/.test(thrown.message)) return {};
  const [cycle] = runner.cycles();
  return cycle ? { cycle: `${cycle.to} and ${cycle.from} import each other` } : {};
}

export function moduleDiagnostic(runner: ModuleRunner, file: string, thrown: unknown): Diagnostic {
  const moduleFile = runner.relative(file);
  if (isUsageError(thrown)) {
    const at = thrown.diagnostic.location;
    const location = at && runner.isUserModule(at.file) ? runner.originalLocation(at.file, at.line, at.column) : { file: moduleFile, line: 1, column: 1 };
    return { ...thrown.diagnostic, location };
  }
  if (thrown instanceof ModuleError) {
    if (isUsageError(thrown.thrown)) return moduleDiagnostic(runner, file, thrown.thrown);
    const where = runner.relative(thrown.file);
    const [first, ...rest] = thrown.frames;
    const location = first ?? { file: where, line: 1, column: 1 };
    const related = calledFrom(rest);
    switch (thrown.kind) {
      case "syntax":
        if (/top-level await/i.test(thrown.message)) return diagnose("DW001", { topLevelAwait: where }, location);
        return diagnose("DW001", { syntax: { file: where, text: thrown.message } }, location);
      case "timeout":
        return diagnose("DW006", { file: where }, location);
      case "resolve":
        return diagnose("DW002", { unresolved: { file: where, text: thrown.message } }, location);
      case "threw":
        if (thrown.thrown instanceof ExitCalled) return diagnose("DW002", { exited: { file: where, call: thrown.thrown.message } }, location, related);
        return diagnose("DW002", { threw: { file: where, text: thrown.message, ...cycleBehind(runner, thrown.thrown) } }, location, related);
    }
  }
  return diagnose("DW002", { failed: { file: moduleFile, text: describeThrown(thrown) } }, { file: moduleFile, line: 1, column: 1 });
}
