import { dag } from "dagwright";

/**
 * Deadline alerts (Airflow 3.1+'s DeadlineAlert, the replacement for Airflow 2's SLAs): a run
 * should be done two hours after it was queued, and the export by the end of each quarter's
 * last day; Airflow's triggerer awaits the async callback when one is missed.
 */
export default dag(
  "deadlines",
  {
    schedule: "@daily",
    startDate: "2026-01-01",
    owner: "data-platform",
    tags: ["example", "deadlines"],
    description: "Daily export that alerts when a run is late.",
    deadline: [
      { reference: "dagrunQueuedAt", interval: "2h", callback: "reports.alerts:late_run", kwargs: { channel: "#data-alerts" } },
      { reference: "dagrunLogicalDate", interval: "1d", callback: "reports.alerts:late_run" },
    ],
  },
  (d) => {
    d.bash("export", { command: "echo export of {{ ds }}" }).then(d.empty("done"));
  },
);
