/**
 * Which options are in force for a task: the project's defaults, then each enclosing folder's,
 * then the DAG's owner and defaults (together Airflow's `default_args`), then each enclosing
 * group's defaults, then the task's own options; and where each value came from.
 */
import type { OptionSource, OptionSources } from "../ir/resolved.js";
import type { Dag, EffectiveTaskOptions, Project, Task, TaskDefaults } from "../ir/schema.js";

type Layer<T> = [source: OptionSource, values: Partial<T> | undefined];

/** Merge layers in order, later ones winning, remembering which layer gave each value. */
function merge<T extends object>(layers: ReadonlyArray<Layer<T>>): { values: T; from: OptionSources<T> } {
  const values: Record<string, unknown> = {};
  const from: Record<string, OptionSource> = {};
  for (const [source, layer] of layers) {
    for (const [key, value] of Object.entries(layer ?? {})) {
      if (value === undefined) continue;
      values[key] = value;
      from[key] = source;
    }
  }
  return { values: values as T, from: from as OptionSources<T> };
}

/** The folders of the project whose defaults apply to a DAG, outermost first. */
function folderLayers(project: Pick<Project, "folders">, dag: Dag): Array<Layer<TaskDefaults>> {
  return Object.entries(project.folders ?? {})
    .filter(([folder]) => dag.location.file.startsWith(`${folder.replace(/\/$/, "")}/`))
    .sort(([a], [b]) => a.length - b.length)
    .map(([folder, defaults]): Layer<TaskDefaults> => [`folder:${folder}`, defaults]);
}

/** Airflow's `default_args` of a DAG: the project's and folders' defaults, then the DAG's owner and defaults. */
export function defaultArgs(project: Pick<Project, "defaults" | "folders">, dag: Dag): { values: TaskDefaults; from: OptionSources<TaskDefaults> } {
  return merge<TaskDefaults>([
    ["project", project.defaults],
    ...folderLayers(project, dag),
    ["dag", dag.owner === undefined ? undefined : { owner: dag.owner }],
    ["dag", dag.defaults],
  ]);
}

/** Every option in force for a task. Airflow runs a teardown once its setups are done, whatever the work between did. */
export function effectiveOptions(
  dagDefaults: { values: TaskDefaults; from: OptionSources<TaskDefaults> },
  groups: ReadonlyArray<{ id: string; defaults: TaskDefaults }>,
  task: Task,
): { values: EffectiveTaskOptions; from: OptionSources<EffectiveTaskOptions> } {
  const inherited: Layer<EffectiveTaskOptions>[] = Object.entries(dagDefaults.values).map(([key, value]) => [
    dagDefaults.from[key as keyof TaskDefaults] ?? "dag",
    { [key]: value } as Partial<EffectiveTaskOptions>,
  ]);
  return merge<EffectiveTaskOptions>([
    ...inherited,
    ...groups.map((group): Layer<EffectiveTaskOptions> => [`group:${group.id}`, group.defaults]),
    ["task", task.options],
    ["airflow", task.options.teardown ? { triggerRule: "all_done_setup_success" } : undefined],
  ]);
}
