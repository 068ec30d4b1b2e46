/**
 * The manifest: the IR, published in `generated/manifest.json`, plus what compile wrote and
 * content hashes, so tools and people can see what exists and where it came from.
 */
import { z } from "zod";
import { AirflowTarget, Dag, Task, TaskOptions } from "./schema.js";

export const MANIFEST_FORMAT_VERSION = 1;

export const ManifestTask = Task.extend({
  /** Every option in force for the task: the DAG's defaults (and owner) overlaid with the task's own. */
  effective: TaskOptions,
});

export const ManifestDag = Dag.extend({
  tasks: z.array(ManifestTask),
  /** sha256 of the DAG's definition, ignoring source positions: it changes when what the DAG does changes. */
  definitionHash: z.string(),
  /** The generated Airflow file, relative to the output folder. */
  airflowFile: z.string(),
});

export const GeneratedFile = z.object({
  path: z.string(),
  sha256: z.string(),
});

export const Manifest = z.object({
  formatVersion: z.literal(MANIFEST_FORMAT_VERSION),
  dagwrightVersion: z.string(),
  airflow: AirflowTarget,
  dags: z.array(ManifestDag),
  /** Every file compile wrote besides the manifest itself, with its content hash. */
  files: z.array(GeneratedFile),
});
export type Manifest = z.infer<typeof Manifest>;
export type ManifestDag = z.infer<typeof ManifestDag>;
