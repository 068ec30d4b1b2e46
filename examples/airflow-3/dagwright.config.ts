import { defineConfig } from "dagwright";

/**
 * Examples of what only Airflow 3 has (timetables, operators, arguments), compiled for the 3.x
 * lines by the real-Airflow harness; ../../dags-src holds the examples every line compiles.
 */
export default defineConfig({
  airflow: "3.3",
});
