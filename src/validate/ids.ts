/** DW102-DW105, DW112 and DW114: ids Airflow would reject, and ids used twice. */
import { diagnose, type Diagnostic } from "../diagnostics/index.js";
import type { Location } from "../ir/schema.js";
import type { ResolvedProject } from "../ir/resolved.js";
import { AIRFLOW_ID, GROUP_ID } from "../values/names.js";

/** Airflow's 250-character id column, and its 200-character group ids. */
const MAX_ID_LENGTH = 250;
const MAX_GROUP_ID_LENGTH = 200;

export function checkIds(project: ResolvedProject): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const { ir: dag } of project.dags) {
    const problem = idProblem(dag.id);
    if (problem) diagnostics.push(diagnose("DW104", { dag: dag.id, problem }, dag.location));
    for (const task of dag.tasks) {
      const taskProblem = idProblem(task.id);
      if (taskProblem) diagnostics.push(diagnose("DW105", { dag: dag.id, task: task.id, problem: taskProblem }, task.location));
    }
    for (const [id, locations] of repeated(dag.tasks.map((task) => [task.id, task.location]))) {
      diagnostics.push(diagnose("DW102", { dag: dag.id, task: id, count: locations.length }, locations[1], definitions(id, locations)));
    }
    for (const task of dag.tasks) diagnostics.push(...crossDagIdProblems(dag.id, task));
    const taskIds = new Set(dag.tasks.map((task) => task.id));
    for (const group of dag.groups) {
      const local = group.parent === undefined ? group.id : group.id.slice(group.parent.length + 1);
      if (!GROUP_ID.test(local) || local.length > MAX_GROUP_ID_LENGTH) diagnostics.push(diagnose("DW112", { dag: dag.id, group: local }, group.location));
      if (taskIds.has(group.id)) diagnostics.push(diagnose("DW102", { dag: dag.id, groupAndTask: group.id }, group.location));
    }
  }
  for (const [id, locations] of repeated(project.dags.map((dag) => [dag.id, dag.ir.location]))) {
    diagnostics.push(diagnose("DW103", { dag: id, count: locations.length }, locations[1], definitions(id, locations)));
  }
  return diagnostics;
}

/** DW114: the ids a sensor, marker or trigger names in another DAG, which Airflow would refuse there too. */
function crossDagIdProblems(dagId: string, task: ResolvedProject["dags"][number]["ir"]["tasks"][number]): Diagnostic[] {
  const config = task.config as { externalDag?: string; targetDag?: string; externalTask?: string; externalTaskGroup?: string };
  const named: Array<[option: string, id: string | undefined, group: boolean]> = [
    ["dag", config.externalDag ?? config.targetDag, false],
    ["task", config.externalTask, false],
    ["taskGroup", config.externalTaskGroup, true],
  ];
  return named.flatMap(([option, id, group]) => {
    if (id === undefined) return [];
    const problem = group ? (GROUP_ID.test(id) && id.length <= MAX_GROUP_ID_LENGTH ? undefined : "is not a task group id Airflow accepts") : idProblem(id);
    return problem ? [diagnose("DW114", { dag: dagId, task: task.id, option, id, problem }, task.location)] : [];
  });
}

function definitions(id: string, locations: Location[]) {
  return locations.map((location, index) => ({ message: `definition ${index + 1} of ${JSON.stringify(id)}`, location }));
}

function idProblem(id: string): string | undefined {
  if (id.length === 0) return "is empty";
  if (id.length > MAX_ID_LENGTH) return `is ${id.length} characters long; Airflow allows at most ${MAX_ID_LENGTH}`;
  if (!AIRFLOW_ID.test(id)) {
    const bad = [...new Set([...id].filter((char) => !AIRFLOW_ID.test(char)))].map((char) => JSON.stringify(char)).join(", ");
    return `contains characters Airflow rejects: ${bad}`;
  }
  return undefined;
}

/** Each id that occurs more than once, with all of its locations, in first-seen order. */
function repeated(entries: Array<[string, Location]>): Array<[string, Location[]]> {
  const byId = new Map<string, Location[]>();
  for (const [id, location] of entries) {
    const list = byId.get(id);
    if (list) list.push(location);
    else byId.set(id, [location]);
  }
  return [...byId].filter(([, locations]) => locations.length > 1);
}
