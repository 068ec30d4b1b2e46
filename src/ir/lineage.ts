/**
 * Lineage questions over the IR: which tasks write and read each asset, which DAGs it
 * schedules, and the asset's name as OpenLineage spells it (namespace and name), so a lineage
 * backend can join these design-time facts with run-time events.
 */
import type { AssetCondition, AssetRef, Project } from "./schema.js";

export interface AssetLineage {
  uri: string;
  name?: string;
  description?: string;
  external: boolean;
  /** OpenLineage's dataset namespace and name for the URI. */
  openLineage: { namespace: string; name: string };
  /** "dag_id.task_id" of every task that writes it. */
  writers: string[];
  /** "dag_id.task_id" of every task that reads it. */
  readers: string[];
  /** DAGs scheduled on it. */
  scheduledDags: string[];
}

/** Assets a schedule waits for. */
export function scheduledAssets(condition: AssetCondition): AssetRef[] {
  if ("asset" in condition) return [condition.asset];
  return ("all" in condition ? condition.all : condition.any).flatMap(scheduledAssets);
}

/**
 * OpenLineage's naming of a dataset URI: the namespace is scheme and authority
 * ("s3://bucket", "postgres://host:5432"), the name the rest of the path; for file URIs the
 * namespace is "file" and the name the absolute path.
 */
export function openLineageName(uri: string): { namespace: string; name: string } {
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/]*)(\/.*)?$/.exec(uri);
  if (!match) return { namespace: "unknown", name: uri };
  const [, scheme, authority, path = ""] = match;
  if (scheme!.toLowerCase() === "file") return { namespace: "file", name: path || "/" };
  return { namespace: `${scheme}://${authority}`, name: path.replace(/^\//, "") || "/" };
}

/** Every asset of the project, by URI in first-seen order, with who writes, reads and waits for it. */
export function assetLineage(project: Project): AssetLineage[] {
  const assets = new Map<string, AssetLineage>();
  const entry = (asset: AssetRef) => {
    let found = assets.get(asset.uri);
    if (!found) {
      found = {
        uri: asset.uri,
        ...(asset.name === undefined ? {} : { name: asset.name }),
        ...(asset.description === undefined ? {} : { description: asset.description }),
        external: asset.external ?? false,
        openLineage: openLineageName(asset.uri),
        writers: [],
        readers: [],
        scheduledDags: [],
      };
      assets.set(asset.uri, found);
    }
    if (asset.external) found.external = true;
    return found;
  };
  for (const dag of project.dags) {
    if (dag.schedule.kind === "assets") for (const asset of scheduledAssets(dag.schedule.condition)) entry(asset).scheduledDags.push(dag.id);
    for (const task of dag.tasks) {
      for (const asset of task.outputs ?? []) entry(asset).writers.push(`${dag.id}.${task.id}`);
      for (const asset of task.inputs ?? []) entry(asset).readers.push(`${dag.id}.${task.id}`);
    }
  }
  return [...assets.values()];
}
