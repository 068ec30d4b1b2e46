import { defineConfig } from "dagwright";

/**
 * Examples of what only Airflow 3.1 and later have (deadline alerts, which replace Airflow 2's
 * SLAs, and the human-in-the-loop operators), compiled for those lines by the real-Airflow
 * harness; ../airflow-3 holds what every 3.x line has, and ../../dags-src what every line has.
 */
export default defineConfig({
  airflow: "3.3",
});
