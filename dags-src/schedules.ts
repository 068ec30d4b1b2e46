import { dag } from "dagwright";
import { churnFeatures } from "./lib/assets.js";

/**
 * The ways a DAG's runs map onto time, each spelled out so it means the same on Airflow 2 and 3:
 * a trigger timetable with a data interval, fixed moments, and assets or a time.
 */

/** Runs at 01:00 UTC, covering the day before it (Airflow 3's meaning of a cron, with an interval). */
export const nightlyExports = dag(
  "nightly_exports",
  {
    schedule: { cron: "0 1 * * *", timetable: "trigger", interval: "1d" },
    startDate: "2026-01-01",
    owner: "analytics",
    tags: ["schedules"],
    description: "Exports yesterday's orders at one in the morning.",
  },
  (d) => {
    d.bash("export_orders", { command: "echo exporting orders from {{ data_interval_start }} to {{ data_interval_end }}" });
  },
);

/** Runs at the quarter closes only. */
export const quarterClose = dag(
  "quarter_close",
  {
    schedule: { events: ["2026-03-31T18:00Z", "2026-06-30T18:00Z", "2026-09-30T18:00Z", "2026-12-31T18:00Z"], description: "Quarter closes" },
    startDate: "2026-01-01",
    owner: "finance",
    tags: ["schedules"],
  },
  (d) => {
    d.bash("close_books", { command: "echo closing the books for {{ ds }}" });
  },
);

/** Runs whenever new churn features land, and weekly whatever happens. */
export const featureAudit = dag(
  "feature_audit",
  {
    schedule: { assets: [churnFeatures], or: "@weekly" },
    startDate: "2026-01-01",
    owner: "ml-platform",
    tags: ["schedules", "ml"],
  },
  (d) => {
    d.bash("audit_features", { command: "echo auditing the churn features", inputs: [churnFeatures] });
  },
);

/** Airflow 3's `schedule="@daily"`: a run at each midnight, for that day (tests/airflow/twins/daily_at_midnight.py). */
export const dailyAtMidnight = dag(
  "daily_at_midnight",
  {
    schedule: "@daily",
    timetable: "trigger",
    startDate: "2026-01-01",
    tags: ["schedules"],
    suppress: { ACME001: "the twin of tests/airflow/twins/daily_at_midnight.py, which sets no owner" },
  },
  (d) => {
    d.bash("stamp", { command: "echo {{ logical_date }}" });
  },
);
