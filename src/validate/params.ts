/** DW129: a DAG's params: defaults that fit their types and limits, and defaults for scheduled runs. */
import { diagnose, type Diagnostic } from "../diagnostics/index.js";
import type { Dag, Param } from "../ir/schema.js";

export function checkParams(dag: Dag): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const [param, spec] of Object.entries(dag.params ?? {})) {
    const problem = paramProblem(spec);
    if (problem) diagnostics.push(diagnose("DW129", { dag: dag.id, param, problem }, dag.location));
    if (spec.default === undefined && dag.schedule.kind !== "manual") diagnostics.push(diagnose("DW129", { dag: dag.id, param, noDefault: true }, dag.location));
  }
  return diagnostics;
}

function paramProblem(spec: Param): string | undefined {
  const value = spec.default;
  if (value === undefined) return undefined;
  const matches: Record<Param["type"], boolean> = {
    string: typeof value === "string",
    integer: typeof value === "number" && Number.isInteger(value),
    number: typeof value === "number",
    boolean: typeof value === "boolean",
    array: Array.isArray(value),
    object: typeof value === "object" && value !== null && !Array.isArray(value),
  };
  if (!matches[spec.type]) return `the default ${JSON.stringify(value)} is not of type ${spec.type}`;
  if (spec.enum && !spec.enum.some((option) => JSON.stringify(option) === JSON.stringify(value))) return `the default ${JSON.stringify(value)} is not one of its enum values`;
  if (typeof value === "number" && spec.minimum !== undefined && value < spec.minimum) return `the default ${value} is below the minimum ${spec.minimum}`;
  if (typeof value === "number" && spec.maximum !== undefined && value > spec.maximum) return `the default ${value} is above the maximum ${spec.maximum}`;
  if (typeof value === "string" && spec.minLength !== undefined && value.length < spec.minLength) return `the default is shorter than minLength ${spec.minLength}`;
  if (typeof value === "string" && spec.maxLength !== undefined && value.length > spec.maxLength) return `the default is longer than maxLength ${spec.maxLength}`;
  if (typeof value === "string" && spec.format === "date" && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return `the default ${JSON.stringify(value)} is not a date (YYYY-MM-DD)`;
  return undefined;
}
