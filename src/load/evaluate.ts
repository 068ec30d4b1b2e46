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
import { describeThrown, ExitCalled, ModuleError, ModuleRunner } from "./modules.js";
import { projectTsconfig } from "./typecheck/config.js";

export interface EvaluatedModules {
  dags: Dag[];
  diagnostics: Diagnostic[];
}

export function newRunner(root: string, timeoutMs: number): ModuleRunner {
  return new ModuleRunner(root, api as unknown as Record<string, unknown>, timeoutMs, projectTsconfig(root));
}

/** The config module's default export, as plain data, or the diagnostic of its failure. */
export function evaluateConfig(runner: ModuleRunner, file: string): { value: unknown } | { diagnostic: Diagnostic } {
  try {
    const exported = runner.run(file) as { default?: unknown } | undefined;
    if (typeof exported?.default === "function") {
      const at = runner.locateInSource(file, /\bexport\s+default\b/) ?? { file: runner.relative(file), line: 1, column: 1 };
      return { diagnostic: diagnose("DW005", { notData: runner.relative(file), function: true }, at) };
    }
    // Only data crosses to the compiler; anything else (a class instance, a symbol) is invalid config.
    return { value: structuredClone(exported?.default) };
  } catch (thrown) {
    if (thrown instanceof DOMException && thrown.name === "DataCloneError") {
      return { diagnostic: diagnose("DW005", { notData: runner.relative(file) }, { file: runner.relative(file), line: 1, column: 1 }) };
    }
    return { diagnostic: moduleDiagnostic(runner, file, thrown) };
  }
}

/** Run every module in order and collect the DAGs they export; `onModule` hears which one is running. */
export function evaluateModules(runner: ModuleRunner, files: readonly string[], onModule: (file: string) => void): EvaluatedModules {
  const diagnostics: Diagnostic[] = [];
  const dags: Dag[] = [];
  const seen = new Set<Dag>();
  const created: Dag[] = [];
  onDagCreated((dag) => created.push(dag));
  try {
    for (const file of files) {
      onModule(file);
      let moduleExports: unknown;
      try {
        moduleExports = runner.run(file);
      } catch (thrown) {
        diagnostics.push(moduleDiagnostic(runner, file, thrown));
        continue;
      }
      for (const dag of exportedDags(moduleExports)) {
        if (seen.has(dag)) continue;
        seen.add(dag);
        dags.push(mapLocations(dag, runner));
      }
    }
  } finally {
    onDagCreated(undefined);
  }
  // Beside exported DAGs, one that is only created is most likely a forgotten export; with none
  // exported at all, DW003 says so for the whole project.
  if (dags.length > 0 && diagnostics.length === 0) {
    for (const dag of created.filter((dag) => !seen.has(dag))) {
      diagnostics.push(diagnose("DW012", { dag: dag.id }, mapLocations(dag, runner).location));
    }
  }
  return { dags, diagnostics };
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

function moduleDiagnostic(runner: ModuleRunner, file: string, thrown: unknown): Diagnostic {
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
