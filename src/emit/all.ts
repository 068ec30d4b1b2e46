/**
 * Every back end at once: the Airflow DAG files, the Spark job specs, the OpenLineage events,
 * then the manifest that lists them. The compiler loads this module only for a project without
 * errors, so a compile that fails (and `validate`) never loads the emitters and their libraries.
 */
import { emitAirflow } from "./airflow/index.js";
import type { OutputFile } from "./files.js";
import { emitManifest } from "./manifest/index.js";
import { emitOpenLineage } from "./openlineage/index.js";
import { emitSpark } from "./spark/index.js";
import type { Templates } from "./templates.js";
import type { ResolvedProject } from "../ir/resolved.js";

export { eventTimeFrom } from "./openlineage/index.js";
export { TemplateError, Templates } from "./templates.js";

/** Every back end's files, then the manifest that lists them. `eventTime` stamps the OpenLineage events. */
export function emitAll(project: ResolvedProject, templates: Templates, eventTime: string, dagwrightVersion: string): OutputFile[] {
  const files = [
    ...emitAirflow(project, { templates, dagwrightVersion }),
    ...emitSpark(project),
    ...emitOpenLineage(project, { dagwrightVersion, eventTime }),
  ];
  return [...files, ...emitManifest(project, files, dagwrightVersion)];
}
