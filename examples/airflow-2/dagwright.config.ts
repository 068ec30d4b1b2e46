import { defineConfig } from "dagwright";

/**
 * Examples of what only Airflow 2 has (the graph view's orientation, which Airflow 3 removed),
 * compiled for the 2.x lines by the real-Airflow harness; ../../dags-src holds what every line has.
 */
export default defineConfig({
  airflow: "2.10",
});
