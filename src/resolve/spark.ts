/**
 * Spark jobs as they will run: the project's defaults, then the job's profile, then its own
 * settings, combined field by field; what each job asks the cluster for; and each DAG's peak.
 */
import type { SparkJobConfig } from "../ir/kinds/spark.js";
import type { SparkPeak, SparkResources } from "../ir/resolved.js";
import type { EffectiveSparkJob, SparkProjectConfig, SparkSettings, SparkTarget } from "../ir/spark.js";
import { memoryMib } from "../values/memory.js";

/**
 * A later level overrides single fields of `driver`, `executor`, `dynamicAllocation`, `conf`,
 * `env` and a target of the same kind, and replaces lists and a target of another kind.
 */
export function effectiveSparkJob(project: SparkProjectConfig | undefined, dagId: string, taskId: string, job: SparkJobConfig): EffectiveSparkJob {
  const levels = [project?.defaults, job.profile === undefined ? undefined : project?.profiles?.[job.profile], job.settings].filter(
    (level): level is SparkSettings => level !== undefined,
  );
  const merged: SparkSettings = {};
  for (const level of levels) {
    merged.driver = { ...merged.driver, ...level.driver };
    merged.executor = { ...merged.executor, ...level.executor };
    if (level.dynamicAllocation) merged.dynamicAllocation = { ...merged.dynamicAllocation, ...level.dynamicAllocation };
    merged.conf = { ...merged.conf, ...level.conf };
    merged.env = { ...merged.env, ...level.env };
    for (const list of ["packages", "jars", "pyFiles", "files"] as const) if (level[list]) merged[list] = [...level[list]];
    if (level.target) merged.target = merged.target?.kind === level.target.kind ? ({ ...merged.target, ...level.target } as SparkTarget) : level.target;
  }
  return {
    name: job.name ?? `${dagId}.${taskId}`,
    application: job.application,
    ...(job.mainClass === undefined ? {} : { mainClass: job.mainClass }),
    args: job.args ?? [],
    driver: merged.driver ?? {},
    executor: merged.executor ?? {},
    ...(merged.dynamicAllocation ? { dynamicAllocation: merged.dynamicAllocation } : {}),
    conf: merged.conf ?? {},
    packages: merged.packages ?? [],
    jars: merged.jars ?? [],
    pyFiles: merged.pyFiles ?? [],
    files: merged.files ?? [],
    env: merged.env ?? {},
    target: merged.target ?? { kind: "submit" },
  };
}

/**
 * What the job asks the cluster for at most. Memory counts the overhead as Spark computes it
 * by default: 10% of the heap, at least 384 MiB. Unset values take Spark's defaults: 1 core,
 * 1g of heap, 2 executors.
 */
export function requestedResources(job: EffectiveSparkJob): SparkResources {
  const heap = (memory: string | undefined) => (memory === undefined ? 1024 : (memoryMib(memory) ?? 0));
  const overhead = (memory: string | undefined, explicit: string | undefined) =>
    explicit !== undefined ? (memoryMib(explicit) ?? 0) : Math.max(384, Math.floor(heap(memory) * 0.1));
  const executors = job.dynamicAllocation?.max ?? job.executor.instances ?? 2;
  const driverMemory = heap(job.driver.memory) + overhead(job.driver.memory, job.driver.memoryOverhead);
  const executorMemory = heap(job.executor.memory) + overhead(job.executor.memory, job.executor.memoryOverhead);
  return {
    cores: (job.driver.cores ?? 1) + executors * (job.executor.cores ?? 1),
    memoryMib: Math.round(driverMemory + executors * executorMemory),
  };
}

/** Above this many Spark jobs in one DAG, the peak is bounded by the sum instead of searched. */
const EXACT_LIMIT = 40;

/**
 * The DAG's Spark peak, or undefined when it has no Spark job: the heaviest set of jobs no
 * dependency orders, so they can run at the same time.
 */
export function sparkPeak(jobs: ReadonlyArray<{ taskId: string; requested: SparkResources }>, descendants: (id: string) => ReadonlySet<string>): SparkPeak | undefined {
  if (jobs.length === 0) return undefined;
  const below = new Map(jobs.map((job) => [job.taskId, descendants(job.taskId)]));
  const ordered = jobs.map((a) => jobs.map((b) => a !== b && (below.get(a.taskId)!.has(b.taskId) || below.get(b.taskId)!.has(a.taskId))));
  const exact = jobs.length <= EXACT_LIMIT;
  const peakOf = (weight: (job: { requested: SparkResources }) => number) => {
    const weights = jobs.map(weight);
    return exact ? heaviestUnordered(weights, ordered) : weights.reduce((sum, w) => sum + w, 0);
  };
  return { jobs: jobs.length, cores: peakOf((job) => job.requested.cores), memoryMib: peakOf((job) => job.requested.memoryMib), exact };
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
