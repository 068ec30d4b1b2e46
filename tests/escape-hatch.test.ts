/**
 * The operator escape hatch: classes from any module, Python values JSON cannot hold
 * (py.timedelta, py.date, py.time, py.datetime, py.callable), each with its exact diagnostic
 * and the exact text it becomes in the generated file.
 */
import { describe, expect, it } from "vitest";
import { diagnosticsOf as validated } from "./helpers/ir.js";
import { compile, makeProject } from "./helpers/project.js";

const header = `import { dag, py } from "dagwright";\nexport default dag("x", { schedule: null }, (d) => {\n`;

async function diagnosticsOf(body: string) {
  return (await validated({ "dags-src/x.ts": `${header}${body}\n});\n` })).map((d) => `${d.code} ${d.location?.line} ${d.message}`);
}

async function emitted(body: string, airflow = "3.3") {
  const result = await compile(makeProject({ "dags-src/x.ts": `${header}${body}\n});\n` }, airflow));
  expect(result.diagnostics).toEqual([]);
  return result.files!.find((f) => f.path === "airflow/x.py")!.contents;
}

describe("operators from any module", () => {
  it("import a class from the team's own package, by colon or dotted path", async () => {
    const file = await emitted(
      [
        `  d.operator("publish", { import: "reports.operators:PublishOperator", args: { channel: "#data" } });`,
        `  d.operator("ping", { import: "airflow.providers.http.operators.http.HttpOperator", args: { endpoint: "/health" } });`,
        `  d.operator("again", { import: "reports.operators.PublishOperator" });`,
      ].join("\n"),
    );
    expect(file).toContain("from airflow.providers.http.operators.http import HttpOperator\n");
    expect(file).toContain("from reports.operators import PublishOperator\n");
    expect(file).toContain('publish = PublishOperator(task_id="publish", channel="#data")');
    expect(file).toContain('again = PublishOperator(task_id="again")');
  });

  it("keep a task's variable apart from the class it imports", async () => {
    const file = await emitted(`  d.operator("publish", { import: "team_ops.operators:publish" });`);
    expect(file).toContain("from team_ops.operators import publish\n");
    expect(file).toContain('publish_2 = publish(task_id="publish")');
  });

  it("refuse malformed import paths and say why (DW126)", async () => {
    const paths = ["HttpOperator", "reports.operators:", ":Publish", "a:b:C", "reports..ops.Op", "reports.operators:Outer.Inner", "reports.class.Op", "reports.op-s.Op"];
    const diagnostics = await diagnosticsOf(paths.map((p, i) => `  d.operator("t${i}", { import: ${JSON.stringify(p)} });`).join("\n"));
    expect(diagnostics).toEqual([
      'DW126 3 task "t0" of DAG "x": "HttpOperator" is not the import path of an operator class: it names no module: write "package.module:ClassName" or "package.module.ClassName"',
      'DW126 4 task "t1" of DAG "x": "reports.operators:" is not the import path of an operator class: it names no class after the module',
      'DW126 5 task "t2" of DAG "x": ":Publish" is not the import path of an operator class: it names no module before the class',
      'DW126 6 task "t3" of DAG "x": "a:b:C" is not the import path of an operator class: it has more than one ":"',
      'DW126 7 task "t4" of DAG "x": "reports..ops.Op" is not the import path of an operator class: it has an empty name between dots',
      'DW126 8 task "t5" of DAG "x": "reports.operators:Outer.Inner" is not the import path of an operator class: "Outer.Inner" is a nested name: import the class from the module that defines it',
      'DW126 9 task "t6" of DAG "x": "reports.class.Op" is not the import path of an operator class: "class" is a Python keyword',
      'DW126 10 task "t7" of DAG "x": "reports.op-s.Op" is not the import path of an operator class: "op-s" is not a Python identifier',
    ]);
  });

  it("refuse class names the generated file already uses or imports from elsewhere (DW198)", async () => {
    const diagnostics = await diagnosticsOf(
      [
        `  d.operator("a", { import: "team.ops:DAG" });`,
        `  d.operator("b", { import: "team.ops:Publish" });`,
        `  d.operator("c", { import: "other.ops:Publish" });`,
      ].join("\n"),
    );
    expect(diagnostics).toEqual([
      'DW198 3 task "a" of DAG "x": the operator class "DAG" ("team.ops:DAG") has a name the generated file already uses',
      'DW198 4 task "b" of DAG "x": the operator class "Publish" of "team.ops:Publish" has the name of "other.ops:Publish", which another task of the DAG imports',
      'DW198 5 task "c" of DAG "x": the operator class "Publish" of "other.ops:Publish" has the name of "team.ops:Publish", which another task of the DAG imports',
    ]);
  });
});

describe("Python values of operator arguments", () => {
  it("become timedelta, date, time, aware datetime and lazily imported callables, inside lists and dicts too", async () => {
    const file = await emitted(
      [
        `  d.operator("op", {`,
        `    import: "reports.operators:PublishOperator",`,
        `    args: {`,
        `      grace: py.timedelta("90m"),`,
        `      window: py.timedelta({ days: 1, hours: 2.5 }),`,
        `      day: py.date("2026-02-28"),`,
        `      at: py.time("06:30"),`,
        `      at_local: py.time("06:30:15.25", { tz: "Europe/Amsterdam" }),`,
        `      since: py.datetime("2026-01-01T00:00Z"),`,
        `      until: py.datetime("2026-01-31T18:45:30", { tz: "+05:30" }),`,
        `      check: py.callable("reports.alerts:is_ok"),`,
        `      nested: { windows: [py.timedelta({ minutes: 5 }), null], label: "x" },`,
        `    },`,
        `  });`,
      ].join("\n"),
    );
    expect(file).toContain("import datetime\nimport zoneinfo\n");
    expect(file).toContain("class _Callable:");
    const start = file.indexOf("op = PublishOperator(");
    const statement = file.slice(start, file.indexOf("\n    )\n", start) + 6);
    expect(statement).toBe(
      [
        "op = PublishOperator(",
        '        task_id="op",',
        "        grace=datetime.timedelta(minutes=90),",
        "        window=datetime.timedelta(days=1, hours=2.5),",
        "        day=datetime.date(2026, 2, 28),",
        "        at=datetime.time(6, 30),",
        "        at_local=datetime.time(",
        '            6, 30, 15, 250000, tzinfo=zoneinfo.ZoneInfo("Europe/Amsterdam")',
        "        ),",
        "        since=datetime.datetime(2026, 1, 1, 0, 0, tzinfo=datetime.timezone.utc),",
        "        until=datetime.datetime(",
        ...["2026", "1", "31", "18", "45", "30", "tzinfo=datetime.timezone(datetime.timedelta(minutes=330))"].map((part) => `            ${part},`),
        "        ),",
        '        check=_Callable("reports.alerts:is_ok"),',
        '        nested={"windows": [datetime.timedelta(minutes=5), None], "label": "x"},',
        "    )",
      ].join("\n"),
    );
  });

  it("leave out the callable helper when no argument is a callable", async () => {
    const file = await emitted(`  d.operator("op", { import: "reports.operators:PublishOperator", args: { grace: py.timedelta("1h") } });`);
    expect(file).not.toContain("_Callable");
    expect(file).toContain('op = PublishOperator(task_id="op", grace=datetime.timedelta(hours=1))');
  });

  it("refuse values Python cannot build (DW197) and $py dicts of no known shape (DW199)", async () => {
    const diagnostics = await diagnosticsOf(
      [
        `  d.operator("op", {`,
        `    import: "reports.operators:PublishOperator",`,
        `    args: {`,
        `      a: py.timedelta("1w" as any),`,
        `      b: py.timedelta({ days: 2e9 }),`,
        `      c: py.date("2026-02-30"),`,
        `      d: py.time("24:00"),`,
        `      e: py.time("06:00", { tz: "Mars/Olympus" }),`,
        `      f: py.datetime("2026-01-01T00:00"),`,
        `      g: py.datetime("2026-01-01T00:00Z", { tz: "UTC" }),`,
        `      h: py.callable("reports.alerts.is_ok" as any),`,
        `      i: [{ $py: "interval", hours: 1 }],`,
        `      j: { k: { $py: "date", day: "2026-01-01" } },`,
        `    },`,
        `  });`,
      ].join("\n"),
    );
    expect(diagnostics).toEqual([
      'DW197 3 task "op" of DAG "x", argument a: py.timedelta("1w"): not a duration such as "90s", "5m", "2h" or "1d"',
      'DW197 3 task "op" of DAG "x", argument b: py.timedelta: Python\'s timedelta holds under a billion days',
      'DW197 3 task "op" of DAG "x", argument c: py.date("2026-02-30"): not a real date as "YYYY-MM-DD"',
      'DW197 3 task "op" of DAG "x", argument d: py.time("24:00"): not a time as "HH:MM", "HH:MM:SS" or "HH:MM:SS.ffffff"',
      'DW197 3 task "op" of DAG "x", argument e: py.time: tz "Mars/Olympus" is not "UTC", an offset such as "+02:00" or an IANA time zone',
      'DW197 3 task "op" of DAG "x", argument f: py.datetime("2026-01-01T00:00") has no time zone; Airflow compares datetimes with aware ones',
      'DW197 3 task "op" of DAG "x", argument g: py.datetime("2026-01-01T00:00Z"): the text has its zone, and tz gives another',
      'DW197 3 task "op" of DAG "x", argument h: py.callable("reports.alerts.is_ok") is not "package.module:function"',
      'DW199 3 task "op" of DAG "x", argument i[0]: "$py" is "interval", not one of timedelta, date, time, datetime, callable',
      'DW199 3 task "op" of DAG "x", argument j.k: a date has no "day"',
    ]);
  });
});
