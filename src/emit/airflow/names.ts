/** Python variable names for a DAG's tasks and groups, derived from their ids, distinct and never a keyword. */
import { PYTHON_NAMES } from "../../capabilities/index.js";
import type { Dag } from "../../ir/schema.js";

const PYTHON_KEYWORDS = new Set(
  "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield".split(
    " ",
  ),
);
/** Names the generated file defines or imports itself. */
const TAKEN = new Set<string>(["dag", "datetime", "annotations", "_Callable", "_callback", "Dataset", "DatasetAll", "DatasetAny", ...PYTHON_NAMES]);

/** A distinct Python variable per task and per group ("group:<id>"). */
export function variableNames(dag: Dag): Map<string, string> {
  const used = new Set(TAKEN);
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
  return names;
}
