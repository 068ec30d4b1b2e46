/** Dynamic task mapping, read one way for every stage that asks. */
import type { Group, Task } from "./schema.js";

/** Whether a task runs once per value: it maps over a list, or a group it sits in (at any depth) does. */
export function isMapped(task: Pick<Task, "config" | "group">, groups: ReadonlyArray<Pick<Group, "id" | "parent" | "expand">>): boolean {
  if ((task.config as { expand?: unknown }).expand !== undefined) return true;
  const byId = new Map(groups.map((group) => [group.id, group]));
  for (let group = task.group ? byId.get(task.group) : undefined; group; group = group.parent ? byId.get(group.parent) : undefined) {
    if (group.expand !== undefined) return true;
  }
  return false;
}
