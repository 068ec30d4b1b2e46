/**
 * The load stage: read the configuration, find the DAG modules, type-check them, run them,
 * and collect the DAGs they export as IR with the source location of every definition.
 * User code runs in a worker thread (session.ts) with a time limit per module and a heap limit.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { hasErrors, type Diagnostic } from "../ir/diagnostic.js";
import type { AirflowTarget, Project } from "../ir/schema.js";
import { CONFIG_FILE, findConfig, resolveConfig, type ResolvedConfig } from "./config.js";
import { discoverModules } from "./discover.js";
import { EvaluationSession } from "./session.js";
import { typecheck } from "./typecheck.js";

export interface LoadOptions {
  /** Compile for this Airflow version instead of the configured one. */
  airflow?: AirflowTarget;
  /** Longest time one module may take to evaluate, in milliseconds. */
  moduleTimeoutMs?: number;
  /** Heap the DAG modules may use together, in MiB. */
  moduleMemoryMb?: number;
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

export const DEFAULT_MODULE_TIMEOUT_MS = 10_000;
export const DEFAULT_MODULE_MEMORY_MB = 2048;

export async function loadProject(root: string, options: LoadOptions = {}): Promise<LoadResult> {
  const timings = { typecheck: 0, evaluate: 0 };
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
  const session = new EvaluationSession({
    root,
    timeoutMs: options.moduleTimeoutMs ?? DEFAULT_MODULE_TIMEOUT_MS,
    memoryMb: options.moduleMemoryMb ?? DEFAULT_MODULE_MEMORY_MB,
  });
  try {
    const configured = await session.config(configFile);
    if ("diagnostic" in configured) return { modules: [], timings, diagnostics: [configured.diagnostic] };
    const resolved = resolveConfig(root, configFile, configured.value);
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
    const { dags, diagnostics } = await session.modules(modules);
    timings.evaluate = performance.now() - started;
    if (dags.length === 0 && !hasErrors(diagnostics)) {
      diagnostics.push({
        code: "DW003",
        severity: "warning",
        message: `no module in ${fileRelative(root, config.srcDir) || "."} exports a DAG`,
        hint: "export each DAG: `export default dag(...)` or `export const daily = dag(...)`",
      });
    }
    const project: Project = {
      airflow: config.airflow,
      ...(config.defaults ? { defaults: config.defaults } : {}),
      ...(config.folders ? { folders: folderKeys(root, config) } : {}),
      ...(config.spark ? { spark: config.spark } : {}),
      ...(config.openLineage ? { openLineage: config.openLineage } : {}),
      dags,
    };
    return { config, project, modules, diagnostics, timings };
  } catch (failure) {
    if (isDiagnostic(failure)) return { modules: [], timings, diagnostics: [failure] };
    throw failure;
  } finally {
    await session.close();
  }
}

function isDiagnostic(value: unknown): value is Diagnostic {
  return typeof value === "object" && value !== null && "code" in value && "severity" in value && "message" in value;
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
