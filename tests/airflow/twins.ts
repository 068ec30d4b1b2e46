/**
 * Twins: hand-written Airflow DAGs (tests/airflow/twins/<dag_id>.py, as Airflow users write
 * them) beside the dagwright examples that say the same. Airflow parses both, and every field
 * the inspector reads must agree: the measure of "dagwright says exactly what that DAG says".
 */
import fs from "node:fs";
import path from "node:path";
import type { InspectedDag, Inspection } from "./structure.js";
import { REPO_ROOT } from "./venvs.mjs";

export const TWINS_DIR = path.join(REPO_ROOT, "tests", "airflow", "twins");

export interface Twin {
  dagId: string;
  file: string;
  /** The Airflow lines the twin is written for (from its `# lines:` header). */
  lines: string[];
}

export function twins(): Twin[] {
  return fs
    .readdirSync(TWINS_DIR)
    .filter((name) => name.endsWith(".py"))
    .sort()
    .map((name) => {
      const text = fs.readFileSync(path.join(TWINS_DIR, name), "utf8");
      const lines = /^# lines: (.+)$/m.exec(text)?.[1]?.trim().split(/\s+/) ?? [];
      return { dagId: name.replace(/\.py$/, ""), file: name, lines };
    });
}

/** What a DAG says, without what only tells where it was written or how: its file, and default_args (each task's values are compared). */
function comparable(dag: InspectedDag): Record<string, unknown> {
  const { file: _file, default_args: _defaults, ...rest } = dag as InspectedDag & { default_args?: unknown };
  // How a value reached the operator (constructor keyword, or an attribute set afterwards as
  // Airflow's tutorial sets doc_md) is spelling, not structure: the parsed fields are compared.
  const tasks = Object.fromEntries(
    Object.entries((rest as { tasks?: Record<string, Record<string, unknown>> }).tasks ?? {}).map(([id, task]) => {
      const { arguments: _arguments, ...fields } = task;
      return [id, fields];
    }),
  );
  return normalise({ ...rest, tasks }) as Record<string, unknown>;
}

/** dagwright's lazily imported callables name their function as "module:function"; a plain one is "module.function". */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === "object") {
    const object = value as Record<string, unknown>;
    if (typeof object.callable === "string" && Object.keys(object).length === 1) return object.callable.replace(":", ".");
    return Object.fromEntries(Object.entries(object).map(([key, item]) => [key, normalise(item)]));
  }
  return value;
}

/** Every path at which two JSON values differ, as "path: twin X, dagwright Y". */
function differences(where: string, twin: unknown, ours: unknown, out: string[]): void {
  if (JSON.stringify(twin) === JSON.stringify(ours)) return;
  if (twin && ours && typeof twin === "object" && typeof ours === "object" && !Array.isArray(twin) && !Array.isArray(ours)) {
    const keys = [...new Set([...Object.keys(twin), ...Object.keys(ours)])].sort();
    for (const key of keys) differences(`${where}.${key}`, (twin as Record<string, unknown>)[key], (ours as Record<string, unknown>)[key], out);
    return;
  }
  out.push(`${where}: twin ${JSON.stringify(twin)}, dagwright ${JSON.stringify(ours)}`);
}

/** The differences between each twin written for `line` and the dagwright DAG of the same id. */
export function twinDifferences(line: string, twinInspection: Inspection, ours: Inspection): string[] {
  const out: string[] = [];
  for (const twin of twins().filter((candidate) => candidate.lines.includes(line))) {
    const theirs = twinInspection.dags[twin.dagId];
    const mine = ours.dags[twin.dagId];
    if (!theirs) out.push(`${twin.file}: Airflow did not load the twin ${twin.dagId} (${twinInspection.import_errors[twin.file] ?? "no import error"})`);
    else if (!mine) out.push(`${twin.file}: dagwright wrote no DAG ${twin.dagId}`);
    else differences(twin.dagId, comparable(theirs), comparable(mine), out);
  }
  return out;
}
