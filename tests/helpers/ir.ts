/**
 * IR for rule and back-end tests: DAG modules written inline are loaded in this thread (no
 * worker, no type-check) into the IR and resolved, so tests call `validate()` and the back ends
 * directly, in milliseconds, with the real source locations of the inline modules.
 */
import { hasErrors, sortDiagnostics, type Diagnostic } from "../../src/diagnostics/index.js";
import type { ResolvedProject } from "../../src/ir/resolved.js";
import type { Project } from "../../src/ir/schema.js";
import { loadProject } from "../../src/load/index.js";
import { resolve } from "../../src/resolve/index.js";
import { validate } from "../../src/validate/index.js";
import { makeProject } from "./project.js";

export interface Loaded {
  root: string;
  project: Project;
  resolved: ResolvedProject;
  /** What loading reported (DW0xx, and DW004 for a malformed IR). */
  diagnostics: Diagnostic[];
}

/** Load `files` (beside a config for `airflow`, unless they bring their own) into resolved IR. */
export async function irOf(files: Record<string, string>, airflow = "3.3"): Promise<Loaded> {
  const root = makeProject(files, airflow);
  const loaded = await loadProject(root, { evaluation: "in-process", skipTypecheck: true });
  if (!loaded.project) throw new Error(`the test project did not load: ${loaded.diagnostics.map((d) => `${d.code} ${d.message}`).join("; ")}`);
  return { root, project: loaded.project, resolved: resolve(loaded.project), diagnostics: loaded.diagnostics };
}

/** Every diagnostic of `files`: loading's, then (when loading found no error) the rules'. */
export async function diagnosticsOf(files: Record<string, string>, airflow = "3.3"): Promise<Diagnostic[]> {
  const loaded = await loadProject(makeProject(files, airflow), { evaluation: "in-process", skipTypecheck: true });
  if (!loaded.project || hasErrors(loaded.diagnostics)) return sortDiagnostics(loaded.diagnostics);
  return sortDiagnostics([...loaded.diagnostics, ...validate(resolve(loaded.project))]);
}
