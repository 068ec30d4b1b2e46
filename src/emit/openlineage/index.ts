/**
 * The OpenLineage back end: one static (design-time) JobEvent per task, a line each in
 * `openlineage/<dag_id>.jsonl` (newline-delimited JSON, as OpenLineage's file transport writes
 * events; one file per DAG rather than per task, because tens of thousands of small files make
 * writing the output many times slower). Each event names its job as Airflow's OpenLineage
 * provider names the task at run time ("<dag_id>.<task_id>" in the configured namespace) and its
 * datasets as the provider translates assets, so a lineage backend joins what was declared with
 * what ran, and sees the lineage before anything has run.
 */
import { diagnose, type Diagnostic } from "../../diagnostics/index.js";
import type { OpenLineageName } from "../../ir/lineage.js";
import type { ResolvedDag, ResolvedProject, ResolvedTask } from "../../ir/resolved.js";
import type { AssetRef, ModelRef, OpenLineageConfig } from "../../ir/schema.js";
import { fileSegment, type OutputFile } from "../files.js";

/** The OpenLineage spec version the events follow, and the facet schema versions they use. */
const SPEC = "https://openlineage.io/spec/2-0-2/OpenLineage.json";
const FACET_SCHEMAS = {
  jobType: "https://openlineage.io/spec/facets/2-0-4/JobTypeJobFacet.json#/$defs/JobTypeJobFacet",
  documentation: "https://openlineage.io/spec/facets/1-1-0/DocumentationJobFacet.json#/$defs/DocumentationJobFacet",
  ownership: "https://openlineage.io/spec/facets/1-0-1/OwnershipJobFacet.json#/$defs/OwnershipJobFacet",
  sourceCodeLocation: "https://openlineage.io/spec/facets/1-1-0/SourceCodeLocationJobFacet.json#/$defs/SourceCodeLocationJobFacet",
  tags: "https://openlineage.io/spec/facets/1-0-0/TagsJobFacet.json#/$defs/TagsJobFacet",
  datasetDocumentation: "https://openlineage.io/spec/facets/1-1-0/DocumentationDatasetFacet.json#/$defs/DocumentationDatasetFacet",
  datasetType: "https://openlineage.io/spec/facets/1-0-1/DatasetTypeDatasetFacet.json#/$defs/DatasetTypeDatasetFacet",
} as const;

/** Airflow's OpenLineage provider puts jobs in "default" unless `[openlineage] namespace` says otherwise. */
export const DEFAULT_JOB_NAMESPACE = "default";

export interface OpenLineageOptions {
  dagwrightVersion: string;
  /** The events' `eventTime`: fixed, so that the same sources give the same bytes. */
  eventTime: string;
}

export function eventsPath(dagId: string): string {
  return `openlineage/${fileSegment(dagId)}.jsonl`;
}

export function emitOpenLineage(project: ResolvedProject, options: OpenLineageOptions): OutputFile[] {
  return project.dags.flatMap((dag) => openLineageFile(project, dag, options) ?? []);
}

/** One DAG's events, none for a DAG without tasks. What it reads of the project beyond the DAG: see openLineageReads. */
export function openLineageFile(project: ResolvedProject, dag: ResolvedDag, options: OpenLineageOptions): OutputFile | undefined {
  if (dag.tasks.length === 0) return undefined;
  const producer = `https://www.npmjs.com/package/dagwright/v/${options.dagwrightVersion}`;
  return { path: eventsPath(dag.id), contents: dag.tasks.map((task) => JSON.stringify(jobEvent(project, task, producer, options.eventTime)) + "\n").join("") };
}

/**
 * What a DAG's events look up in the project beyond the DAG itself: the OpenLineage settings,
 * and the names the project's lineage gives the assets and models its tasks read and write
 * (another DAG's declaration of an asset may name it). As text, for a cache key.
 */
export function openLineageReads(project: ResolvedProject, dag: ResolvedDag): string {
  const assets = new Set<string>();
  const models = new Set<string>();
  for (const { ir } of dag.tasks) {
    for (const asset of [...(ir.inputs ?? []), ...(ir.outputs ?? [])]) assets.add(asset.uri);
    for (const model of [...(ir.modelInputs ?? []), ...(ir.modelOutputs ?? [])]) models.add(model.name);
  }
  return JSON.stringify([
    project.ir.openLineage ?? null,
    [...assets].map((uri) => [uri, project.openLineageName(uri)]),
    [...models].map((name) => [name, project.model(name)?.openLineage ?? null]),
  ]);
}

function jobEvent(project: ResolvedProject, resolved: ResolvedTask, producer: string, eventTime: string): object {
  const facet = (schema: keyof typeof FACET_SCHEMAS, fields: object) => ({ _producer: producer, _schemaURL: FACET_SCHEMAS[schema], ...fields });
  const config: OpenLineageConfig = project.ir.openLineage ?? {};
  const task = resolved.ir;
  const owners = ownersOf(resolved.effective.owner);
  const doc = task.options.doc;
  const jobFacets = {
    jobType: facet("jobType", { processingType: "BATCH", integration: "AIRFLOW", jobType: "TASK" }),
    ...(doc === undefined ? {} : { documentation: facet("documentation", { description: doc, contentType: "text/markdown" }) }),
    ...(owners.length === 0 ? {} : { ownership: facet("ownership", { owners: owners.map((name) => ({ name })) }) }),
    // The code that runs: a Python task's function in the project's Python, else the task's definition.
    sourceCodeLocation: facet("sourceCodeLocation", sourceCodeLocation(config, resolved.python ?? task.location)),
    ...(task.stage === undefined ? {} : { tags: facet("tags", { tags: [{ key: "stage", value: task.stage, source: "DAGWRIGHT" }] }) }),
  };
  const assetDataset = (asset: AssetRef) =>
    dataset(project.openLineageName(asset.uri), asset.description === undefined ? {} : { documentation: facet("datasetDocumentation", { description: asset.description }) });
  const modelDataset = (model: ModelRef) => dataset(project.model(model.name)!.openLineage, { datasetType: facet("datasetType", { datasetType: "MODEL" }) });
  return {
    eventTime,
    producer,
    schemaURL: `${SPEC}#/$defs/JobEvent`,
    job: { namespace: config.namespace ?? DEFAULT_JOB_NAMESPACE, name: resolved.openLineageJob, facets: jobFacets },
    inputs: distinct([...(task.inputs ?? []).map(assetDataset), ...(task.modelInputs ?? []).map(modelDataset)]),
    outputs: distinct([...(task.outputs ?? []).map(assetDataset), ...(task.modelOutputs ?? []).map(modelDataset)]),
  };
}

interface Dataset extends OpenLineageName {
  facets?: object;
}

function dataset(name: OpenLineageName, facets: object): Dataset {
  return { ...name, ...(Object.keys(facets).length === 0 ? {} : { facets }) };
}

/** A dataset named twice is one dataset to OpenLineage: keep the first. */
function distinct(datasets: Dataset[]): Dataset[] {
  const seen = new Set<string>();
  return datasets.filter((item) => {
    const key = `${item.namespace}\n${item.name}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** Airflow's owner field may list several owners, comma-separated. */
function ownersOf(owner: string | undefined): string[] {
  return (owner ?? "").split(",").map((name) => name.trim()).filter((name) => name !== "");
}

/**
 * Where the task's code is: the configured source URL with the file and line filled in, or a
 * relative `file:` URL, which stays the same wherever the project is checked out.
 */
function sourceCodeLocation(config: OpenLineageConfig, { file, line }: { file: string; line: number }): object {
  const encodedPath = file.split("/").map(encodeURIComponent).join("/");
  const url = config.sourceUrl
    ? config.sourceUrl.replaceAll("{path}", encodedPath).replaceAll("{line}", String(line))
    : `file:${encodedPath}#L${line}`;
  return { type: config.sourceUrl ? (config.sourceControl ?? "git") : "file", url, path: file };
}

/**
 * The events' `eventTime`: `SOURCE_DATE_EPOCH` (seconds, the reproducible-builds convention)
 * when set, else the epoch itself; never the clock, which would change the output on each compile.
 */
export function eventTimeFrom(env: NodeJS.ProcessEnv): string | Diagnostic {
  const text = env.SOURCE_DATE_EPOCH;
  if (text === undefined || text === "") return new Date(0).toISOString();
  const seconds = /^\d{1,12}$/.test(text) ? Number(text) : NaN;
  if (Number.isNaN(seconds) || seconds * 1000 > 8.64e15) {
    return diagnose("DW009", { value: text });
  }
  return new Date(seconds * 1000).toISOString();
}
