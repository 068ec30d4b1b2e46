/**
 * Airflow's standard operators: latest-only, external task markers, time, weekday, Python and
 * bash sensors, date-time and weekday branches, email, and ExternalTaskSensor's states; each
 * rule with its exact code and location, and what the generated file says on each line.
 */
import { describe, expect, it } from "vitest";
import { diagnosticsOf as validated } from "./helpers/ir.js";
import { compile, makeProject, where } from "./helpers/project.js";

const HEADER = `import { dag, external } from "dagwright";\nexport default dag("x", { schedule: null }, (d) => {\n`;
const OTHER = `import { dag } from "dagwright";\nexport default dag("other", { schedule: null }, (d) => {\n  d.empty("target");\n  d.group("loads", {}, (g) => { g.empty("a"); });\n});\n`;

async function diagnosticsOf(body: string, airflow = "3.3") {
  return validated({ "dags-src/x.ts": `${HEADER}${body}\n});\n`, "dags-src/other.ts": OTHER }, airflow);
}

async function compiled(body: string, airflow = "3.3") {
  const result = await compile(makeProject({ "dags-src/x.ts": `${HEADER}${body}\n});\n`, "dags-src/other.ts": OTHER }, airflow));
  expect(result.diagnostics).toEqual([]);
  return result.files!.find((f) => f.path === "airflow/x.py")!.contents;
}

describe("latest-only and external task markers", () => {
  it("write LatestOnlyOperator and ExternalTaskMarker, with execution_date on Airflow 2 and logical_date on 3", async () => {
    const body = `  d.latestOnly("latest").then(d.externalTaskMarker("mark", { dag: external("other_dag"), task: "t", logicalDate: "{{ ds }}", recursionDepth: 2 }));`;
    const three = await compiled(body, "3.0");
    expect(three).toContain("from airflow.providers.standard.operators.latest_only import LatestOnlyOperator\n");
    expect(three).toContain("from airflow.providers.standard.sensors.external_task import ExternalTaskMarker\n");
    expect(three).toContain(`    latest = LatestOnlyOperator(task_id="latest")
    mark = ExternalTaskMarker(
        task_id="mark",
        external_dag_id="other_dag",
        external_task_id="t",
        logical_date="{{ ds }}",
        recursion_depth=2,
    )
`);
    const two = await compiled(body, "2.9");
    expect(two).toContain("from airflow.operators.latest_only import LatestOnlyOperator\n");
    expect(two).toContain("from airflow.sensors.external_task import ExternalTaskMarker\n");
    expect(two).toContain('        execution_date="{{ ds }}",\n');
  });

  it("check the marked DAG and task exist, and the recursion depth (DW122, DW163)", async () => {
    const body = [
      `  d.externalTaskMarker("a", { dag: external("elsewhere"), task: "t", recursionDepth: 0 });`,
      `  d.externalTaskMarker("b", { dag: external("elsewhere"), task: "t", recursionDepth: 1.5 });`,
    ].join("\n");
    expect(where(await diagnosticsOf(body))).toEqual(["DW163 dags-src/x.ts:3:5", "DW163 dags-src/x.ts:4:5"]);
    const missing = await validated(
      {
        "dags-src/x.ts": `import { dag } from "dagwright";\nimport other from "./other.js";\nexport default dag("x", { schedule: null }, (d) => {\n  d.externalTaskMarker("m", { dag: other, task: "nope" });\n});\n`,
        "dags-src/other.ts": OTHER,
      },
      "3.3",
    );
    expect(missing.map((d) => `${d.code} ${d.message}`)).toEqual(['DW122 task "m" of DAG "x" clears task "nope", which DAG "other" does not have']);
  });
});

describe("sensors", () => {
  it("write TimeSensor as datetime.time, deferred with deferrable=True on Airflow 3 and as TimeSensorAsync on 2", async () => {
    const body = `  d.timeSensor("plain", { targetTime: "07:30" });\n  d.timeSensor("deferred", { targetTime: "12:00:05", deferrable: true });`;
    const three = await compiled(body, "3.3");
    expect(three).toContain("from airflow.providers.standard.sensors.time import TimeSensor\n");
    expect(three).toContain('    plain = TimeSensor(task_id="plain", target_time=datetime.time(7, 30))\n');
    expect(three).toContain('    deferred = TimeSensor(\n        task_id="deferred", target_time=datetime.time(12, 0, 5), deferrable=True\n    )\n');
    const two = await compiled(body, "2.10");
    expect(two).toContain("from airflow.sensors.time_sensor import TimeSensor, TimeSensorAsync\n");
    expect(two).toContain('    deferred = TimeSensorAsync(task_id="deferred", target_time=datetime.time(12, 0, 5))\n');
  });

  it("defer date-time sensors as DateTimeSensorAsync on every line, and time delta sensors as TimeDeltaSensorAsync on Airflow 2", async () => {
    const body = `  d.dateTimeSensor("until", { targetTime: "{{ ds }}", deferrable: true });\n  d.timeDeltaSensor("later", { delta: "1h", deferrable: true });`;
    const three = await compiled(body, "3.3");
    expect(three).toContain('    until = DateTimeSensorAsync(task_id="until", target_time="{{ ds }}")\n');
    expect(three).toContain('    later = TimeDeltaSensor(\n        task_id="later", delta=datetime.timedelta(hours=1), deferrable=True\n    )\n');
    const two = await compiled(body, "2.9");
    expect(two).toContain("from airflow.sensors.date_time import DateTimeSensorAsync\n");
    expect(two).toContain('    until = DateTimeSensorAsync(task_id="until", target_time="{{ ds }}")\n');
    expect(two).toContain('    later = TimeDeltaSensorAsync(task_id="later", delta=datetime.timedelta(hours=1))\n');
  });

  it("write DayOfWeekSensor, PythonSensor and BashSensor with their arguments", async () => {
    const python = await compiled(
      [
        `  d.dayOfWeekSensor("weekend", { weekDay: ["Saturday", "Sunday"], useTaskLogicalDate: true, mode: "reschedule" });`,
        `  d.pythonSensor("ready", { callable: "pkg.checks:ready", kwargs: { table: "orders" }, templatesDict: { day: "{{ ds }}" }, pokeInterval: "5m" });`,
        `  d.bashSensor("flag", { command: "test -f /x", env: { A: "1" }, outputEncoding: "latin-1", retryExitCode: 99, softFail: true });`,
      ].join("\n"),
      "3.1",
    );
    expect(python).toContain(`    weekend = DayOfWeekSensor(
        task_id="weekend",
        week_day=["Saturday", "Sunday"],
        use_task_logical_date=True,
        mode="reschedule",
    )
    ready = PythonSensor(
        task_id="ready",
        python_callable=_Callable("pkg.checks:ready"),
        op_kwargs={"table": "orders"},
        templates_dict={"day": "{{ ds }}"},
        poke_interval=datetime.timedelta(minutes=5),
    )
    flag = BashSensor(
        task_id="flag",
        bash_command="test -f /x",
        env={"A": "1"},
        output_encoding="latin-1",
        retry_exit_code=99,
        soft_fail=True,
    )
`);
  });

  it("refuse deferrable where a sensor has no way to defer, an invalid time, a bad exit code and a bad callable (DW123, DW160, DW163, DW304)", async () => {
    const body = [
      `  d.pythonSensor("p", { callable: "pkg.m:f", deferrable: true });`,
      `  d.bashSensor("b", { command: "true", deferrable: true, retryExitCode: 300 });`,
      `  d.dayOfWeekSensor("w", { weekDay: "Monday", deferrable: true });`,
      `  d.timeSensor("t", { targetTime: "25:00" });`,
      `  d.pythonSensor("q", { callable: "nocolon:" as "a:b" });`,
      `  d.timeSensor("ok", { targetTime: "06:00", deferrable: true });`,
    ].join("\n");
    const diagnostics = await diagnosticsOf(body, "2.10");
    expect(where(diagnostics)).toEqual([
      "DW123 dags-src/x.ts:3:5",
      "DW123 dags-src/x.ts:4:5",
      "DW163 dags-src/x.ts:4:5",
      "DW123 dags-src/x.ts:5:5",
      "DW160 dags-src/x.ts:6:5",
      "DW304 dags-src/x.ts:7:5",
    ]);
    expect(diagnostics[0]!.message).toBe('task "p" of DAG "x": PythonSensor cannot be deferrable on Airflow 2.10');
    expect(diagnostics[4]!.message).toBe('task "t" of DAG "x" has an invalid targetTime "25:00"');
  });
});

describe("ExternalTaskSensor states and task groups", () => {
  it("write the task group and the states", async () => {
    const python = await compiled(
      `  d.externalTaskSensor("w", { dag: external("o"), taskGroup: "loads", allowedStates: ["success", "skipped"], failedStates: ["failed"], skippedStates: ["upstream_failed"] });`,
    );
    expect(python).toContain(`    w = ExternalTaskSensor(
        task_id="w",
        external_dag_id="o",
        external_task_group_id="loads",
        allowed_states=["success", "skipped"],
        failed_states=["failed"],
        skipped_states=["upstream_failed"],
    )
`);
  });

  it("refuse a task with a group, a state in two lists, and task states for a whole run (DW162)", async () => {
    const body = [
      `  d.externalTaskSensor("a", { dag: external("o"), task: "t", taskGroup: "g" });`,
      `  d.externalTaskSensor("b", { dag: external("o"), task: "t", allowedStates: ["success"], failedStates: ["success", "failed"] });`,
      `  d.externalTaskSensor("c", { dag: external("o"), allowedStates: ["success", "skipped"] });`,
    ].join("\n");
    const diagnostics = await diagnosticsOf(body);
    expect(diagnostics.map((d) => `${d.code} ${d.location?.line} ${d.message}`)).toEqual([
      'DW162 3 task "a" of DAG "x" sets both task and taskGroup',
      'DW162 4 task "b" of DAG "x" lists 1 state in more than one of allowedStates, failedStates and skippedStates: success',
      'DW162 5 task "c" of DAG "x" waits for a whole DAG run but lists states a run never has: skipped',
    ]);
  });
});

describe("date-time and weekday branches", () => {
  it("write BranchDateTimeOperator with times or UTC dates, and BranchDayOfWeekOperator, following task handles", async () => {
    const python = await compiled(
      [
        `  const a = d.empty("a"); const b = d.empty("b");`,
        `  d.branchDateTime("hours", { targetLower: "09:00", targetUpper: "2026-03-01T17:30:00Z", followTaskIdsIfTrue: [a], followTaskIdsIfFalse: [b], useTaskLogicalDate: true }).then([a, b]);`,
        `  const c = d.empty("c"); const e = d.empty("e");`,
        `  d.branchDayOfWeek("days", { weekDay: "Saturday", followTaskIdsIfTrue: [c], followTaskIdsIfFalse: [e] }).then([c, e]);`,
        `  const f = d.empty("f");`,
        `  d.branchDateTime("upper_only", { targetUpper: "06:00", followTaskIdsIfTrue: [f], followTaskIdsIfFalse: [] }).then(f);`,
      ].join("\n"),
      "2.11",
    );
    expect(python).toContain("from airflow.operators.datetime import BranchDateTimeOperator\n");
    expect(python).toContain("from airflow.operators.weekday import BranchDayOfWeekOperator\n");
    expect(python).toContain(`    hours = BranchDateTimeOperator(
        task_id="hours",
        target_lower=datetime.time(9, 0),
        target_upper=datetime.datetime(
            2026, 3, 1, 17, 30, tzinfo=datetime.timezone.utc
        ),
        follow_task_ids_if_true=["a"],
        follow_task_ids_if_false=["b"],
        use_task_logical_date=True,
    )
`);
    expect(python).toContain(`    days = BranchDayOfWeekOperator(
        task_id="days",
        week_day="Saturday",
        follow_task_ids_if_true=["c"],
        follow_task_ids_if_false=["e"],
    )
`);
    expect(python).toContain("        target_lower=None,\n        target_upper=datetime.time(6, 0),\n");
  });

  it("check bounds and that the targets follow the branch, as d.branch's (DW161, DW160, DW120, DW121)", async () => {
    const body = [
      `  const a = d.empty("a"); const b = d.empty("b"); const join = d.empty("join");`,
      `  d.branchDateTime("none", { followTaskIdsIfTrue: [a], followTaskIdsIfFalse: [b] }).then([a, b]);`,
      `  d.branchDateTime("bad", { targetLower: "9am" as "09:00", followTaskIdsIfTrue: [a], followTaskIdsIfFalse: [b] }).then([a, b]);`,
      `  const c = d.empty("c");`,
      `  d.branchDayOfWeek("days", { weekDay: ["Monday"], followTaskIdsIfTrue: [c], followTaskIdsIfFalse: [join] });`,
      `  d.empty("lonely");`,
      `  a.then(join); b.then(join);`,
    ].join("\n");
    expect(where(await diagnosticsOf(body))).toEqual([
      // The join after both paths of each date-time branch, at the join.
      "DW121 dags-src/x.ts:3:66",
      "DW121 dags-src/x.ts:3:66",
      "DW161 dags-src/x.ts:4:5",
      "DW160 dags-src/x.ts:5:5",
      "DW120 dags-src/x.ts:7:5",
      "DW120 dags-src/x.ts:7:5",
    ]);
  });
});

describe("email", () => {
  it("write core's EmailOperator on Airflow 2 and the SMTP provider's on 3, with every argument", async () => {
    const body = `  d.email("mail", { to: "a@x.io", subject: "s {{ ds }}", htmlContent: "<b>hi</b>", files: ["/tmp/r.csv"], cc: ["c@x.io"], bcc: "b@x.io", mimeSubtype: "alternative", mimeCharset: "us-ascii", connId: "smtp_ops" });`;
    const args = `    mail = EmailOperator(
        task_id="mail",
        to="a@x.io",
        subject="s {{ ds }}",
        html_content="<b>hi</b>",
        files=["/tmp/r.csv"],
        cc=["c@x.io"],
        bcc="b@x.io",
        mime_subtype="alternative",
        mime_charset="us-ascii",
        conn_id="smtp_ops",
    )
`;
    const two = await compiled(body, "2.9");
    expect(two).toContain("from airflow.operators.email import EmailOperator\n");
    expect(two).toContain(args);
    const three = await compiled(body, "3.1");
    expect(three).toContain("from airflow.providers.smtp.operators.smtp import EmailOperator\n");
    expect(three).toContain(args);
  });
});

describe("functions run by another interpreter", () => {
  it("write a caller function that imports the callable there, and the virtualenv's options", async () => {
    const python = await compiled(
      [
        `  d.pythonVirtualenv("score", { callable: "ml.score:run", kwargs: { model: "m1", limit: 5 }, requirements: ["pandas==2.2.3"], pythonVersion: "3.11", systemSitePackages: false, pipInstallOptions: ["--no-cache-dir"], indexUrls: ["https://pypi.example/simple"], venvCacheDir: "/tmp/venvs", expectAirflow: false, skipOnExitCode: [99] });`,
      ].join("\n"),
    );
    expect(python).toContain("from airflow.providers.standard.operators.python import PythonVirtualenvOperator\n");
    expect(python).toContain(`) as dag:

    def score_call(model, limit):
        """ml.score:run, imported where Airflow runs this function's source."""
        import importlib as _importlib

        _module = _importlib.import_module("ml.score")
        return _module.run(model=model, limit=limit)

    score = PythonVirtualenvOperator(
        task_id="score",
        python_callable=score_call,
        op_kwargs={"model": "m1", "limit": 5},
        expect_airflow=False,
        skip_on_exit_code=[99],
        requirements=["pandas==2.2.3"],
        python_version="3.11",
        system_site_packages=False,
        pip_install_options=["--no-cache-dir"],
        index_urls=["https://pypi.example/simple"],
        venv_cache_path="/tmp/venvs",
    )
`);
  });

  it("write the branch classes for branches, on Airflow 2 from airflow.operators.python", async () => {
    const python = await compiled(
      [
        `  const a = d.empty("a"); const b = d.empty("b");`,
        `  d.branchExternalPython("pick", { python: "/opt/py/bin/python", callable: "pkg.m:pick", targets: [a, b] }).then([a, b]);`,
        `  const c = d.empty("c");`,
        `  d.branchPythonVirtualenv("vpick", { callable: "pkg.m:pick", targets: [c] }).then(c);`,
        `  d.externalPython("plain", { python: "/opt/py/bin/python", callable: "pkg.m:go" });`,
      ].join("\n"),
      "2.9",
    );
    expect(python).toContain(
      "from airflow.operators.python import (\n    BranchExternalPythonOperator,\n    BranchPythonVirtualenvOperator,\n    ExternalPythonOperator,\n)\n",
    );
    expect(python).toContain(`    pick = BranchExternalPythonOperator(
        task_id="pick", python="/opt/py/bin/python", python_callable=pick_call
    )
`);
    expect(python).toContain('    vpick = BranchPythonVirtualenvOperator(task_id="vpick", python_callable=vpick_call)\n');
    expect(python).toContain('    def plain_call():\n        """pkg.m:go, imported where Airflow runs this function\'s source."""\n');
  });

  it("refuse argument names a Python function cannot take, and check a branch's targets (DW164, DW120)", async () => {
    const body = [
      `  d.pythonVirtualenv("v", { callable: "pkg.m:f", kwargs: { "row-count": 1, class: 2, _private: 3, ok: 4 } });`,
      `  const a = d.empty("a");`,
      `  d.branchExternalPython("b", { python: "/p", callable: "pkg.m:f", targets: [a] });`,
    ].join("\n");
    const diagnostics = await diagnosticsOf(body);
    expect(diagnostics.map((d) => `${d.code} ${d.location?.line} ${d.message}`)).toEqual([
      'DW164 3 task "v" of DAG "x" passes keyword argument "row-count", which cannot be a Python parameter name',
      'DW164 3 task "v" of DAG "x" passes keyword argument "class", which cannot be a Python parameter name',
      'DW164 3 task "v" of DAG "x" passes keyword argument "_private", which cannot be a Python parameter name',
      expect.stringMatching(/^DW120 5 /),
    ]);
  });

  it("warn that PythonSensor's module warns on import on Airflow 3.2+ (DW165)", async () => {
    const body = `  d.pythonSensor("p", { callable: "pkg.m:f" });`;
    expect(where(await diagnosticsOf(body, "3.1"))).toEqual([]);
    const diagnostics = await diagnosticsOf(body, "3.2");
    expect(where(diagnostics)).toEqual(["DW165 dags-src/x.ts:3:5"]);
    expect(diagnostics[0]!.severity).toBe("warning");
  });
});

describe("human-in-the-loop operators", () => {
  const body = [
    `  const ship = d.empty("ship"); const hold = d.empty("hold");`,
    `  d.hitlBranch("choose", { subject: "Ship?", body: "**Now**", options: { "Ship it": ship, Hold: hold }, defaults: "Hold", responseTimeout: "2h" }).then([ship, hold]);`,
    `  d.approval("approve", { subject: "OK?", defaults: "Reject", ignoreDownstreamTriggerRules: true, failOnReject: false });`,
    `  d.hitl("pick", { subject: "Which?", options: ["a", "b"], defaults: ["a", "b"], multiple: true, params: { note: "" } });`,
    `  d.hitlEntry("form", { subject: "Fill in", params: { rows: 10 } });`,
  ].join("\n");

  it("write the HITL operators on Airflow 3.2+, options_mapping from the branch's task handles", async () => {
    const python = await compiled(body, "3.3");
    expect(python).toContain("from airflow.providers.standard.operators.hitl import (\n    ApprovalOperator,\n    HITLBranchOperator,\n    HITLEntryOperator,\n    HITLOperator,\n)\n");
    expect(python).toContain(`    choose = HITLBranchOperator(
        task_id="choose",
        subject="Ship?",
        body="**Now**",
        options=["Ship it", "Hold"],
        options_mapping={"Ship it": "ship", "Hold": "hold"},
        defaults=["Hold"],
        response_timeout=datetime.timedelta(hours=2),
    )
    approve = ApprovalOperator(
        task_id="approve",
        subject="OK?",
        defaults=["Reject"],
        ignore_downstream_trigger_rules=True,
        fail_on_reject=False,
    )
    pick = HITLOperator(
        task_id="pick",
        subject="Which?",
        options=["a", "b"],
        defaults=["a", "b"],
        multiple=True,
        params={"note": ""},
    )
    form = HITLEntryOperator(task_id="form", subject="Fill in", params={"rows": 10})
`);
  });

  it("refuse them before Airflow 3.1 (DW140), and warn on 3.1, whose provider module warns on import (DW165)", async () => {
    const old = await diagnosticsOf(body, "3.0");
    expect(old.map((d) => `${d.code} ${d.location?.line} ${d.message}`)).toEqual([
      'DW140 4 task "choose" of DAG "x" uses HITLBranchOperator, which needs Airflow 3.1+; the project targets 3.0',
      'DW140 5 task "approve" of DAG "x" uses ApprovalOperator, which needs Airflow 3.1+; the project targets 3.0',
      'DW140 6 task "pick" of DAG "x" uses HITLOperator, which needs Airflow 3.1+; the project targets 3.0',
      'DW140 7 task "form" of DAG "x" uses HITLEntryOperator, which needs Airflow 3.1+; the project targets 3.0',
    ]);
    expect(where(await diagnosticsOf(body, "2.11")).every((line) => line.startsWith("DW140"))).toBe(true);
    expect(where(await diagnosticsOf(body, "3.1"))).toEqual(["DW165 dags-src/x.ts:4:5", "DW165 dags-src/x.ts:5:5", "DW165 dags-src/x.ts:6:5", "DW165 dags-src/x.ts:7:5"]);
    expect(where(await diagnosticsOf(body, "3.2"))).toEqual([]);
  });

  it("refuse options Airflow refuses (DW166) and check the branch's targets (DW120)", async () => {
    const bad = [
      `  const a = d.empty("a");`,
      `  d.hitl("none", { subject: "s", options: [] });`,
      `  d.hitl("outside", { subject: "s", options: ["x"], defaults: "y" });`,
      `  d.hitl("many", { subject: "s", options: ["x", "y"], defaults: ["x", "y"] });`,
      `  d.hitlEntry("reserved", { subject: "s", params: { _options: 1 } });`,
      `  d.approval("fixed", { subject: "s", options: ["x"] } as never);`,
      `  d.hitlBranch("loose", { subject: "s", options: { A: a } });`,
    ].join("\n");
    expect(where(await diagnosticsOf(bad, "3.3"))).toEqual([
      "DW166 dags-src/x.ts:4:5",
      "DW166 dags-src/x.ts:5:5",
      "DW166 dags-src/x.ts:6:5",
      "DW166 dags-src/x.ts:7:5",
      "DW166 dags-src/x.ts:8:5",
      "DW120 dags-src/x.ts:9:5",
    ]);
  });
});
