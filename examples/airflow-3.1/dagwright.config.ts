import { defineConfig } from "dagwright";

/**
 * Examples of what only Airflow 3.1 and later have (human-in-the-loop operators), compiled for
 * those lines by the real-Airflow harness; ../../dags-src holds the examples every line compiles.
 */
export default defineConfig({
  airflow: "3.3",
});
