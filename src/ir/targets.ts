/** The Airflow versions dagwright compiles for, without the schema library, so the CLI can name them at start. */
export const AIRFLOW_TARGETS = ["2.9", "2.10", "2.11", "3.0", "3.1", "3.2", "3.3"] as const;
