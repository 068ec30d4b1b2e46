/**
 * dagwright's programmatic API (`dagwright/api`): compile or validate a project in this
 * process and get its diagnostics, the resolved project and the manifest, without writing a
 * file. What the command line does, for scripts, editors and tests.
 *
 * Semver: everything exported here keeps its shape within a major version; fields are only
 * added. The manifest's shape is versioned by its own `formatVersion`.
 *
 * @example
 * import { compile } from "dagwright/api";
 *
 * const result = await compile("path/to/project");
 * if (!result.ok) for (const d of result.diagnostics) console.error(`${d.location?.file}:${d.location?.line} ${d.code} ${d.message}`);
 * else console.log(result.manifest.dags.map((dag) => dag.id));
 *
 * @packageDocumentation
 */
import { compileProject } from "../compiler.js";
import { hasErrors, type Diagnostic } from "../diagnostics/index.js";
import type { Manifest } from "../ir/manifest.js";
import type { ResolvedProject } from "../ir/resolved.js";
import type { AirflowTarget } from "../ir/schema.js";

export type { Diagnostic, OptionLocation, RelatedLocation, Severity } from "../diagnostics/index.js";
export type { Manifest, ManifestDag } from "../ir/manifest.js";
export type { ResolvedDag, ResolvedGroup, ResolvedProject, ResolvedTask } from "../ir/resolved.js";
export type { AirflowTarget } from "../ir/schema.js";

/** How to compile. */
export interface CompileOptions {
  /** The Airflow to compile for, instead of the config's `airflow` (the command line's `--airflow`). @example "2.10" */
  airflow?: AirflowTarget;
  /** Type-check the modules first, as `compile` does (default true). @example false */
  typecheck?: boolean;
  /** Use and feed the caches under node_modules/.cache/dagwright/ (default true). @example false */
  cache?: boolean;
  /**
   * Run the modules in this process (faster to start, for tests) instead of in a separate
   * process with a time and memory limit (the default, as the command line does). @example true
   */
  inProcess?: boolean;
  /** The time limit of one module, in milliseconds (default 10,000). @example 30000 */
  moduleTimeoutMs?: number;
}

/** A file compile would write, relative to the output folder. */
export interface OutputFile {
  /** The file's path under the output folder, `/`-separated. @example "airflow/churn_training.py" */
  path: string;
  /** The file's text, exactly as compile would write it. */
  contents: string;
}

/** What a compile found and made. `ok` means no errors: then the project, manifest and files are there. */
export type CompileResult =
  | {
      /** No error: the project compiled. */
      ok: true;
      /** Every finding, warnings included, in a stable order. */
      diagnostics: Diagnostic[];
      /** The resolved project: effective options, edges, Spark jobs and lineage. */
      project: ResolvedProject;
      /** The manifest compile would write as `manifest.json`. */
      manifest: Manifest;
      /** Every file compile would write, manifest included. */
      files: OutputFile[];
    }
  | {
      /** At least one error: nothing would be written. */
      ok: false;
      /** Every finding, errors first in file order. */
      diagnostics: Diagnostic[];
      /** The resolved project, when loading got that far. */
      project?: ResolvedProject;
    };

/** What validation found. */
export interface ValidateResult {
  /** Whether there is no error (warnings allowed). */
  ok: boolean;
  /** Every finding, in a stable order. */
  diagnostics: Diagnostic[];
  /** The resolved project, when loading got that far. */
  project?: ResolvedProject;
}

function loadOptions(options: CompileOptions) {
  return {
    ...(options.airflow ? { airflow: options.airflow } : {}),
    skipTypecheck: options.typecheck === false,
    ...(options.cache === false ? { cache: false } : {}),
    ...(options.inProcess ? { evaluation: "in-process" as const } : {}),
    ...(options.moduleTimeoutMs !== undefined ? { moduleTimeoutMs: options.moduleTimeoutMs } : {}),
  };
}

/**
 * Compile the project in `root` (the folder of its dagwright.config.ts) without writing:
 * the diagnostics, and when there is no error, the resolved project, the manifest and the files.
 */
export async function compile(root: string, options: CompileOptions = {}): Promise<CompileResult> {
  const result = await compileProject(root, loadOptions(options));
  const manifestFile = result.files?.find((file) => file.path === "manifest.json");
  if (hasErrors(result.diagnostics) || !result.resolved || !result.files || !manifestFile) {
    return { ok: false, diagnostics: result.diagnostics, ...(result.resolved ? { project: result.resolved } : {}) };
  }
  return { ok: true, diagnostics: result.diagnostics, project: result.resolved, manifest: JSON.parse(manifestFile.contents) as Manifest, files: result.files };
}

/** Check the project in `root` as `dagwright validate` does: diagnostics and the resolved project, no files. */
export async function validate(root: string, options: CompileOptions = {}): Promise<ValidateResult> {
  const result = await compileProject(root, { ...loadOptions(options), emit: false });
  return { ok: !hasErrors(result.diagnostics), diagnostics: result.diagnostics, ...(result.resolved ? { project: result.resolved } : {}) };
}
