/**
 * Every back end at once: the Airflow DAG files, the Spark job specs, the OpenLineage events,
 * then the manifest that lists them. The compiler loads this module only for a project without
 * errors, so a compile that fails (and `validate`) never loads the emitters and their libraries.
 */
import { emitAirflow } from "./airflow/index.js";
import type { OutputFile } from "./files.js";
import { emitManifest, type ManifestPolicy, type TypecheckRecord } from "./manifest/index.js";
import { emitOpenLineage } from "./openlineage/index.js";
import { emitSpark } from "./spark/index.js";
import type { Templates } from "./templates.js";
import type { Diagnostic } from "../diagnostics/index.js";
import type { ResolvedProject } from "../ir/resolved.js";

export { eventTimeFrom } from "./openlineage/index.js";
export { TemplateError, Templates } from "./templates.js";

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
}

/** Every back end's files, then the manifest that lists them. */
export function emitAll(project: ResolvedProject, { templates, eventTime, dagwrightVersion, typecheck, warnings, policy }: EmitContext): OutputFile[] {
  const files = [
    ...emitAirflow(project, { templates, dagwrightVersion }),
    ...emitSpark(project),
    ...emitOpenLineage(project, { dagwrightVersion, eventTime }),
  ];
  return [...files, ...emitManifest(project, files, { dagwrightVersion, typecheck, warnings, ...(policy ? { policy } : {}) })];
}
