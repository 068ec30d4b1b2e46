import { defineConfig } from "dagwright";

/**
 * Examples of what Airflow 3.1 and newer have (deadline alerts, which replace Airflow 2's SLAs),
 * compiled for the 3.1+ lines by the real-Airflow harness; ../airflow-3 holds what every 3.x
 * line has, and ../../dags-src what every line has.
 */
export default defineConfig({
  airflow: "3.3",
});
