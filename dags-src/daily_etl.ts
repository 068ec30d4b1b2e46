import { dag } from "dagwright";
import { SOURCE_TABLES, copyTable } from "./lib/warehouse.js";

/** Nightly ETL: every source table in parallel (fan-out), then one model build (fan-in). */
export default dag(
  "daily_etl",
  {
    schedule: "0 2 * * *",
    startDate: "2026-01-01",
    owner: "analytics",
    tags: ["etl", "warehouse"],
    maxActiveRuns: 1,
    dagrunTimeout: "6h",
    docs: "# Daily ETL\n\nCopies the source tables for `{{ ds }}` into staging, then rebuilds the marts.",
    defaults: { retries: 2, retryDelay: "5m", retryExponentialBackoff: true, maxRetryDelay: "1h", queue: "etl" },
  },
  (d) => {
    const start = d.empty("start");
    const copies = SOURCE_TABLES.map((table) => copyTable(d, table));
    const marts = d.bash("build_marts", {
      command: "echo 'building marts for {{ ds }}'",
      priorityWeight: 10,
    });
    const report = d.bash("notify", {
      command: "echo 'ETL for {{ ds }} finished'",
      triggerRule: "all_done",
      retries: 0,
    });
    start.then(copies.map((copy) => copy.extract));
    d.chain(
      copies.map((copy) => copy.load),
      marts,
      report,
    );
  },
);
