/**
 * The manifest's view of Spark: each job with what it requests, and each DAG's peak, the most
 * its Spark jobs can request at once (jobs that no dependency orders can run together).
 */
import type { Dag, Project } from "../../ir/schema.js";
import { downstreamOf, taskEdges } from "../../ir/structure.js";
import { requestedResources, specPath, sparkTasks, type RequestedResources } from "../spark/index.js";

export interface ManifestSparkJob {
  dagId: string;
  taskId: string;
  target: "submit" | "kubernetes";
  spec: string;
  sparkApplication: string | null;
  requested: RequestedResources;
}

export interface SparkPeak extends RequestedResources {
  jobs: number;
  /** False when the DAG has too many Spark jobs to search exactly; the peak is then their sum. */
  exact: boolean;
}

/** Above this many Spark jobs in one DAG, the peak is bounded by the sum instead of searched. */
const EXACT_LIMIT = 40;

export function manifestSparkJobs(project: Project): ManifestSparkJob[] {
  return sparkTasks(project).map(({ dag, task, job }) => ({
    dagId: dag.id,
    taskId: task.id,
    target: job.target.kind,
    spec: specPath(dag.id, task.id, "json"),
    sparkApplication: job.target.kind === "kubernetes" ? specPath(dag.id, task.id, "yaml") : null,
    requested: requestedResources(job),
  }));
}

/** The DAG's Spark peak, or undefined when it has no Spark job. */
export function sparkPeak(dag: Dag, jobs: readonly ManifestSparkJob[]): SparkPeak | undefined {
  const own = jobs.filter((job) => job.dagId === dag.id);
  if (own.length === 0) return undefined;
  const edges = taskEdges(dag);
  const descendants = new Map(own.map((job) => [job.taskId, downstreamOf(edges, [job.taskId])]));
  const ordered = own.map((a) => own.map((b) => a !== b && (descendants.get(a.taskId)!.has(b.taskId) || descendants.get(b.taskId)!.has(a.taskId))));
  const exact = own.length <= EXACT_LIMIT;
  const peakOf = (weight: (job: ManifestSparkJob) => number) => {
    const weights = own.map(weight);
    return exact ? heaviestUnordered(weights, ordered) : weights.reduce((sum, w) => sum + w, 0);
  };
  return { jobs: own.length, cores: peakOf((job) => job.requested.cores), memoryMib: peakOf((job) => job.requested.memoryMib), exact };
}

/** The heaviest set of jobs no two of which are ordered by a dependency (branch and bound). */
function heaviestUnordered(weights: number[], ordered: boolean[][]): number {
  let best = 0;
  const search = (index: number, chosen: number[], total: number, remaining: number): void => {
    if (total + remaining <= best) return;
    if (index === weights.length) {
      best = total;
      return;
    }
    const weight = weights[index]!;
    if (chosen.every((other) => !ordered[other]![index])) search(index + 1, [...chosen, index], total + weight, remaining - weight);
    search(index + 1, chosen, total, remaining - weight);
  };
  search(0, [], 0, weights.reduce((sum, w) => sum + w, 0));
  return best;
}
