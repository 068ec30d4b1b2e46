/**
 * DW112-DW113 and DW120-DW131: the wider authoring surface: task groups, branches and joins,
 * sensors and triggers of other DAGs, mapping, pods, setup and teardown, params, owner links,
 * callbacks and the operator escape hatch.
 */
import type { Diagnostic } from "../ir/diagnostic.js";
import type { AirflowTarget, Dag, Param, Project, Task } from "../ir/schema.js";
import { downstreamOf, effectiveTaskOptions, groupMembers, taskEdges } from "../ir/structure.js";
import { airflowMajor } from "../ir/target.js";
import { diagnose, q } from "./diagnose.js";
import { DNS_LABEL, PYTHON_CALLABLE } from "./patterns.js";

const GROUP_ID = /^[A-Za-z0-9_-]+$/;
const OPERATOR_IMPORT = /^airflow(\.[A-Za-z_]\w*)+\.[A-Za-z_]\w*$/;
const PYTHON_IDENTIFIER = /^[A-Za-z_]\w*$/;
/** Airflow's `[core] max_map_length` default: more mapped instances fail the run. */
const MAX_MAP_LENGTH = 1024;
/** Kubernetes quantities: a number and an optional decimal or binary suffix. */
const QUANTITY = /^(\d+(\.\d+)?|\.\d+)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/;

export function checkSurface(project: Project, dag: Dag): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const where = (task: Task) => `task ${q(task.id)} of DAG ${q(dag.id)}`;
  const edges = taskEdges(dag);
  const successorsOf = (id: string) => new Set(edges.filter((edge) => edge.from === id).map((edge) => edge.to));
  const taskIds = new Set(dag.tasks.map((task) => task.id));

  for (const group of dag.groups) {
    const local = group.parent === undefined ? group.id : group.id.slice(group.parent.length + 1);
    if (!GROUP_ID.test(local) || local.length > 200) {
      diagnostics.push(diagnose("DW112", `task group id ${q(local)} in DAG ${q(dag.id)} is not one Airflow accepts`, group.location));
    }
    if (taskIds.has(group.id)) {
      diagnostics.push(diagnose("DW102", `${q(group.id)} in DAG ${q(dag.id)} is both a task group and a task`, group.location));
    }
  }

  for (const task of dag.tasks) {
    const config = task.config;
    const options = effectiveTaskOptions(project, dag, task);
    for (const [name, value] of [
      ["onFailure", options.onFailure],
      ["onSuccess", options.onSuccess],
      ["onRetry", options.onRetry],
      ["onExecute", options.onExecute],
    ] as const) {
      if (value !== undefined && !PYTHON_CALLABLE.test(value)) {
        diagnostics.push(diagnose("DW304", `${where(task)}: callback ${name} ${q(value)} is not "package.module:function"`, task.location));
      }
    }
    if (options.sla !== undefined && airflowMajor(project.airflow) === 3) {
      diagnostics.push(diagnose("DW124", `${where(task)} sets sla, which Airflow 3 removed; it is left out of the generated file`, task.location));
    }
    switch (config.kind) {
      case "branch":
      case "short_circuit":
        if (!PYTHON_CALLABLE.test(config.callable)) {
          diagnostics.push(diagnose("DW304", `${where(task)} has callable ${q(config.callable)}, not "package.module:function"`, task.location));
        }
        if (config.kind === "branch") checkBranch(diagnostics, project, dag, task, config.targets, successorsOf, edges);
        break;
      case "external_task_sensor":
      case "trigger_dag":
        checkOtherDag(diagnostics, project, dag, task, config);
        if (config.kind === "external_task_sensor") checkSensor(diagnostics, project.airflow, dag, task);
        break;
      case "file_sensor":
      case "time_delta_sensor":
      case "date_time_sensor":
        checkSensor(diagnostics, project.airflow, dag, task);
        break;
      case "bash":
      case "python": {
        const lists = config.kind === "python" ? [config.expand?.kwargs] : [Array.isArray(config.expand?.command) ? config.expand?.command : undefined, config.expand?.env];
        for (const list of lists) {
          if (list !== undefined && (list.length === 0 || list.length > MAX_MAP_LENGTH)) {
            diagnostics.push(
              diagnose("DW127", `${where(task)} maps over ${list.length} values; Airflow maps over 1 to ${MAX_MAP_LENGTH}`, task.location),
            );
          }
        }
        const mapped = config.kind === "bash" && config.expand?.command && !Array.isArray(config.expand.command) ? [config.expand.command.output] : [];
        const passed = config.kind === "python" ? Object.values(config.kwargsFromOutputs ?? {}) : [];
        for (const source of [...mapped, ...passed]) {
          if (!taskIds.has(source)) {
            diagnostics.push(diagnose("DW113", `${where(task)} uses the output of ${q(source)}, which is not a task of this DAG`, task.location));
          }
        }
        break;
      }
      case "pod":
        checkPod(diagnostics, task, where(task));
        break;
      case "operator":
        if (!OPERATOR_IMPORT.test(config.import)) {
          diagnostics.push(diagnose("DW126", `${where(task)}: ${q(config.import)} is not the import path of an Airflow operator class`, task.location));
        }
        for (const name of Object.keys(config.args)) {
          if (!PYTHON_IDENTIFIER.test(name) || name === "task_id") {
            diagnostics.push(diagnose("DW126", `${where(task)}: ${q(name)} cannot be an operator argument`, task.location, { hint: "use Python identifiers; the task id comes from the builder" }));
          }
        }
        break;
    }
  }

  checkSetupTeardown(diagnostics, project, dag, successorsOf);
  checkParams(diagnostics, dag);
  for (const [owner, link] of Object.entries(dag.ownerLinks ?? {})) {
    if (!/^(https?:\/\/\S+|mailto:\S+)$/.test(link)) {
      diagnostics.push(diagnose("DW130", `DAG ${q(dag.id)} has owner link ${q(link)} for ${q(owner)}; Airflow accepts http(s) and mailto links`, dag.location));
    }
  }
  for (const [name, value] of [
    ["onFailure", dag.onFailure],
    ["onSuccess", dag.onSuccess],
  ] as const) {
    if (value !== undefined && !PYTHON_CALLABLE.test(value)) {
      diagnostics.push(diagnose("DW304", `DAG ${q(dag.id)}: callback ${name} ${q(value)} is not "package.module:function"`, dag.location));
    }
  }
  return diagnostics;
}

function checkBranch(
  diagnostics: Diagnostic[],
  project: Project,
  dag: Dag,
  branch: Task,
  targets: string[],
  successorsOf: (id: string) => Set<string>,
  edges: ReturnType<typeof taskEdges>,
): void {
  const direct = successorsOf(branch.id);
  const members = (id: string) => groupMembers(dag, id);
  for (const target of targets) {
    const isGroup = dag.groups.some((group) => group.id === target);
    const reached = isGroup ? members(target).some((id) => direct.has(id)) : direct.has(target);
    if (!reached) {
      diagnostics.push(
        diagnose("DW120", `branch ${q(branch.id)} of DAG ${q(dag.id)} may choose ${q(target)}, which is not directly downstream of it`, branch.location, {
          hint: `link it: branch.then(${target.split(".").pop()}); Airflow only follows a branch to its direct downstream tasks`,
        }),
      );
    }
  }
  // A task after two paths of a branch waits for both; with all_success it is skipped.
  const paths = new Map<string, Set<string>>();
  for (const target of targets) {
    const start = dag.groups.some((group) => group.id === target) ? members(target) : [target];
    paths.set(target, new Set([...start, ...downstreamOf(edges, start)]));
  }
  for (const task of dag.tasks) {
    const reachedFrom = [...paths].filter(([, seen]) => seen.has(task.id)).map(([target]) => target);
    const inTargets = targets.includes(task.id) || targets.some((target) => task.group === target || task.group?.startsWith(`${target}.`));
    if (reachedFrom.length < 2 || inTargets) continue;
    const ups = edges.filter((edge) => edge.to === task.id).map((edge) => edge.from);
    const joins = ups.filter((up) => [...paths.values()].some((seen) => seen.has(up)));
    const rule = effectiveTaskOptions(project, dag, task).triggerRule ?? "all_success";
    if (joins.length >= 2 && (rule === "all_success" || rule === "all_failed" || rule === "none_skipped")) {
      diagnostics.push(
        diagnose("DW121", `task ${q(task.id)} of DAG ${q(dag.id)} joins paths of branch ${q(branch.id)} with trigger rule ${q(rule)}, so it is skipped whenever one path is`, task.location, {
          hint: 'give it triggerRule: "none_failed_min_one_success"',
        }),
      );
    }
  }
}

function checkOtherDag(
  diagnostics: Diagnostic[],
  project: Project,
  dag: Dag,
  task: Task,
  config: Extract<Task["config"], { kind: "external_task_sensor" | "trigger_dag" }>,
): void {
  const targetId = config.kind === "trigger_dag" ? config.targetDag : config.externalDag;
  if (config.external) return;
  const target = project.dags.find((candidate) => candidate.id === targetId);
  const verb = config.kind === "trigger_dag" ? "triggers" : "waits for";
  if (!target) {
    diagnostics.push(
      diagnose("DW122", `task ${q(task.id)} of DAG ${q(dag.id)} ${verb} DAG ${q(targetId)}, which is not in the project`, task.location, {
        hint: `pass the DAG object, or external(${q(targetId)}) for a DAG defined elsewhere`,
      }),
    );
    return;
  }
  if (config.kind === "external_task_sensor" && config.externalTask !== undefined && !target.tasks.some((candidate) => candidate.id === config.externalTask)) {
    diagnostics.push(diagnose("DW122", `task ${q(task.id)} of DAG ${q(dag.id)} waits for task ${q(config.externalTask)}, which DAG ${q(targetId)} does not have`, task.location));
  }
}

function checkSensor(diagnostics: Diagnostic[], airflow: AirflowTarget, dag: Dag, task: Task): void {
  const config = task.config as { kind: string; deferrable?: boolean; mode?: string };
  if (!config.deferrable) return;
  const supported =
    config.kind === "external_task_sensor" || config.kind === "file_sensor" || (config.kind === "time_delta_sensor" && airflowMajor(airflow) === 3);
  if (!supported) {
    diagnostics.push(
      diagnose("DW123", `task ${q(task.id)} of DAG ${q(dag.id)}: this sensor cannot be deferrable on Airflow ${airflow}`, task.location, {
        hint: 'use mode: "reschedule" to free the worker between checks',
      }),
    );
  }
}

function checkPod(diagnostics: Diagnostic[], task: Task, where: string): void {
  const config = task.config as Extract<Task["config"], { kind: "pod" }>;
  const resources = config.resources ?? {};
  for (const side of ["requests", "limits"] as const) {
    for (const [name, value] of Object.entries(resources[side] ?? {})) {
      if (value !== undefined && !QUANTITY.test(value)) {
        diagnostics.push(diagnose("DW125", `${where}: resources.${side}.${name} ${q(value)} is not a Kubernetes quantity`, task.location));
      }
    }
  }
  for (const name of ["cpu", "memory"] as const) {
    const request = quantityValue(resources.requests?.[name]);
    const limit = quantityValue(resources.limits?.[name]);
    if (request !== undefined && limit !== undefined && request > limit) {
      diagnostics.push(diagnose("DW125", `${where}: the ${name} request (${resources.requests?.[name]}) is above its limit (${resources.limits?.[name]})`, task.location));
    }
  }
  if (config.namespace !== undefined && !DNS_LABEL.test(config.namespace)) {
    diagnostics.push(diagnose("DW413", `${where}: namespace ${q(config.namespace)} is not a valid Kubernetes name`, task.location));
  }
}

const QUANTITY_FACTORS: Record<string, number> = { "": 1, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };

function quantityValue(text: string | undefined): number | undefined {
  const match = text === undefined ? null : /^(\d+(?:\.\d+)?|\.\d+)(\w*)$/.exec(text);
  return match && QUANTITY.test(text!) ? Number(match[1]) * QUANTITY_FACTORS[match[2]!]! : undefined;
}

function checkSetupTeardown(diagnostics: Diagnostic[], project: Project, dag: Dag, successorsOf: (id: string) => Set<string>): void {
  const setups = new Set(dag.tasks.filter((task) => task.options.setup).map((task) => task.id));
  for (const task of dag.tasks) {
    const teardown = task.options.teardown;
    if (teardown && task.options.setup) {
      diagnostics.push(diagnose("DW128", `task ${q(task.id)} of DAG ${q(dag.id)} cannot be both a setup and a teardown`, task.location));
    }
    for (const setup of teardown?.setups ?? []) {
      if (!setups.has(setup)) {
        diagnostics.push(
          diagnose("DW128", `teardown ${q(task.id)} of DAG ${q(dag.id)} names ${q(setup)}, which is not a setup task of this DAG`, task.location, {
            hint: "mark that task with setup: true",
          }),
        );
      }
    }
  }
  // Airflow refuses a DAG where work right after a setup could run although the setup failed.
  for (const setup of setups) {
    for (const id of successorsOf(setup)) {
      const task = dag.tasks.find((candidate) => candidate.id === id)!;
      if (task.options.teardown) continue;
      const rule = effectiveTaskOptions(project, dag, task).triggerRule ?? "all_success";
      if (rule !== "all_success") {
        diagnostics.push(
          diagnose("DW128", `task ${q(task.id)} of DAG ${q(dag.id)} follows setup ${q(setup)} with trigger rule ${q(rule)}; Airflow requires all_success there`, task.location),
        );
      }
    }
  }
}

function checkParams(diagnostics: Diagnostic[], dag: Dag): void {
  for (const [name, spec] of Object.entries(dag.params ?? {})) {
    const problem = paramProblem(spec);
    if (problem) diagnostics.push(diagnose("DW129", `param ${q(name)} of DAG ${q(dag.id)}: ${problem}`, dag.location));
    if (spec.default === undefined && dag.schedule.kind !== "manual") {
      diagnostics.push(
        diagnose("DW129", `param ${q(name)} of DAG ${q(dag.id)} has no default, but scheduled runs cannot be given one`, dag.location, {
          hint: "give it a default, or make the DAG manual (schedule: null)",
        }),
      );
    }
  }
}

function paramProblem(spec: Param): string | undefined {
  const value = spec.default;
  if (value === undefined) return undefined;
  const matches: Record<Param["type"], boolean> = {
    string: typeof value === "string",
    integer: typeof value === "number" && Number.isInteger(value),
    number: typeof value === "number",
    boolean: typeof value === "boolean",
    array: Array.isArray(value),
    object: typeof value === "object" && value !== null && !Array.isArray(value),
  };
  if (!matches[spec.type]) return `the default ${JSON.stringify(value)} is not of type ${spec.type}`;
  if (spec.enum && !spec.enum.some((option) => JSON.stringify(option) === JSON.stringify(value))) return `the default ${JSON.stringify(value)} is not one of its enum values`;
  if (typeof value === "number" && spec.minimum !== undefined && value < spec.minimum) return `the default ${value} is below the minimum ${spec.minimum}`;
  if (typeof value === "number" && spec.maximum !== undefined && value > spec.maximum) return `the default ${value} is above the maximum ${spec.maximum}`;
  if (typeof value === "string" && spec.minLength !== undefined && value.length < spec.minLength) return `the default is shorter than minLength ${spec.minLength}`;
  if (typeof value === "string" && spec.maxLength !== undefined && value.length > spec.maxLength) return `the default is longer than maxLength ${spec.maxLength}`;
  if (typeof value === "string" && spec.format === "date" && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return `the default ${JSON.stringify(value)} is not a date (YYYY-MM-DD)`;
  return undefined;
}
