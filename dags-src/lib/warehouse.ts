/** Helpers shared by the warehouse DAGs: one place that knows how a table is loaded. */
import type { DagContext, TaskHandle } from "dagwright";

/** The source tables the nightly ETL copies into the warehouse. */
export const SOURCE_TABLES = ["orders", "customers", "products", "payments"] as const;

export type SourceTable = (typeof SOURCE_TABLES)[number];

/** The two ends of one table's copy, so callers can link to either. */
export interface TableCopy {
  extract: TaskHandle;
  load: TaskHandle;
}

/** Extract one table's partition for the run's day and load it into staging. */
export function copyTable(d: DagContext, table: SourceTable): TableCopy {
  const extract = d.bash(`extract_${table}`, {
    command: `echo "extracting ${table} for {{ ds }}" && mkdir -p /tmp/dagwright-etl/{{ ds }} && echo ok > /tmp/dagwright-etl/{{ ds }}/${table}.csv`,
    env: { SOURCE_TABLE: table },
    executionTimeout: "30m",
  });
  const load = d.bash(`load_${table}`, {
    command: `echo "loading /tmp/dagwright-etl/{{ ds }}/${table}.csv into staging.${table}"`,
    pool: "warehouse",
  });
  extract.then(load);
  return { extract, load };
}
