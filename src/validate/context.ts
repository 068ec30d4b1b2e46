/** What every rule is given: the resolved project, the DAG at hand, and the target's capabilities. */
import type { Capabilities } from "../capabilities/index.js";
import type { TaskKind } from "../ir/kinds/index.js";
import type { ResolvedDag, ResolvedProject, ResolvedTask, ResolvedTaskOf } from "../ir/resolved.js";
import type { Diagnostic } from "../diagnostics/index.js";

export interface RuleContext {
  project: ResolvedProject;
  dag: ResolvedDag;
  capabilities: Capabilities;
}

/** A task of one kind, with its configuration typed for that kind. */
export type TaskOf<K extends TaskKind> = ResolvedTaskOf<K>;

/** The rules of one task kind. */
export type KindRule<K extends TaskKind> = (task: TaskOf<K>, context: RuleContext) => Diagnostic[];

/** The task and DAG a task-level message names. */
export function about(task: ResolvedTask): { dag: string; task: string } {
  return { dag: task.dagId, task: task.id };
}
