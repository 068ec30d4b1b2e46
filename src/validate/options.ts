/**
 * DW301-DW303, DW305, DW124, DW130 and DW180-DW186: option values that have the right type but
 * a value Airflow would reject, or that the target Airflow lacks.
 */
import { firstTargetWith, type Capabilities } from "../capabilities/index.js";
import { diagnose, optionAt, type Diagnostic, type OptionsOwner } from "../diagnostics/index.js";
import type { ResolvedDag } from "../ir/resolved.js";
import type { Location, Project, TaskOptions } from "../ir/schema.js";
import { parseUtcDate } from "../values/date.js";
import { durationSeconds } from "../values/duration.js";
import { CONFIG_FILE } from "../values/names.js";
import { isQuantity, quantityValue } from "../values/quantity.js";
import { checkCallable, checkCallbacks, DAG_CALLBACKS, TASK_CALLBACKS } from "./callables.js";

const DURATION_OPTIONS = ["retryDelay", "maxRetryDelay", "executionTimeout"] as const;
const MAX_TAG_LENGTH = 100;
const INT32_MAX = 2 ** 31 - 1;

export function checkOptions(resolved: ResolvedDag, capabilities: Capabilities): Diagnostic[] {
  const dag = resolved.ir;
  const diagnostics: Diagnostic[] = [];
  const here = { dag: dag.id };
  if (dag.dagrunTimeout !== undefined) checkDuration(diagnostics, here, "dagrunTimeout", dag.dagrunTimeout, optionAt(dag.location, "dagrunTimeout"));
  checkWhole(diagnostics, here, "maxActiveRuns", dag.maxActiveRuns, 1, INT32_MAX, optionAt(dag.location, "maxActiveRuns"));
  checkWhole(diagnostics, here, "maxActiveTasks", dag.maxActiveTasks, 1, INT32_MAX, optionAt(dag.location, "maxActiveTasks"));
  dag.tags.forEach((tag, index) => {
    if (tag.length === 0 || tag.length > MAX_TAG_LENGTH) diagnostics.push(diagnose("DW305", { dag: dag.id, tag, max: MAX_TAG_LENGTH }, optionAt(dag.location, "tags", index)));
  });
  for (const [owner, link] of Object.entries(dag.ownerLinks ?? {})) {
    if (!/^(https?:\/\/\S+|mailto:\S+)$/.test(link)) diagnostics.push(diagnose("DW130", { dag: dag.id, owner, link }, optionAt(dag.location, "ownerLinks", owner)));
  }
  diagnostics.push(...checkCallbacks(here, dag, DAG_CALLBACKS, dag.location));
  if (dag.orientation !== undefined && !capabilities.orientation) diagnostics.push(diagnose("DW182", { dag: dag.id, target: capabilities.target }, dag.location));
  if (dag.deadline?.length && !capabilities.deadlines) diagnostics.push(diagnose("DW183", { dag: dag.id, target: capabilities.target }, dag.location));
  for (const deadline of dag.deadline ?? []) {
    checkDuration(diagnostics, here, "deadline.interval", deadline.interval, dag.location);
    diagnostics.push(...checkCallable(here, deadline.callback, dag.location, "deadline.callback"));
    if (typeof deadline.reference === "object" && !parseUtcDate(deadline.reference.fixed)) {
      diagnostics.push(diagnose("DW184", { dag: dag.id, value: deadline.reference.fixed }, dag.location));
    }
    if (deadline.kwargs && "context" in deadline.kwargs) diagnostics.push(diagnose("DW186", { dag: dag.id }, dag.location));
  }
  for (const edge of resolved.edges) {
    if (edge.otherLabel) diagnostics.push(diagnose("DW185", { dag: dag.id, from: edge.from, to: edge.to, first: edge.label!, second: edge.otherLabel.label }, edge.otherLabel.location));
  }
  checkTaskOptions(diagnostics, { dag: dag.id, defaults: true }, dag.defaults, optionAt(dag.location, "defaults"));
  for (const group of dag.groups) checkTaskOptions(diagnostics, { dag: dag.id, group: group.id, defaults: true }, group.defaults, optionAt(group.location, "defaults"));
  for (const task of resolved.tasks) {
    const where = { dag: dag.id, task: task.id };
    const location = task.ir.location;
    checkTaskOptions(diagnostics, where, task.ir.options, location);
    // Callbacks and SLAs are checked where they take effect, whichever level set them.
    diagnostics.push(...checkCallbacks(where, task.effective, TASK_CALLBACKS, location));
    if (task.effective.sla !== undefined && !capabilities.sla) diagnostics.push(diagnose("DW124", { ...where, target: capabilities.target }, location));
    const rule = task.ir.options.triggerRule;
    if (rule !== undefined && !capabilities.triggerRules.has(rule)) {
      const since = firstTargetWith((other) => other.triggerRules.has(rule)) ?? "a newer version";
      diagnostics.push(diagnose("DW303", { ...where, rule, since, target: capabilities.target }, location));
    }
  }
  return diagnostics;
}

/**
 * The project's and folders' defaults in the config, checked like a DAG's own: a value there
 * reaches every task below it, so it is reported once, at the config.
 */
export function checkProjectDefaults(project: Project): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const fallback: Location = { file: CONFIG_FILE, line: 1, column: 1 };
  if (project.defaults) checkTaskOptions(diagnostics, { config: CONFIG_FILE, defaults: true }, project.defaults, project.configLocations?.defaults ?? fallback);
  for (const [folder, defaults] of Object.entries(project.folders ?? {})) {
    checkTaskOptions(diagnostics, { config: CONFIG_FILE, folder, defaults: true }, defaults, project.configLocations?.folders?.[folder] ?? fallback);
  }
  return diagnostics;
}

function checkTaskOptions(diagnostics: Diagnostic[], where: OptionsOwner, options: TaskOptions, location: Location): void {
  for (const name of DURATION_OPTIONS) {
    const value = options[name];
    if (value !== undefined) checkDuration(diagnostics, where, name, value, optionAt(location, name));
  }
  checkWhole(diagnostics, where, "retries", options.retries, 0, INT32_MAX, optionAt(location, "retries"));
  checkWhole(diagnostics, where, "poolSlots", options.poolSlots, 1, INT32_MAX, optionAt(location, "poolSlots"));
  checkWhole(diagnostics, where, "priorityWeight", options.priorityWeight, -INT32_MAX - 1, INT32_MAX, optionAt(location, "priorityWeight"));
  checkExecutorConfig(diagnostics, where, options.executorConfig, location);
}

/** DW180, DW181: a pod override is typed (the executor needs a V1Pod), with valid quantities. */
function checkExecutorConfig(diagnostics: Diagnostic[], where: OptionsOwner, config: TaskOptions["executorConfig"], location: Location): void {
  if (config === undefined) return;
  const keys = Object.keys(config);
  if (keys.length === 1 && keys[0] === "podOverride") {
    const { podOverride } = config as { podOverride: NonNullable<Extract<TaskOptions["executorConfig"], { podOverride: unknown }>["podOverride"]> };
    const resources = podOverride.container?.resources ?? {};
    for (const side of ["requests", "limits"] as const) {
      for (const [name, value] of Object.entries(resources[side] ?? {})) {
        if (!isQuantity(value)) diagnostics.push(diagnose("DW181", { where, field: `container.resources.${side}.${name}`, value }, optionAt(location, "executorConfig", "podOverride", "container", "resources", side, name)));
      }
    }
    for (const resource of Object.keys(resources.requests ?? {})) {
      const [request, limit] = [resources.requests?.[resource], resources.limits?.[resource]];
      const [requested, limited] = [quantityValue(request), quantityValue(limit)];
      if (requested !== undefined && limited !== undefined && requested > limited) {
        diagnostics.push(diagnose("DW181", { where, resource, request: request!, limit: limit! }, location));
      }
    }
    return;
  }
  // The IR schema refuses podOverride beside other keys (DW004); pod_override as JSON is refused here.
  for (const key of keys) if (key === "pod_override") diagnostics.push(diagnose("DW180", { where, key }, location));
}

/** DW301 for a duration Airflow could not read; schedules' intervals share it. */
export function checkDuration(diagnostics: Diagnostic[], where: OptionsOwner, option: string, value: string, location: Location): void {
  if (durationSeconds(value) === undefined) diagnostics.push(diagnose("DW301", { where, option, value }, location));
}

function checkWhole(diagnostics: Diagnostic[], where: OptionsOwner, option: string, value: number | undefined, min: number, max: number, location: Location): void {
  if (value === undefined || (Number.isInteger(value) && value >= min && value <= max)) return;
  diagnostics.push(diagnose("DW302", { where, option, value, min, max }, location));
}
