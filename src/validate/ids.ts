/** DW102-DW105: ids Airflow would reject, and ids used twice. */
import type { Diagnostic } from "../ir/diagnostic.js";
import type { Dag, Location } from "../ir/schema.js";
import { diagnose, q } from "./diagnose.js";

/** Airflow's KEY_REGEX restricted to ASCII, as Airflow documents it, and its 250-character column. */
const AIRFLOW_ID = /^[A-Za-z0-9_.-]+$/;
const MAX_ID_LENGTH = 250;

export function checkIds(dags: readonly Dag[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const dag of dags) {
    const problem = idProblem(dag.id);
    if (problem) diagnostics.push(diagnose("DW104", `DAG id ${q(dag.id)} ${problem}`, dag.location));
    for (const task of dag.tasks) {
      const taskProblem = idProblem(task.id);
      if (taskProblem) {
        diagnostics.push(diagnose("DW105", `task id ${q(task.id)} in DAG ${q(dag.id)} ${taskProblem}`, task.location));
      }
    }
    for (const [id, locations] of repeated(dag.tasks.map((task) => [task.id, task.location]))) {
      diagnostics.push(
        diagnose("DW102", `task id ${q(id)} is used ${locations.length} times in DAG ${q(dag.id)}`, locations[1], {
          related: locations.map((location, index) => ({ message: `definition ${index + 1} of ${q(id)}`, location })),
        }),
      );
    }
  }
  for (const [id, locations] of repeated(dags.map((dag) => [dag.id, dag.location]))) {
    diagnostics.push(
      diagnose("DW103", `DAG id ${q(id)} is defined ${locations.length} times`, locations[1], {
        related: locations.map((location, index) => ({ message: `definition ${index + 1} of ${q(id)}`, location })),
      }),
    );
  }
  return diagnostics;
}

function idProblem(id: string): string | undefined {
  if (id.length === 0) return "is empty";
  if (id.length > MAX_ID_LENGTH) return `is ${id.length} characters long; Airflow allows at most ${MAX_ID_LENGTH}`;
  if (!AIRFLOW_ID.test(id)) {
    const bad = [...new Set([...id].filter((char) => !AIRFLOW_ID.test(char)))].map(q).join(", ");
    return `contains characters Airflow rejects: ${bad}`;
  }
  return undefined;
}

/** Each id that occurs more than once, with all of its locations, in first-seen order. */
function repeated(entries: Array<[string, Location]>): Array<[string, Location[]]> {
  const byId = new Map<string, Location[]>();
  for (const [id, location] of entries) byId.set(id, [...(byId.get(id) ?? []), location]);
  return [...byId].filter(([, locations]) => locations.length > 1);
}

