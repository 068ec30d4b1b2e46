/** Python variable names for a DAG's tasks and groups, derived from their ids, distinct and never a keyword. */
import { GENERATED_NAMES, PYTHON_KEYWORDS, PYTHON_NAMES } from "../../capabilities/index.js";
import type { Dag } from "../../ir/schema.js";
import { parseImportPath } from "../../values/python.js";

const TAKEN = new Set<string>([...GENERATED_NAMES, ...PYTHON_NAMES]);

/**
 * A distinct Python variable per task, per group ("group:<id>", the function of a mapped group)
 * and per mapped Python task's keyword-argument builder ("kwargs:<id>"). Mapped groups'
 * arguments are taken first: they are parameters the group's tasks see.
 */
export function variableNames(dag: Dag): Map<string, string> {
  const used = new Set(TAKEN);
  for (const group of dag.groups) for (const argument of Object.keys(group.expand ?? {})) used.add(argument);
  // The classes escape-hatch operators import keep their own names.
  for (const task of dag.tasks) {
    if (task.config.kind !== "operator") continue;
    const parsed = parseImportPath(task.config.import);
    if (!("problem" in parsed)) used.add(parsed.name);
  }
  const names = new Map<string, string>();
  const claim = (key: string, id: string, suffix: string) => {
    let base = id.replace(/[^A-Za-z0-9_]/g, "_") + suffix;
    if (/^[0-9]/.test(base) || base === "" || base === "_") base = `task_${base}`;
    if (PYTHON_KEYWORDS.has(base) || TAKEN.has(base)) base = `${base}_task`;
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
    used.add(name);
    names.set(key, name);
  };
  for (const task of dag.tasks) claim(task.id, task.id, "");
  for (const group of dag.groups) claim(`group:${group.id}`, group.id, "_group");
  for (const task of dag.tasks) if (task.config.kind === "python" && task.config.expand) claim(`kwargs:${task.id}`, task.id, "_kwargs");
  // The function Airflow sends to another interpreter as source (see operators/other-interpreter.ts).
  for (const task of dag.tasks) if (task.config.kind === "python_virtualenv" || task.config.kind === "external_python") claim(`call:${task.id}`, task.id, "_call");
  return names;
}
