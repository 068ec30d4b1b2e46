/**
 * Every back end at once: the Airflow DAG files, the Spark job specs, the OpenLineage events,
 * then the manifest that lists them. The compiler loads this module only for a project without
 * errors, so a compile that fails (and `validate`) never loads the emitters and their libraries.
 */
import { airflowFile, airflowPath } from "./airflow/index.js";
import { contentHash, knownHash, sha256, type OutputFile } from "./files.js";
import { emitManifest, manifestDagEntry, type ManifestPolicy, type TypecheckRecord } from "./manifest/index.js";
import { DagKeys, type DagOutputMemo } from "./memo.js";
import { eventsPath, openLineageFile } from "./openlineage/index.js";
import { emitSpark } from "./spark/index.js";
import type { Templates } from "./templates.js";
import type { Diagnostic } from "../diagnostics/index.js";
import type { ResolvedDag, ResolvedProject } from "../ir/resolved.js";
import { RenderedJson } from "../values/json.js";

export { eventTimeFrom } from "./openlineage/index.js";
export { TemplateError, Templates } from "./templates.js";
export type { DagOutputMemo, DagPart, RememberedText } from "./memo.js";

export interface EmitContext {
  templates: Templates;
  /** Stamps the OpenLineage events. */
  eventTime: string;
  dagwrightVersion: string;
  /** The TypeScript that checked the sources, for the manifest; null when nothing was checked. */
  typecheck: TypecheckRecord | null;
  /** The compile's warnings, for the manifest. */
  warnings: readonly Diagnostic[];
  /** The team rules that ran and what `suppress` silenced, for the manifest. */
  policy?: ManifestPolicy;
  /** Output remembered from earlier compiles, reused where its key matches; what is rendered is remembered there. */
  memo?: { store: DagOutputMemo; code?: string };
}

/** Every back end's files, then the manifest that lists them. */
export function emitAll(project: ResolvedProject, context: EmitContext): OutputFile[] {
  const { templates, eventTime, dagwrightVersion, typecheck, warnings, policy, memo } = context;
  const keys = memo && new DagKeys(project, { dagwrightVersion, templates: templates.fingerprint(), eventTime, ...(memo.code ? { code: memo.code } : {}) });
  /** A DAG's file: remembered under its key, else rendered and remembered. */
  const file = (dag: ResolvedDag, part: "airflow" | "openlineage", path: string, render: () => OutputFile): OutputFile => {
    if (!memo || !keys) return render();
    const key = keys.key(dag, part);
    const remembered = memo.store.get(dag.id, part, key);
    if (remembered) return knownHash({ path, contents: remembered.text }, remembered.sha256);
    const made = render();
    memo.store.set(dag.id, part, key, { text: made.contents, sha256: contentHash(made) });
    return made;
  };
  const files = [
    ...project.dags.map((dag) => file(dag, "airflow", airflowPath(dag.id), () => airflowFile(project, dag, { templates, dagwrightVersion }))),
    ...emitSpark(project),
    ...project.dags.flatMap((dag) => (dag.tasks.length === 0 ? [] : [file(dag, "openlineage", eventsPath(dag.id), () => openLineageFile(project, dag, { dagwrightVersion, eventTime })!)])),
  ];
  /** A DAG's manifest entry, likewise; one short enough to share its line is rendered each time (see RenderedJson). */
  const entry = (dag: ResolvedDag) => {
    if (!memo || !keys) return manifestDagEntry(dag);
    const key = keys.key(dag, "manifest");
    const remembered = memo.store.get(dag.id, "manifest", key);
    if (remembered) return new RenderedJson(remembered.text);
    const made = manifestDagEntry(dag);
    if (made instanceof RenderedJson) memo.store.set(dag.id, "manifest", key, { text: made.text, sha256: sha256(made.text) });
    return made;
  };
  return [...files, ...emitManifest(project, files, { dagwrightVersion, typecheck, warnings, ...(policy ? { policy } : {}) }, entry)];
}
