/**
 * The join a lineage backend makes: the OpenLineage events Airflow's provider emitted while a DAG
 * ran, against the static JobEvents compile wrote to `openlineage/`. The same job must carry the
 * same namespace, name and job type, and, where the provider translates the task's assets,
 * read and write the same datasets.
 */
import fs from "node:fs";
import path from "node:path";
import { eventsPath } from "../../src/emit/openlineage/index.js";

interface Dataset {
  namespace: string;
  name: string;
  facets?: { datasetType?: { datasetType: string } };
}

export interface OpenLineageEvent {
  eventType?: string;
  job: { namespace: string; name: string; facets?: { jobType?: Record<string, unknown> } };
  inputs?: Dataset[];
  outputs?: Dataset[];
}

/** The static events of one DAG, by job name. */
export function staticEvents(outDir: string, dagId: string): Map<string, OpenLineageEvent> {
  const lines = fs.readFileSync(path.join(outDir, eventsPath(dagId)), "utf8").trimEnd().split("\n");
  const events = lines.map((line) => JSON.parse(line) as OpenLineageEvent);
  return new Map(events.map((event) => [event.job.name, event]));
}

export interface JoinOptions {
  /** Jobs that must have run: each needs a START and a COMPLETE event. */
  ran: string[];
  /** Whether the provider turns inlets and outlets into datasets (Airflow 2.10's provider does not). */
  datasets: boolean;
}

/** Every way the run-time events fail to join the static ones, as readable lines; empty when they join. */
export function joinDifferences(dagId: string, declared: Map<string, OpenLineageEvent>, emitted: OpenLineageEvent[], options: JoinOptions): string[] {
  const differences: string[] = [];
  const taskEvents = emitted.filter((event) => event.job.name !== dagId);
  for (const event of taskEvents) {
    const job = `${event.eventType} ${event.job.namespace}/${event.job.name}`;
    const known = declared.get(event.job.name);
    if (!known) {
      differences.push(`${job}: no static event has this job name`);
      continue;
    }
    if (event.job.namespace !== known.job.namespace) differences.push(`${job}: static namespace is ${known.job.namespace}`);
    const jobType = pick(event.job.facets?.jobType, ["processingType", "integration", "jobType"]);
    const declaredType = pick(known.job.facets?.jobType, ["processingType", "integration", "jobType"]);
    if (jobType !== declaredType) differences.push(`${job}: job type ${jobType}, static ${declaredType}`);
    if (options.datasets && event.eventType === "COMPLETE") {
      for (const side of ["inputs", "outputs"] as const) {
        const ran = names(event[side] ?? []);
        // Models are datasets only to dagwright: Airflow has no inlet or outlet for them.
        const expected = names((known[side] ?? []).filter((dataset) => dataset.facets?.datasetType?.datasetType !== "MODEL"));
        if (ran !== expected) differences.push(`${job}: ${side} ${ran}, static ${expected}`);
      }
    }
  }
  for (const name of options.ran) {
    const types = taskEvents.filter((event) => event.job.name === name).map((event) => event.eventType);
    if (!types.includes("START") || !types.includes("COMPLETE")) differences.push(`${name}: ran, but the provider emitted ${JSON.stringify(types)}`);
  }
  return differences;
}

function names(datasets: Dataset[]): string {
  return JSON.stringify(datasets.map((dataset) => `${dataset.namespace} ${dataset.name}`).sort());
}

function pick(facet: Record<string, unknown> | undefined, keys: string[]): string {
  return JSON.stringify(keys.map((key) => facet?.[key]));
}
