/**
 * Two compiled states compared, as a deploy would change a running Airflow: DAGs and tasks
 * added, removed and changed (field by field; a task's options after every default, as
 * Airflow gets them), and the changes Airflow users get burned by, flagged as risks: a DAG or
 * task renamed (its history and retries stay with the old id), a backfill (catchup turned on,
 * or a start date moved earlier with catchup on: its runs counted from the schedule), a
 * schedule changed, a DAG removed, an asset no longer written while DAGs are scheduled on it,
 * and on Airflow 3, a new DAG version.
 */
import type { Manifest, ManifestDag } from "../ir/manifest.js";
import { canonicalJson } from "../values/json.js";
import { fireCount, FIRE_LIMIT, startMillis } from "./runs.js";

type ManifestTask = ManifestDag["tasks"][number];

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface TaskDiff {
  id: string;
  status: "added" | "removed" | "changed";
  changes: FieldChange[];
}

export interface DagDiff {
  id: string;
  status: "added" | "removed" | "changed";
  changes: FieldChange[];
  tasks: TaskDiff[];
}

export type RiskKind = "renamed-dag" | "renamed-task" | "backfill" | "schedule" | "removed-dag" | "orphaned-asset" | "dag-version";

export interface Risk {
  kind: RiskKind;
  /** risky: what `--fail-on risky` fails on; note: worth knowing, expected. */
  level: "risky" | "note";
  dag: string;
  task?: string;
  message: string;
  hint?: string;
  /** Where in the sources (of the new state, else the old) it is. */
  location?: { file: string; line: number; column: number };
}

export interface ManifestDiff {
  dags: DagDiff[];
  risks: Risk[];
}

/** DAG fields compared one by one: everything but what identifies or locates it, its tasks, and what is derived. */
const DAG_SKIPPED = new Set(["id", "location", "tasks", "definitionHash", "airflowFile", "sparkPeak"]);
/** Task fields compared: what it does and what it gets, not where it was written. */
const TASK_SKIPPED = new Set(["id", "location", "upstream", "options", "effectiveFrom"]);
const LOCATIONS: ReadonlySet<string> = new Set(["location"]);

const same = (a: unknown, b: unknown) => canonicalJson(a, LOCATIONS) === canonicalJson(b, LOCATIONS);

/** A field as compared: the Python a task calls is the same code wherever in its file it moved. */
function comparable(field: string, value: unknown): unknown {
  if (field !== "python" || typeof value !== "object" || value === null) return value;
  const { line: _line, ...rest } = value as { line?: number };
  return rest;
}

function fieldChanges(before: Record<string, unknown>, after: Record<string, unknown>, skipped: ReadonlySet<string>): FieldChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((field) => !skipped.has(field)).sort();
  return fields.filter((field) => !same(comparable(field, before[field]), comparable(field, after[field]))).map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}

/** What a task does, without its id and where it was written: two tasks alike here are one task renamed. */
const taskSignature = (task: ManifestTask) => canonicalJson({ config: task.config, effective: task.effective, group: task.group ?? null }, LOCATIONS);
/** What a DAG is, without its id: its schedule and its tasks. */
const dagSignature = (dag: ManifestDag) => canonicalJson({ schedule: dag.schedule, tasks: dag.tasks.map((task) => [task.id, taskSignature(task)]) }, LOCATIONS);

function diffTasks(before: ManifestDag, after: ManifestDag): TaskDiff[] {
  const old = new Map(before.tasks.map((task) => [task.id, task]));
  const now = new Map(after.tasks.map((task) => [task.id, task]));
  const tasks: TaskDiff[] = [];
  for (const task of after.tasks) {
    const previous = old.get(task.id);
    if (!previous) tasks.push({ id: task.id, status: "added", changes: [] });
    else {
      const changes = fieldChanges(previous as unknown as Record<string, unknown>, task as unknown as Record<string, unknown>, TASK_SKIPPED);
      if (changes.length) tasks.push({ id: task.id, status: "changed", changes });
    }
  }
  for (const task of before.tasks) if (!now.has(task.id)) tasks.push({ id: task.id, status: "removed", changes: [] });
  return tasks;
}

/** When the DAG's runs are counted from: catchup on, with its start date. */
function backfillRisk(before: ManifestDag, after: ManifestDag, timetable: string, now: number): Risk | undefined {
  const start = startMillis(after.startDate);
  if (!after.catchup || start === undefined) return undefined;
  const previousStart = startMillis(before.startDate);
  const interval = timetable !== "trigger";
  let runs: number | undefined;
  let why: string;
  if (!before.catchup) {
    const fires = fireCount(after.schedule, start, now + 1);
    // A data interval's run is made once the interval is over: one fewer than its fire times.
    runs = fires === undefined ? undefined : interval ? Math.max(0, fires - 1) : fires;
    why = `catchup turned on: Airflow schedules every run from the start date ${after.startDate} to now`;
  } else if (previousStart !== undefined && start < previousStart) {
    runs = fireCount(after.schedule, start, previousStart);
    why = `start date moved earlier, from ${before.startDate} to ${after.startDate}, with catchup on: Airflow schedules the runs in between`;
  } else {
    return undefined;
  }
  if (runs === undefined || runs === 0) return undefined;
  const count = runs >= FIRE_LIMIT ? `at least ${FIRE_LIMIT}` : String(runs);
  return {
    kind: "backfill",
    level: "risky",
    dag: after.id,
    message: `DAG "${after.id}": ${why}, a backfill of ${count} run${runs === 1 ? "" : "s"}`,
    hint: "if that is not meant, keep catchup off (or the start date), or limit it with maxActiveRuns",
    location: after.location,
  };
}

export function diffManifests(before: Manifest, after: Manifest, options: { now: Date }): ManifestDiff {
  const old = new Map(before.dags.map((dag) => [dag.id, dag]));
  const now = new Map(after.dags.map((dag) => [dag.id, dag]));
  const dags: DagDiff[] = [];
  const risks: Risk[] = [];
  const added = after.dags.filter((dag) => !old.has(dag.id));
  const removed = before.dags.filter((dag) => !now.has(dag.id));

  for (const dag of after.dags) {
    const previous = old.get(dag.id);
    if (!previous) {
      dags.push({ id: dag.id, status: "added", changes: [], tasks: [] });
      continue;
    }
    const changes = fieldChanges(previous as unknown as Record<string, unknown>, dag as unknown as Record<string, unknown>, DAG_SKIPPED);
    const tasks = diffTasks(previous, dag);
    if (changes.length || tasks.length) dags.push({ id: dag.id, status: "changed", changes, tasks });
    if (!same(previous.schedule, dag.schedule)) {
      risks.push({
        kind: "schedule",
        level: "risky",
        dag: dag.id,
        message: `DAG "${dag.id}": schedule changed from ${canonicalJson(previous.schedule)} to ${canonicalJson(dag.schedule)}`,
        hint: "the next run follows the new schedule; with catchup on, missed intervals of it may run at once",
        location: dag.location,
      });
    }
    const timetable = (dag.schedule as { timetable?: string }).timetable ?? dag.timetable ?? after.timetable ?? "dataInterval";
    const backfill = backfillRisk(previous, dag, timetable, options.now.getTime());
    if (backfill) risks.push(backfill);
    // Tasks removed and added with the same work are one renamed: its history stays with the old id.
    const gone = tasks.filter((task) => task.status === "removed").map((task) => previous.tasks.find((candidate) => candidate.id === task.id)!);
    for (const task of tasks.filter((entry) => entry.status === "added")) {
      const current = dag.tasks.find((candidate) => candidate.id === task.id)!;
      const twin = gone.find((candidate) => taskSignature(candidate) === taskSignature(current));
      if (!twin) continue;
      gone.splice(gone.indexOf(twin), 1);
      risks.push({
        kind: "renamed-task",
        level: "risky",
        dag: dag.id,
        task: task.id,
        message: `task "${twin.id}" of DAG "${dag.id}" renamed to "${task.id}": Airflow sees a new task; the old one's history, logs and retry state stay behind`,
        hint: `keep the id "${twin.id}" (set displayName to show another name)`,
        location: current.location,
      });
    }
    if (after.airflow.startsWith("3.") && previous.definitionHash !== dag.definitionHash) {
      risks.push({ kind: "dag-version", level: "note", dag: dag.id, message: `DAG "${dag.id}": a new DAG version on Airflow 3 (what it does changed); runs already started keep the version they began with`, location: dag.location });
    }
  }

  const renamed = new Set<string>();
  for (const dag of removed) {
    const twin = added.find((candidate) => !renamed.has(candidate.id) && dagSignature(candidate) === dagSignature(dag));
    if (twin) {
      renamed.add(twin.id);
      risks.push({
        kind: "renamed-dag",
        level: "risky",
        dag: twin.id,
        message: `DAG "${dag.id}" renamed to "${twin.id}": Airflow sees a new DAG; the old one's runs, history and pause state stay with "${dag.id}"`,
        hint: `keep the id "${dag.id}" (set displayName to show another name)`,
        location: twin.location,
      });
      continue;
    }
    risks.push({
      kind: "removed-dag",
      level: "risky",
      dag: dag.id,
      message: `DAG "${dag.id}" removed: its file leaves the DAGs folder and Airflow stops scheduling it; its history stays in the metadata database`,
      hint: "if it moved to another id, keep the old one; if it is meant, pause it first and delete it in Airflow after the deploy",
      location: dag.location,
    });
  }
  for (const dag of removed) dags.push({ id: dag.id, status: "removed", changes: [], tasks: [] });

  // An asset no longer written that DAGs are still scheduled on: they wait forever (a URI changed on one side only).
  const written = new Set(after.lineage.assets.filter((asset) => asset.writers.length > 0).map((asset) => asset.uri));
  const wasWritten = new Set(before.lineage.assets.filter((asset) => asset.writers.length > 0).map((asset) => asset.uri));
  for (const asset of after.lineage.assets) {
    if (asset.scheduledDags.length === 0 || written.has(asset.uri) || !wasWritten.has(asset.uri)) continue;
    const waiting = asset.scheduledDags.map((id) => `"${id}"`).join(", ");
    const first = now.get(asset.scheduledDags[0]!);
    risks.push({
      kind: "orphaned-asset",
      level: "risky",
      dag: asset.scheduledDags[0]!,
      message: `asset ${asset.uri} is no longer written by any task, but ${waiting} ${asset.scheduledDags.length === 1 ? "is" : "are"} scheduled on it and will not run`,
      hint: "if its URI changed, change it where the DAGs are scheduled too",
      ...(first ? { location: first.location } : {}),
    });
  }
  dags.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { dags, risks };
}
