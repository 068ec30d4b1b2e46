/**
 * DW004: the IR a module built has the shape the schemas describe. The authoring API's types
 * catch most mistakes; this catches what escaped them (casts, plain JavaScript), before any
 * later stage reads the IR.
 */
import type { z } from "zod";
import { diagnose, type Diagnostic, type Subject } from "../diagnostics/index.js";
import { BUILDERS } from "../dsl/kinds/index.js";
import { Dag } from "../ir/schema.js";

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
  let where: Subject = { dag: dag.id };
  let location = dag.location;
  if (path[0] === "tasks" && typeof path[1] === "number") {
    const task = dag.tasks[path[1]];
    if (task) {
      where = { dag: dag.id, task: task.id };
      location = task.location ?? location;
    }
    path.splice(0, 2);
  }
  const kind = path[0] === "config" ? (dag.tasks[issue.path[1] as number]?.config as { kind?: string } | undefined)?.kind : undefined;
  if (kind !== undefined && typeof path[1] === "string") path[1] = optionName(kind, path[1]);
  const field = optionPath(path);
  const problem =
    issue.code === "unrecognized_keys"
      ? `unknown option${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((key) => JSON.stringify(key)).join(", ")}`
      : `${field ? `option ${JSON.stringify(field)}` : "value"}: ${issue.message}`;
  return diagnose("DW004", { where, problem }, location);
}

/** The option an IR field came from: the same name unless the kind's builder renames it. */
function optionName(kind: string, field: string): string {
  const builder = (BUILDERS as Record<string, { keys: readonly string[]; renames?: Record<string, string> }>)[kind];
  if (!builder || builder.keys.includes(field)) return field;
  const option = Object.entries(builder.renames ?? {}).find(([, irField]) => irField === field)?.[0];
  return option ?? field;
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
