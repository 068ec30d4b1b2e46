/**
 * Schedules: each form as the timetable it becomes, the timetable chosen by the schedule, the
 * DAG or the project, and what a target Airflow lacks refused with the version that has it.
 */
import { describe, expect, it } from "vitest";
import { emitAirflow } from "../src/emit/airflow/index.js";
import { Templates } from "../src/emit/templates.js";
import { diagnosticsOf, irOf } from "./helpers/ir.js";
import { source, where } from "./helpers/project.js";

function dagModule(options: string): Record<string, string> {
  return {
    "dags-src/s.ts": source`
      import { asset, assetAlias, dag } from "dagwright";
      const raw = asset("s3://lake/raw", { external: true });
      export default dag("s", { ${options} }, (d) => { d.empty("x"); });
    `,
  };
}

/** The `schedule=` argument of the DAG file, on one line. */
async function scheduleArgument(options: string, airflow = "3.3", config?: string): Promise<string> {
  const files = dagModule(options);
  if (config) files["dagwright.config.ts"] = `import { defineConfig } from "dagwright";\nexport default defineConfig(${config});\n`;
  const { resolved } = await irOf(files, airflow);
  const [file] = emitAirflow(resolved, { templates: new Templates(), dagwrightVersion: "0" });
  const text = file!.contents;
  const start = text.indexOf("    schedule=");
  const end = text.indexOf("\n    start_date=", start);
  return text.slice(start + "    schedule=".length, end === -1 ? undefined : end).replace(/\s*\n\s*/g, " ").replace(/,$/, "").replace(/\( /g, "(").replace(/,? \)/g, ")");
}

describe("schedules as timetables", () => {
  it("write data-interval timetables by default, on both lines", async () => {
    expect(await scheduleArgument(`schedule: "@daily", startDate: "2026-01-01"`)).toBe('CronDataIntervalTimetable("@daily", timezone="UTC")');
    expect(await scheduleArgument(`schedule: { every: "6h" }, startDate: "2026-01-01"`, "2.9")).toBe("DeltaDataIntervalTimetable(datetime.timedelta(hours=6))");
  });

  it("write trigger timetables when the schedule, the DAG or the project asks", async () => {
    expect(await scheduleArgument(`schedule: { cron: "0 1 * * *", timetable: "trigger", interval: "1d" }, startDate: "2026-01-01"`)).toBe(
      'CronTriggerTimetable("0 1 * * *", timezone="UTC", interval=datetime.timedelta(days=1))',
    );
    expect(await scheduleArgument(`schedule: "@daily", timetable: "trigger", startDate: "2026-01-01"`, "2.9")).toBe('CronTriggerTimetable("@daily", timezone="UTC")');
    expect(await scheduleArgument(`schedule: { every: "1d" }, startDate: "2026-01-01"`, "3.3", `{ airflow: "3.3", timetable: "trigger" }`)).toBe(
      "DeltaTriggerTimetable(datetime.timedelta(days=1))",
    );
    // The schedule's own choice wins over the DAG's.
    expect(await scheduleArgument(`schedule: { cron: "@daily", timetable: "dataInterval" }, timetable: "trigger", startDate: "2026-01-01"`)).toBe(
      'CronDataIntervalTimetable("@daily", timezone="UTC")',
    );
  });

  it("import the timetables from where each line has them", async () => {
    const importsOf = async (airflow: string) => {
      const { resolved } = await irOf(dagModule(`schedule: { cron: "@daily", timetable: "trigger" }, startDate: "2026-01-01"`), airflow);
      return emitAirflow(resolved, { templates: new Templates(), dagwrightVersion: "0" })[0]!.contents.split("\n").filter((line) => line.includes("CronTriggerTimetable") && line.startsWith("from"));
    };
    expect(await importsOf("3.1")).toEqual(["from airflow.timetables.trigger import CronTriggerTimetable"]);
    expect(await importsOf("3.2")).toEqual(["from airflow.sdk import DAG, CronTriggerTimetable"]);
  });

  it("write several crons, events, and assets or a time", async () => {
    expect(await scheduleArgument(`schedule: { crons: ["0 6 * * 1-5", "0 9 * * 6"], runImmediately: false }, startDate: "2026-01-01"`)).toBe(
      'MultipleCronTriggerTimetable("0 6 * * 1-5", "0 9 * * 6", timezone="UTC", run_immediately=False)',
    );
    expect(await scheduleArgument(`schedule: { events: ["2026-03-31", "2026-06-30T18:00Z"], restrictToEvents: true }, startDate: "2026-01-01"`)).toBe(
      "EventsTimetable(event_dates=[ datetime.datetime(2026, 3, 31, tzinfo=datetime.timezone.utc), datetime.datetime(2026, 6, 30, 18, 0, tzinfo=datetime.timezone.utc), ], restrict_to_events=True)",
    );
    expect(await scheduleArgument(`schedule: { assets: [raw], or: "@weekly" }, startDate: "2026-01-01"`)).toBe(
      'AssetOrTimeSchedule(timetable=CronDataIntervalTimetable("@weekly", timezone="UTC"), assets=[Asset("s3://lake/raw")])',
    );
    expect(await scheduleArgument(`schedule: { assets: [raw], or: "@weekly" }, startDate: "2026-01-01"`, "2.10")).toBe(
      'DatasetOrTimeSchedule(timetable=CronDataIntervalTimetable("@weekly", timezone="UTC"), datasets=[Dataset("s3://lake/raw")])',
    );
    // Without the `or` the types ask for (a compile without the type-check), it reads as the list of assets alone.
    const { resolved } = await irOf(dagModule(`schedule: { assets: [raw] } as never`), "3.3");
    expect(resolved.dags[0]!.ir.schedule).toEqual({ kind: "assets", condition: { all: [{ asset: { uri: "s3://lake/raw", external: true } }] } });
    expect(emitAirflow(resolved, { templates: new Templates(), dagwrightVersion: "0" })[0]!.contents).toContain('schedule=[Asset("s3://lake/raw")]');
  });
});

describe("schedule rules", () => {
  it("refuse what the target Airflow lacks, naming the version that has it (DW140)", async () => {
    const diagnostics = await diagnosticsOf(dagModule(`schedule: { every: "6h", timetable: "trigger" }, startDate: "2026-01-01"`), "2.10");
    expect(diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      'DW140 DAG "s" uses the period trigger timetable (DeltaTriggerTimetable), which needs Airflow 2.11+; the project targets 2.10',
    ]);
    const crons = await diagnosticsOf(dagModule(`schedule: { crons: ["@daily"] }, startDate: "2026-01-01"`), "2.11");
    expect(crons.map((d) => d.message)).toEqual(['DAG "s" uses several crons (MultipleCronTriggerTimetable), which needs Airflow 3.0+; the project targets 2.11']);
    const immediately = await diagnosticsOf(dagModule(`schedule: { cron: "@daily", timetable: "trigger", runImmediately: "1h" }, startDate: "2026-01-01"`), "2.11");
    expect(immediately.map((d) => d.message)).toEqual(['DAG "s" uses runImmediately (run_immediately), which needs Airflow 3.0+; the project targets 2.11']);
  });

  it("refuse a trigger timetable's options on a data-interval schedule (DW206)", async () => {
    const diagnostics = await diagnosticsOf(dagModule(`schedule: { cron: "@daily", interval: "1d" }, startDate: "2026-01-01"`));
    expect(where(diagnostics)).toEqual(["DW206 dags-src/s.ts:3:16"]);
    expect(diagnostics[0]!.message).toBe('DAG "s": interval applies to a trigger timetable, but this schedule uses data intervals');
  });

  it("check every cron, period and event date, wherever it is written", async () => {
    const diagnostics = await diagnosticsOf(dagModule(`schedule: { assets: [raw], or: { crons: ["0 25 * * *"] } }, startDate: "2026-01-01"`));
    expect(diagnostics.map((d) => d.message)).toEqual(['DAG "s" has an invalid cron schedule "0 25 * * *": hour field "25": "25" is not a value between 0 and 23']);
    const events = await diagnosticsOf(dagModule(`schedule: { events: ["2026-02-30"] }, startDate: "2026-01-01"`));
    expect(events.map((d) => d.message)).toEqual(['DAG "s" has a malformed event "2026-02-30"']);
  });

  it("require a start date for any time schedule, assets or a time included (DW202)", async () => {
    const diagnostics = await diagnosticsOf(dagModule(`schedule: { assets: [raw], or: "@daily" }`));
    expect(diagnostics.map((d) => d.code)).toEqual(["DW202"]);
  });

  it("report a schedule object of no known form (DW004)", async () => {
    const diagnostics = await diagnosticsOf(dagModule(`schedule: { crom: "@daily" } as any, startDate: "2026-01-01"`));
    expect(diagnostics.map((d) => d.code)).toEqual(["DW004"]);
  });
});

describe("assets, aliases and watchers in schedules", () => {
  const WATCHED = `asset("file:///in/orders.csv", { extra: { format: "csv" }, watchers: [{ name: "dropped", trigger: "airflow.providers.standard.triggers.file.FileDeleteTrigger", kwargs: { filepath: "/in/orders.csv" } }] })`;

  it("write an asset's extra, its watchers where a DAG is scheduled on it, and aliases", async () => {
    expect(await scheduleArgument(`schedule: [${WATCHED}], startDate: "2026-01-01"`)).toBe(
      '[ Asset("file:///in/orders.csv", extra={"format": "csv"}, watchers=[ AssetWatcher(name="dropped", trigger=FileDeleteTrigger(filepath="/in/orders.csv")) ]) ]',
    );
    expect(await scheduleArgument(`schedule: { any: [raw, assetAlias("parts")] }, startDate: "2026-01-01"`)).toBe('AssetAny(Asset("s3://lake/raw"), AssetAlias("parts"))');
    expect(await scheduleArgument(`schedule: [assetAlias("parts")], startDate: "2026-01-01"`, "2.10")).toBe('[DatasetAlias("parts")]');
  });

  it("refuse aliases before 2.10 and watchers before 3.0 (DW140), and a watcher without a full import path (DW506)", async () => {
    const aliased = await diagnosticsOf(dagModule(`schedule: [assetAlias("parts")], startDate: "2026-01-01"`), "2.9");
    expect(aliased.map((d) => `${d.code} ${d.message}`)).toEqual([`DW140 DAG "s" uses asset alias "parts" (AssetAlias), which needs Airflow 2.10+; the project targets 2.9`]);
    const watched = await diagnosticsOf(dagModule(`schedule: [${WATCHED}], startDate: "2026-01-01"`), "2.11");
    expect(watched.map((d) => d.code)).toEqual(["DW140"]);
    expect(watched[0]!.message).toContain("needs Airflow 3.0+");
    const bad = await diagnosticsOf(dagModule(`schedule: [asset("file:///in/x", { watchers: [{ name: "w", trigger: "FileDeleteTrigger" as never }] })], startDate: "2026-01-01"`));
    expect(bad.map((d) => `${d.code} ${d.message}`)).toEqual([`DW506 asset "file:///in/x" has watcher "w": its trigger "FileDeleteTrigger" is not a full import path (module.Class)`]);
  });
});

describe("dates", () => {
  it("take any year Python's datetime has, and refuse dates the calendar lacks (DW203)", async () => {
    const { resolved } = await irOf(dagModule(`schedule: "@daily", startDate: "0001-01-01", endDate: "1850-06-01T12:30Z"`));
    const [file] = emitAirflow(resolved, { templates: new Templates(), dagwrightVersion: "0" });
    expect(file!.contents).toContain("start_date=datetime.datetime(1, 1, 1, tzinfo=datetime.timezone.utc),");
    expect(file!.contents).toContain("end_date=datetime.datetime(1850, 6, 1, 12, 30, tzinfo=datetime.timezone.utc),");
    expect(await diagnosticsOf(dagModule(`schedule: "@daily", startDate: "2024-02-29"`))).toEqual([]);
    for (const date of ["0000-01-01", "1900-02-29", "2026-13-01"]) {
      const diagnostics = await diagnosticsOf(dagModule(`schedule: "@daily", startDate: "${date}"`));
      expect(diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([`DW203 DAG "s" has a malformed startDate "${date}"`]);
    }
  });
});
