/**
 * The project as team rules and the test kit see it: plain data made from the resolved
 * project, each DAG and task with its options after every default and where it is defined.
 */
import type { RuleDag, RuleProject, RuleTask } from "../dsl/rules.js";
import { isMapped } from "../ir/mapping.js";
import type { ResolvedDag, ResolvedProject, ResolvedTask } from "../ir/resolved.js";

/** The view of one task. */
export function ruleTaskOf(dag: ResolvedDag, task: ResolvedTask): RuleTask {
  const { kind, ...config } = task.ir.config as { kind: string } & Record<string, unknown>;
  const mapped = isMapped(task.ir, dag.ir.groups);
  return {
    id: task.id,
    dagId: dag.id,
    kind,
    file: task.ir.location.file,
    line: task.ir.location.line,
    column: task.ir.location.column,
    options: task.effective,
    optionSources: task.effectiveFrom as Record<string, string>,
    config,
    upstream: task.upstream,
    downstream: task.downstream,
    groups: task.groups,
    mapped,
    ...(task.ir.stage === undefined ? {} : { stage: task.ir.stage }),
    reads: [...(task.ir.inputs ?? []).map((asset) => `asset:${asset.uri}`), ...(task.ir.modelInputs ?? []).map((model) => `model:${model.name}`)],
    writes: [
      ...(task.ir.outputs ?? []).map((asset) => `asset:${asset.uri}`),
      ...(task.ir.modelOutputs ?? []).map((model) => `model:${model.name}`),
      ...(task.ir.metrics ?? []).map((metric) => `metric:${metric.name}`),
    ],
    ...(task.spark ? { spark: { job: task.spark.job, requested: task.spark.requested } } : {}),
  };
}

/** The view of one DAG; `srcDir` is the source folder relative to the project root. */
export function ruleDagOf(dag: ResolvedDag, srcDir: string): RuleDag {
  const { id, location, owner, tags, description, catchup, startDate, tasks: _tasks, groups: _groups, defaults: _defaults, suppress: _suppress, ...options } = dag.ir;
  const folderOfFile = location.file.includes("/") ? location.file.slice(0, location.file.lastIndexOf("/")) : "";
  const folder = folderOfFile === srcDir ? "" : folderOfFile.startsWith(`${srcDir}/`) ? folderOfFile.slice(srcDir.length + 1) : folderOfFile;
  return {
    id,
    file: location.file,
    line: location.line,
    column: location.column,
    folder,
    ...(owner === undefined ? {} : { owner }),
    tags,
    ...(description === undefined ? {} : { description }),
    catchup,
    ...(startDate === undefined ? {} : { startDate }),
    defaultArgs: dag.defaultArgs,
    options,
    groups: dag.groups.map((group) => group.id),
    tasks: dag.tasks.map((task) => ruleTaskOf(dag, task)),
  };
}

export function ruleProjectOf(project: ResolvedProject, srcDir: string): RuleProject {
  return { airflow: project.airflow, dags: project.dags.map((dag) => ruleDagOf(dag, srcDir)) };
}
