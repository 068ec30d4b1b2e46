/**
 * Evaluating user modules and collecting what they define. This runs inside the evaluation
 * worker (see worker.ts), so a module that exhausts memory or corrupts globals cannot take the
 * compiler down with it; only plain data (IR and diagnostics) leaves this module.
 */
import { dagIrOf } from "../dsl/dag.js";
import { isUsageError } from "../dsl/errors.js";
import * as api from "../dsl/index.js";
import type { Diagnostic } from "../ir/diagnostic.js";
import type { Dag, Location } from "../ir/schema.js";
import { describeThrown, ModuleError, ModuleRunner } from "./modules.js";

export interface EvaluatedModules {
  dags: Dag[];
  diagnostics: Diagnostic[];
}

export function newRunner(root: string, timeoutMs: number): ModuleRunner {
  return new ModuleRunner(root, api as unknown as Record<string, unknown>, timeoutMs);
}

/** The config module's default export, as plain data, or the diagnostic of its failure. */
export function evaluateConfig(runner: ModuleRunner, file: string): { value: unknown } | { diagnostic: Diagnostic } {
  try {
    const exported = runner.run(file) as { default?: unknown } | undefined;
    // Only data crosses to the compiler; anything else (a function, a class) is invalid config.
    return { value: structuredClone(exported?.default) };
  } catch (thrown) {
    if (thrown instanceof DOMException && thrown.name === "DataCloneError") {
      return { diagnostic: { code: "DW005", severity: "error", message: `${runner.relative(file)} exports something other than plain data`, location: { file: runner.relative(file), line: 1, column: 1 } } };
    }
    return { diagnostic: moduleDiagnostic(runner, file, thrown) };
  }
}

/** Run every module in order and collect the DAGs they export; `onModule` hears which one is running. */
export function evaluateModules(runner: ModuleRunner, files: readonly string[], onModule: (file: string) => void): EvaluatedModules {
  const diagnostics: Diagnostic[] = [];
  const dags: Dag[] = [];
  const seen = new Set<Dag>();
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

function moduleDiagnostic(runner: ModuleRunner, file: string, thrown: unknown): Diagnostic {
  const moduleFile = runner.relative(file);
  if (isUsageError(thrown)) {
    const location = runner.isUserModule(thrown.location.file)
      ? runner.originalLocation(thrown.location.file, thrown.location.line, thrown.location.column)
      : { file: moduleFile, line: 1, column: 1 };
    return { code: thrown.code, severity: "error", message: thrown.message, location, ...(thrown.hint ? { hint: thrown.hint } : {}) };
  }
  if (thrown instanceof ModuleError) {
    if (isUsageError(thrown.thrown)) return moduleDiagnostic(runner, file, thrown.thrown);
    const where = runner.relative(thrown.file);
    const [first, ...rest] = thrown.frames;
    const location = first ?? { file: where, line: 1, column: 1 };
    const related = rest.map((frame) => ({ message: "called from here", location: frame }));
    switch (thrown.kind) {
      case "syntax":
        if (/top-level await/i.test(thrown.message)) {
          return {
            code: "DW001",
            severity: "error",
            message: `${where} uses top-level await, which DAG modules do not support`,
            location,
            hint: "build DAGs synchronously at the top level; read inputs with synchronous calls such as fs.readFileSync",
          };
        }
        return { code: "DW001", severity: "error", message: `syntax error in ${where}: ${thrown.message}`, location };
      case "timeout":
        return {
          code: "DW006",
          severity: "error",
          message: `module ${where} did not finish evaluating within the time limit`,
          location,
          hint: "DAG modules run at compile time: look for an endless loop or very slow top-level code",
        };
      case "resolve":
        return { code: "DW002", severity: "error", message: `${where}: ${thrown.message}`, location, hint: "check the import path" };
      case "threw":
        return {
          code: "DW002",
          severity: "error",
          message: `${where} threw while being evaluated: ${thrown.message}`,
          location,
          ...(related.length ? { related } : {}),
          hint: "DAG modules run at compile time like any code; fix the error at this line",
        };
    }
  }
  return {
    code: "DW002",
    severity: "error",
    message: `${moduleFile} failed: ${describeThrown(thrown)}`,
    location: { file: moduleFile, line: 1, column: 1 },
  };
}
