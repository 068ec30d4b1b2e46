/**
 * DW115, DW116: what CPython's parser refuses, so a green compile still means every file
 * imports. CPython allows 20 statically nested blocks (the DAG's `with` is one, each task group
 * another) and 200 nested brackets on a line (a literal inside a call inside a dict...).
 */
import { diagnose, type Diagnostic } from "../diagnostics/index.js";
import type { ResolvedDag } from "../ir/resolved.js";

/** CPython's CO_MAXBLOCKS, less the DAG's own `with` block. */
export const MAX_GROUP_DEPTH = 19;
/** CPython's tokenizer allows 200 open brackets; a task's call and its keyword's dict take a few. */
export const MAX_VALUE_DEPTH = 190;

export function checkPythonLimits(dag: ResolvedDag): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const byId = new Map(dag.ir.groups.map((group) => [group.id, group]));
  const depthOf = (id: string | undefined): number => {
    let depth = 0;
    for (let current = id; current !== undefined; current = byId.get(current)?.parent) depth++;
    return depth;
  };
  for (const group of dag.ir.groups) {
    const depth = depthOf(group.id);
    // Reported once, at the first group past the limit on its path.
    if (depth === MAX_GROUP_DEPTH + 1) diagnostics.push(diagnose("DW115", { dag: dag.ir.id, group: group.id, depth, max: MAX_GROUP_DEPTH }, group.location));
  }
  for (const task of dag.ir.tasks) {
    const depth = nesting(task.config);
    if (depth > MAX_VALUE_DEPTH) diagnostics.push(diagnose("DW116", { dag: dag.ir.id, task: task.id, depth, max: MAX_VALUE_DEPTH }, task.location));
  }
  return diagnostics;
}

/** How deeply lists and objects nest in a value (0 for a scalar), without recursion. */
function nesting(value: unknown): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== "object" || current === null) continue;
    deepest = Math.max(deepest, depth + 1);
    for (const item of Object.values(current)) stack.push([item, depth + 1]);
  }
  return deepest;
}
