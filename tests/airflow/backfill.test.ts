/**
 * The backfills `dagwright diff` counts are Airflow's own: for each case, the count in the
 * diff's message equals the runs Airflow's timetable (CronDataIntervalTimetable or
 * CronTriggerTimetable, in the real Airflow of each line) schedules for the same cron and dates.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { diffManifests } from "../../src/diff/compare.js";
import type { Manifest } from "../../src/ir/manifest.js";
import { compile, makeProject } from "../helpers/project.js";
import { airflowBin, TARGETS } from "./airflow.js";

/** Runs Airflow schedules: created by `end` (catchup turned on), or with a logical date before `end` (a start moved earlier). */
const AIRFLOW_COUNT = `
import json, sys
import pendulum
from airflow.timetables.base import TimeRestriction
from airflow.timetables.interval import CronDataIntervalTimetable
from airflow.timetables.trigger import CronTriggerTimetable
out = []
for case in json.load(sys.stdin):
    kind = CronDataIntervalTimetable if case["timetable"] == "dataInterval" else CronTriggerTimetable
    timetable = kind(case["cron"], timezone="UTC")
    start, end = pendulum.parse(case["start"]), pendulum.parse(case["end"])
    restriction = TimeRestriction(earliest=start, latest=None, catchup=True)
    last, runs = None, 0
    while True:
        info = timetable.next_dagrun_info(last_automated_data_interval=last, restriction=restriction)
        if info is None:
            break
        if case["mode"] == "until" and info.run_after > end:
            break
        if case["mode"] == "before" and info.logical_date >= end:
            break
        runs += 1
        last = info.data_interval
    out.append(runs)
print(json.dumps(out))
`;

interface Case {
  cron: string;
  timetable: "dataInterval" | "trigger";
  /** until: catchup turned on, runs from start to end (now); before: start moved earlier to `start` from `end`. */
  mode: "until" | "before";
  start: string;
  end: string;
}

const CASES: Case[] = [
  { cron: "0 2 * * *", timetable: "dataInterval", mode: "until", start: "2026-01-01", end: "2026-01-11T00:00:00Z" },
  { cron: "0 2 * * *", timetable: "trigger", mode: "until", start: "2026-01-01", end: "2026-01-11T00:00:00Z" },
  { cron: "*/15 9-17 * * 1-5", timetable: "dataInterval", mode: "until", start: "2026-03-02", end: "2026-03-20T12:00:00Z" },
  { cron: "0 0 1 * *", timetable: "trigger", mode: "until", start: "2025-01-01", end: "2026-06-15T00:00:00Z" },
  { cron: "@daily", timetable: "dataInterval", mode: "before", start: "2026-02-01", end: "2026-03-01" },
  { cron: "30 6 * * 1", timetable: "trigger", mode: "before", start: "2025-11-01", end: "2026-02-01" },
];

async function manifestOf(dag: string): Promise<Manifest> {
  const result = await compile(makeProject({ "dags-src/a.ts": `import { dag } from "dagwright";\n${dag}\n` }));
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return JSON.parse(result.files!.find((file) => file.path === "manifest.json")!.contents) as Manifest;
}

/** The count in dagwright diff's backfill message for a case. */
async function dagwrightCount(c: Case): Promise<number> {
  const options = (startDate: string, catchup: boolean) =>
    `export default dag("etl", { schedule: ${JSON.stringify(c.cron)}, timetable: ${JSON.stringify(c.timetable)}, startDate: ${JSON.stringify(startDate)}, catchup: ${catchup} }, (d) => { d.empty("a"); });`;
  const [before, after] =
    c.mode === "until"
      ? [await manifestOf(options(c.start, false)), await manifestOf(options(c.start, true))]
      : [await manifestOf(options(c.end, true)), await manifestOf(options(c.start, true))];
  const diff = diffManifests(before, after, { now: new Date(c.end.length === 10 ? `${c.end}T00:00:00Z` : c.end) });
  const backfill = diff.risks.find((risk) => risk.kind === "backfill");
  return backfill ? Number(/a backfill of (\d+) runs?$/.exec(backfill.message)![1]) : 0;
}

describe("backfill counts", () => {
  for (const target of TARGETS.filter((entry) => entry.runs)) {
    it(`match what Airflow ${target.airflow}'s timetables schedule`, async () => {
      const bin = await airflowBin(target);
      const run = spawnSync(path.join(bin, "python"), ["-c", AIRFLOW_COUNT], { input: JSON.stringify(CASES), encoding: "utf8", env: { ...process.env, AIRFLOW_HOME: path.join(bin, "..", "airflow-home-backfill") } });
      expect(run.status, run.stderr.slice(-3000)).toBe(0);
      const airflow = JSON.parse(run.stdout.trim().split("\n").at(-1)!) as number[];
      const ours = await Promise.all(CASES.map(dagwrightCount));
      expect(ours).toEqual(airflow);
      expect(airflow.every((count) => count > 0)).toBe(true);
    });
  }
});
