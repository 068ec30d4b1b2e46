/**
 * Validation: each rule is a small pure function over the IR (and, for graph questions, the
 * DAG's dependency graph) that returns diagnostics with stable codes.
 */
import { sortDiagnostics, type Diagnostic } from "../ir/diagnostic.js";
import type { Project } from "../ir/schema.js";
import { diagnose, q } from "./diagnose.js";
import { checkDependencies } from "./dependencies.js";
import { dependencyGraph } from "./graph.js";
import { checkIds } from "./ids.js";
import { checkLineage } from "./lineage.js";
import { checkOptions } from "./options.js";
import { checkSchedule } from "./schedule.js";
import { checkShape } from "./shape.js";
import { checkSpark } from "./spark.js";
import { checkSurface } from "./surface.js";

export function validate(project: Project): Diagnostic[] {
  // Every other rule relies on the IR's shape, so a malformed IR is reported alone.
  const shape = checkShape(project.dags);
  if (shape.length > 0) return sortDiagnostics(shape);
  const diagnostics = [...checkIds(project.dags), ...checkLineage(project)];
  for (const dag of project.dags) {
    if (dag.tasks.length === 0) diagnostics.push(diagnose("DW107", `DAG ${q(dag.id)} has no tasks`, dag.location));
    diagnostics.push(...checkDependencies(dag, dependencyGraph(dag)));
    diagnostics.push(...checkSchedule(dag));
    diagnostics.push(...checkOptions(dag, project.airflow));
    diagnostics.push(...checkSpark(project, dag));
    diagnostics.push(...checkSurface(project, dag));
  }
  return sortDiagnostics(diagnostics);
}

export { CODES, type Code, type CodeInfo } from "./codes.js";
