/**
 * The load stage: read the configuration, find the DAG modules, type-check them, run them,
 * and collect the DAGs they export as IR with the source location of every definition.
 */
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import * as api from "../dsl/index.js";
import { dagIrOf } from "../dsl/dag.js";
import { isUsageError } from "../dsl/errors.js";
import { hasErrors, type Diagnostic } from "../ir/diagnostic.js";
import type { AirflowTarget, Dag, Location, Project } from "../ir/schema.js";
import { CONFIG_FILE, findConfig, resolveConfig, type ResolvedConfig } from "./config.js";
import { discoverModules } from "./discover.js";
import { describeThrown, ModuleError, ModuleRunner } from "./modules.js";
import { typecheck } from "./typecheck.js";

export interface LoadOptions {
  /** Compile for this Airflow version instead of the configured one. */
  airflow?: AirflowTarget;
  /** Longest time one module may take to evaluate. */
  moduleTimeoutMs?: number;
  /** Skip type-checking (faster; type errors then surface only as run-time failures). */
  skipTypecheck?: boolean;
}

export interface LoadResult {
  config?: ResolvedConfig;
  project?: Project;
  /** Absolute paths of the DAG modules found. */
  modules: string[];
  diagnostics: Diagnostic[];
  /** Milliseconds spent per step. */
  timings: { typecheck: number; evaluate: number };
}

const DEFAULT_MODULE_TIMEOUT_MS = 10_000;

export function loadProject(root: string, options: LoadOptions = {}): LoadResult {
  const timings = { typecheck: 0, evaluate: 0 };
  const runner = new ModuleRunner(root, api as unknown as Record<string, unknown>, options.moduleTimeoutMs ?? DEFAULT_MODULE_TIMEOUT_MS);
  const configFile = findConfig(root);
  if (!configFile) {
    return {
      modules: [],
      timings,
      diagnostics: [
        {
          code: "DW005",
          severity: "error",
          message: `no ${CONFIG_FILE} in ${root}`,
          hint: "run `dagwright init` to create a project, or run dagwright from the folder that holds the config",
        },
      ],
    };
  }
  let exported: unknown;
  try {
    exported = runner.run(configFile);
  } catch (thrown) {
    return { modules: [], timings, diagnostics: [moduleDiagnostic(runner, configFile, thrown)] };
  }
  const resolved = resolveConfig(root, configFile, exported);
  if (!("root" in resolved)) return { modules: [], timings, diagnostics: [resolved] };
  const config: ResolvedConfig = options.airflow ? { ...resolved, airflow: options.airflow } : resolved;

  const modules = discoverModules(config.srcDir);
  if (!options.skipTypecheck) {
    const started = performance.now();
    const typeErrors = typecheck({ root, files: [configFile, ...modules], apiTypes: apiTypesEntry() });
    timings.typecheck = performance.now() - started;
    if (hasErrors(typeErrors)) return { config, modules, timings, diagnostics: typeErrors };
  }

  const started = performance.now();
  const diagnostics: Diagnostic[] = [];
  const dags: Dag[] = [];
  const seen = new Set<Dag>();
  for (const file of modules) {
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
  timings.evaluate = performance.now() - started;
  if (dags.length === 0 && !hasErrors(diagnostics)) {
    diagnostics.push({
      code: "DW003",
      severity: "warning",
      message: `no module in ${runner.relative(config.srcDir) || "."} exports a DAG`,
      hint: "export each DAG: `export default dag(...)` or `export const daily = dag(...)`",
    });
  }
  return { config, project: { airflow: config.airflow, dags }, modules, diagnostics, timings };
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

/**
 * The type declarations of the authoring API, as a user's project sees them from the package.
 * Tests run the compiler from its sources, but still check user code against the built
 * declarations, so they see exactly what users see.
 */
function apiTypesEntry(): string {
  const declaration = fileURLToPath(new URL("../../dist/dsl/index.d.ts", import.meta.url));
  return fs.existsSync(declaration) ? declaration : fileURLToPath(new URL("../dsl/index.ts", import.meta.url));
}

export type { ResolvedConfig } from "./config.js";
