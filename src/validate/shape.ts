/** DW004: the IR a module built has the shape the schemas describe (catches what escaped the types). */
import type { z } from "zod";
import type { Diagnostic } from "../ir/diagnostic.js";
import { Dag } from "../ir/schema.js";
import { diagnose, q } from "./diagnose.js";

export function checkShape(dags: readonly Dag[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const dag of dags) {
    const result = Dag.safeParse(dag);
    if (result.success) continue;
    for (const issue of result.error.issues) diagnostics.push(describeIssue(dag, issue));
  }
  return diagnostics;
}

function describeIssue(dag: Dag, issue: z.core.$ZodIssue): Diagnostic {
  const path = [...issue.path];
  let where = `DAG ${q(dag.id)}`;
  let location = dag.location;
  if (path[0] === "tasks" && typeof path[1] === "number") {
    const task = dag.tasks[path[1]];
    if (task) {
      where = `task ${q(task.id)} of DAG ${q(dag.id)}`;
      location = task.location ?? location;
    }
    path.splice(0, 2);
  }
  const field = optionPath(path);
  const what =
    issue.code === "unrecognized_keys"
      ? `unknown option${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((key) => `${q(key)}`).join(", ")}`
      : `${field ? `option ${q(field)}` : "value"}: ${issue.message}`;
  return diagnose("DW004", `${where}: ${what}`, location);
}

/** The option's name as the author wrote it, without the IR's grouping keys. */
function optionPath(path: PropertyKey[]): string {
  const skip = new Set(["options", "config"]);
  return path
    .filter((part, index) => !(index === 0 && typeof part === "string" && skip.has(part)))
    .map((part) => (typeof part === "number" ? `[${part}]` : `.${String(part)}`))
    .join("")
    .replace(/^\./, "");
}
