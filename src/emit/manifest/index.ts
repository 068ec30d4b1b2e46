/** The manifest back end: `manifest.json` and its JSON Schema, `manifest.schema.json`. */
import { createHash } from "node:crypto";
import { z } from "zod";
import { compareText } from "../../ir/diagnostic.js";
import { Manifest, MANIFEST_FORMAT_VERSION } from "../../ir/manifest.js";
import type { Dag, Project } from "../../ir/schema.js";
import { effectiveTaskOptions, upstreamTasks } from "../../ir/structure.js";
import { assetLineage, lineageEdges, modelLineage } from "../../ir/lineage.js";
import { effectiveSparkJob } from "../../ir/spark.js";
import type { OutputFile } from "../files.js";
import { manifestSparkJobs, sparkPeak } from "./spark.js";

export const MANIFEST_FILE = "manifest.json";
export const MANIFEST_SCHEMA_FILE = "manifest.schema.json";

/** The manifest of `project`, listing `files` (everything else compile writes). */
export function emitManifest(project: Project, files: readonly OutputFile[], dagwrightVersion: string): OutputFile[] {
  const sparkJobs = manifestSparkJobs(project);
  const manifest = Manifest.parse({
    formatVersion: MANIFEST_FORMAT_VERSION,
    dagwrightVersion,
    airflow: project.airflow,
    ...(project.defaults ? { defaults: project.defaults } : {}),
    ...(project.folders ? { folders: project.folders } : {}),
    ...(project.spark ? { spark: project.spark } : {}),
    ...(project.openLineage ? { openLineage: project.openLineage } : {}),
    dags: project.dags.map((dag) => {
      const peak = sparkPeak(dag, sparkJobs);
      const upstream = upstreamTasks(dag);
      return {
        ...dag,
        tasks: dag.tasks.map((task) => ({ ...task, upstreamTasks: upstream.get(task.id) ?? [], effective: effectiveTaskOptions(project, dag, task) })),
        // The Spark settings a DAG's jobs get from the configuration are part of what it does.
        definitionHash: sha256(canonicalJson({ dag: withoutLocations(dag), spark: effectiveSparkJobs(project, dag) })),
        airflowFile: `airflow/${dag.id}.py`,
        ...(peak ? { sparkPeak: peak } : {}),
      };
    }),
    lineage: { assets: assetLineage(project), ...modelLineage(project), ...lineageNodesAndEdges(project) },
    sparkJobs,
    files: [...files]
      .sort((a, b) => compareText(a.path, b.path))
      .map((file) => ({ path: file.path, sha256: sha256(file.contents) })),
  });
  return [
    { path: MANIFEST_FILE, contents: JSON.stringify(manifest, null, 2) + "\n" },
    { path: MANIFEST_SCHEMA_FILE, contents: JSON.stringify(manifestJsonSchema(), null, 2) + "\n" },
  ];
}

export function manifestJsonSchema(): object {
  return {
    ...z.toJSONSchema(Manifest, { target: "draft-2020-12", io: "output" }),
    title: "dagwright manifest",
    description: "What `dagwright compile` generated: every DAG and task with its source location and options.",
  };
}

function lineageNodesAndEdges(project: Project) {
  const { nodes, edges } = lineageEdges(project);
  return { nodes: nodes.map((id) => ({ id, kind: id.slice(0, id.indexOf(":")) })), edges };
}

function effectiveSparkJobs(project: Project, dag: Dag): unknown[] {
  return dag.tasks.flatMap((task) => (task.config.kind === "spark" ? [effectiveSparkJob(project.spark, dag.id, task.id, task.config)] : []));
}

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** JSON with object keys sorted, so equal values hash equally whatever order they were written in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === "object" && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => compareText(a, b)))
      : item,
  );
}

function withoutLocations(dag: Dag): unknown {
  return JSON.parse(JSON.stringify(dag, (key, value: unknown) => (key === "location" ? undefined : value)));
}
