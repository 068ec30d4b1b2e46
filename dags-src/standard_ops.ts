import { dag, external } from "dagwright";
import dailyEtl from "./daily_etl.js";

/**
 * Airflow's standard operators on every line: latest-only, a marker that clears the ETL's
 * marts with this DAG, sensors on time of day, weekdays and a command, branches on the hour
 * and the weekday, a wait on another DAG's task group with its states, functions run by a
 * prepared interpreter (one of them a branch), and a summary email. Some provider modules warn
 * when imported on some lines (DW165 says which; on 3.1, LatestOnlyOperator's and the branches').
 * d.pythonSensor is not here: its module warns on 3.3, this project's target, and the
 * repository's examples compile without warnings there (tests/standard-ops.test.ts covers it).
 */
export default dag(
  "standard_ops",
  {
    schedule: "0 7 * * *",
    startDate: "2026-01-01",
    owner: "platform",
    tags: ["ops", "standard"],
  },
  (d) => {
    const latest = d.latestOnly("latest_only");
    const marker = d.externalTaskMarker("clear_etl_marts", { dag: dailyEtl, task: "build_marts", recursionDepth: 3 });
    const billing = d.externalTaskSensor("wait_for_billing_loads", {
      dag: external("billing_daily"),
      taskGroup: "loads",
      allowedStates: ["success", "skipped"],
      failedStates: ["failed", "upstream_failed"],
      mode: "reschedule",
      timeout: "2h",
    });
    const opening = d.timeSensor("wait_for_opening", { targetTime: "07:30", mode: "reschedule" });
    const deferred = d.timeSensor("wait_for_noon_deferred", { targetTime: "12:00:00", deferrable: true });
    const deferredMoment = d.dateTimeSensor("wait_for_moment_deferred", { targetTime: "{{ data_interval_end.add(hours=1) }}", deferrable: true });
    const deferredDelta = d.timeDeltaSensor("wait_for_delta_deferred", { delta: "15m", deferrable: true });
    const weekday = d.dayOfWeekSensor("wait_for_weekday", { weekDay: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"], useTaskLogicalDate: true, mode: "reschedule" });
    const fresh = d.externalPython("summarize_in_reports_env", {
      python: "/opt/venvs/reports/bin/python",
      callable: "reports.sources:summarize",
      kwargs: { region: "emea", top_n: "3" },
      expectAirflow: false,
      skipOnExitCode: [99],
    });
    const html = d.empty("render_html");
    const pdf = d.empty("render_pdf");
    const format = d.branchExternalPython("pick_format_in_reports_env", {
      python: "/opt/venvs/reports/bin/python",
      callable: "reports.branching:pick_format",
      kwargs: { audience: "ops" },
      targets: [html, pdf],
    });
    format.then([html, pdf]);
    const ready = d.bashSensor("wait_for_ready_flag", {
      command: "test -f /data/flags/{{ ds }}.ready",
      env: { LANG: "C.UTF-8" },
      outputEncoding: "utf-8",
      retryExitCode: 99,
      pokeInterval: "1m",
    });
    const hours = d.empty("in_business_hours");
    const offHours = d.empty("off_hours");
    const byTime = d.branchDateTime("branch_on_hours", {
      targetLower: "09:00",
      targetUpper: "17:30",
      followTaskIdsIfTrue: [hours],
      followTaskIdsIfFalse: [offHours],
    });
    const weekend = d.empty("weekend_report");
    const workweek = d.empty("workweek_report");
    const byDay = d.branchDayOfWeek("branch_on_weekday", {
      weekDay: ["Saturday", "Sunday"],
      followTaskIdsIfTrue: [weekend],
      followTaskIdsIfFalse: [workweek],
      useTaskLogicalDate: true,
    });
    const mail = d.email("send_summary", {
      to: ["ops@example.com"],
      subject: "standard_ops for {{ ds }}",
      htmlContent: "<p>Run {{ run_id }} finished.</p>",
      cc: "platform@example.com",
      mimeCharset: "utf-8",
      connId: "smtp_default",
      triggerRule: "none_failed_min_one_success",
    });
    latest.then([marker, billing, opening, deferred, deferredMoment, deferredDelta, weekday, fresh, ready, format]);
    d.chain([opening, weekday], byTime, [hours, offHours]);
    d.chain([fresh, ready], byDay, [weekend, workweek]);
    mail.after([hours, offHours, weekend, workweek, billing, html, pdf]);
  },
);
