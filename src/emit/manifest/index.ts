/**
 * The manifest back end: `manifest.json` and its JSON Schema, `manifest.schema.json`. The
 * manifest is a projection of the resolved project: what exists, where it came from, every
 * effective value, and what compile wrote.
 */
import { z } from "zod";
import type { Diagnostic } from "../../diagnostics/index.js";
import type { RuleInfo, SeveritySetting } from "../../ir/rules.js";
import { Manifest, MANIFEST_FORMAT_VERSION } from "../../ir/manifest.js";
import type { LineageNodeKind } from "../../ir/lineage.js";
import type { ResolvedDag, ResolvedProject } from "../../ir/resolved.js";
import { compareText } from "../../values/names.js";
import { airflowPath } from "../airflow/index.js";
import { contentHash, MANIFEST_FILE, MANIFEST_SCHEMA_FILE, sha256, type OutputFile } from "../files.js";
import { specPath } from "../spark/index.js";
import { canonicalJson, manifestJson, renderedItem, RenderedJson } from "../../values/json.js";

export { MANIFEST_FILE, MANIFEST_SCHEMA_FILE };

/** Which TypeScript type-checked the sources, and whether it was the project's own or dagwright's. */
export type TypecheckRecord = NonNullable<Manifest["typecheck"]>;

type ManifestDag = Manifest["dags"][number];

/** The team rules that ran, and the diagnostics `suppress` silenced with their reasons. */
export interface ManifestPolicy {
  rules: ReadonlyArray<Omit<RuleInfo, "severity"> & { severity: SeveritySetting }>;
  suppressed: ReadonlyArray<{ code: string; dag: string; task?: string; reason: string; diagnostic: Diagnostic }>;
}

/** A DAG's entry in the manifest's `dags`, as written there (kept across compiles: see DagOutputMemo). */
export function manifestDagEntry(dag: ResolvedDag): RenderedJson | ManifestDag {
  const entry: ManifestDag = {
    ...dag.ir,
    tasks: dag.tasks.map((task) => {
      const labels = Object.fromEntries(dag.edges.filter((edge) => edge.to === task.id && edge.label !== undefined).map((edge) => [edge.from, edge.label!]));
      return { ...task.ir, upstreamTasks: task.upstream as string[], ...(Object.keys(labels).length ? { upstreamLabels: labels } : {}), effective: task.effective, effectiveFrom: task.effectiveFrom as Record<string, string>, ...(task.python ? { python: task.python } : {}) };
    }),
    // The Spark settings a DAG's jobs get from the configuration are part of what it does.
    definitionHash: definitionHash(dag),
    airflowFile: airflowPath(dag.id),
    ...(dag.sparkPeak ? { sparkPeak: dag.sparkPeak } : {}),
  };
  // The manifest's `dags` sit two levels down: { "dags": [ here ] }.
  return renderedItem(entry, 2) ?? entry;
}

/** The manifest of `project`, listing `files` (everything else compile writes); `dagEntry` gives each DAG's entry. */
export function emitManifest(
  project: ResolvedProject,
  files: readonly OutputFile[],
  { dagwrightVersion, typecheck, warnings, policy }: { dagwrightVersion: string; typecheck: TypecheckRecord | null; warnings: readonly Diagnostic[]; policy?: ManifestPolicy },
  dagEntry: (dag: ResolvedDag) => RenderedJson | ManifestDag = manifestDagEntry,
): OutputFile[] {
  const { ir } = project;
  // Built to the schema's type, not parsed by it: the manifest's own test validates what is
  // written against the published JSON Schema, and parsing 50,000 tasks again cost seconds.
  // A DAG's entry may be text already written (RenderedJson), placed as it is.
  const manifest: Omit<Manifest, "dags"> & { dags: Array<RenderedJson | ManifestDag> } = {
    formatVersion: MANIFEST_FORMAT_VERSION,
    dagwrightVersion,
    typecheck,
    airflow: project.airflow,
    ...(ir.timetable ? { timetable: ir.timetable } : {}),
    ...(ir.defaults ? { defaults: ir.defaults } : {}),
    ...(ir.folders ? { folders: ir.folders } : {}),
    ...(ir.spark ? { spark: ir.spark } : {}),
    ...(ir.openLineage ? { openLineage: ir.openLineage } : {}),
    dags: project.dags.map(dagEntry),
    lineage: {
      assets: project.lineage.assets,
      models: project.lineage.models,
      metrics: project.lineage.metrics,
      nodes: project.lineage.nodes.map((id) => ({ id, kind: id.slice(0, id.indexOf(":")) as LineageNodeKind })),
      edges: project.lineage.edges,
    },
    sparkJobs: project.sparkJobs.map(({ dagId, taskId, job, requested }) => ({
      dagId,
      taskId,
      target: job.target.kind,
      spec: specPath(dagId, taskId, "json"),
      sparkApplication: job.target.kind === "kubernetes" ? specPath(dagId, taskId, "yaml") : null,
      requested,
    })),
    warnings: warnings.map((warning) => ({
      code: warning.code,
      ...(warning.toolCode ? { toolCode: warning.toolCode } : {}),
      message: warning.message,
      location: locationOf(warning),
      hint: warning.hint ?? null,
    })),
    ...(policy?.rules.length ? { rules: policy.rules.map(({ code, description, severity, file }) => ({ code, description, severity, file })) } : {}),
    ...(policy?.suppressed.length
      ? {
          suppressed: policy.suppressed.map(({ code, dag, task, reason, diagnostic }) => ({
            code,
            dag,
            task: task ?? null,
            reason,
            message: diagnostic.message,
            location: locationOf(diagnostic),
          })),
        }
      : {}),
    files: [...files].sort((a, b) => compareText(a.path, b.path)).map((file) => ({ path: file.path, sha256: contentHash(file) })),
  };
  return [
    { path: MANIFEST_FILE, contents: manifestJson(manifest) },
    { path: MANIFEST_SCHEMA_FILE, contents: JSON.stringify(manifestJsonSchema(), null, 2) + "\n" },
  ];
}

function locationOf(diagnostic: Diagnostic): { file: string; line: number; column: number } | null {
  return diagnostic.location ? { file: diagnostic.location.file, line: diagnostic.location.line, column: diagnostic.location.column } : null;
}

export function manifestJsonSchema(): object {
  return {
    ...z.toJSONSchema(Manifest, { target: "draft-2020-12", io: "output" }),
    title: "dagwright manifest",
    description: "What `dagwright compile` generated: every DAG and task with its source location and options.",
  };
}


/** What the definition hash leaves out: source positions, and suppressions (they change what is reported, not what runs). */
const SOURCE_POSITIONS: ReadonlySet<string> = new Set(["location", "suppress"]);

/**
 * What the DAG does, hashed: its definition without source positions or suppressions, and the Spark settings
 * its jobs get from the configuration. `{"dag":...,"spark":...}`, canonical.
 */
function definitionHash(dag: ResolvedDag): string {
  const jobs = dag.tasks.flatMap((task) => (task.spark ? [task.spark.job] : []));
  return sha256(`{"dag":${canonicalJson(dag.ir, SOURCE_POSITIONS)},"spark":${canonicalJson(jobs)}}`);
}
