/**
 * What evaluation gives per DAG module, and the project's DAGs gathered from those records.
 * Kept apart from the evaluator, so a compile the cache answers loads neither esbuild nor the
 * authoring API.
 */
import { diagnose, type Diagnostic } from "../diagnostics/index.js";
import type { Dag, Location } from "../ir/schema.js";
import type { Dependencies } from "./modules.js";

/**
 * What one DAG module gave: the DAGs it exports and those its run created, each named by its
 * origin (the module whose top level called `dag()`, and the how-manieth call that was), so a
 * DAG re-exported by a second module is the same DAG whether the two ran together or not.
 */
export interface ModuleRecord {
  file: string;
  dags: Array<{ origin: string; dag: Dag }>;
  created: Array<{ origin: string; id: string; location: Location }>;
  /** Why the module failed; a failed module's record is never cached. */
  diagnostics: Diagnostic[];
  deps: Dependencies;
}

/**
 * The project's DAGs from its modules' records, in module order, each once. Beside exported
 * DAGs, one that is only created is most likely a forgotten export; with none exported at all,
 * DW003 says so for the whole project.
 */
export function collectDags(records: readonly Omit<ModuleRecord, "deps">[]): { dags: Dag[]; diagnostics: Diagnostic[] } {
  const diagnostics = records.flatMap((record) => record.diagnostics);
  const dags: Dag[] = [];
  const exported = new Set<string>();
  for (const { origin, dag } of records.flatMap((record) => record.dags)) {
    if (exported.has(origin)) continue;
    exported.add(origin);
    dags.push(dag);
  }
  if (dags.length > 0 && diagnostics.length === 0) {
    const reported = new Set<string>();
    for (const { origin, id, location } of records.flatMap((record) => record.created)) {
      if (exported.has(origin) || reported.has(origin)) continue;
      reported.add(origin);
      diagnostics.push(diagnose("DW012", { dag: id }, location));
    }
  }
  return { dags, diagnostics };
}

