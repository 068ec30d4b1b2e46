/**
 * The task context each Airflow line passes to a Python callable that names its values, read off
 * the installed Airflow (2.x: airflow.utils.context.KNOWN_CONTEXT_KEYS; 3.x: the task SDK's
 * Context). The authoring API types `context` with their union; capabilities say which line has which.
 */
/** Airflow 2.9's task context (airflow.utils.context.KNOWN_CONTEXT_KEYS). */
export const CONTEXT_2_9 = [
  "conf", "conn", "dag", "dag_run", "data_interval_end", "data_interval_start", "ds", "ds_nodash", "exception", "execution_date", "expanded_ti_count",
  "inlets", "logical_date", "macros", "map_index_template", "next_ds", "next_ds_nodash", "next_execution_date", "outlets", "params",
  "prev_data_interval_end_success", "prev_data_interval_start_success", "prev_ds", "prev_ds_nodash", "prev_end_date_success", "prev_execution_date",
  "prev_execution_date_success", "prev_start_date_success", "reason", "run_id", "task", "task_instance", "task_instance_key_str", "templates_dict",
  "test_mode", "ti", "tomorrow_ds", "tomorrow_ds_nodash", "triggering_dataset_events", "try_number", "ts", "ts_nodash", "ts_nodash_with_tz", "var",
  "yesterday_ds", "yesterday_ds_nodash",
] as const;
/** Airflow 2.10 adds the asset events of inlets and outlets. */
export const CONTEXT_2_10 = [...CONTEXT_2_9, "inlet_events", "outlet_events"] as const;
/** Airflow 3.0 drops the execution_date family and the neighbouring-day shortcuts, renames dataset events to asset events (airflow.sdk.definitions.context.Context). */
export const CONTEXT_3_0 = [
  ...CONTEXT_2_10.filter(
    (key) =>
      !["conf", "execution_date", "next_ds", "next_ds_nodash", "next_execution_date", "prev_ds", "prev_ds_nodash", "prev_execution_date", "prev_execution_date_success",
        "tomorrow_ds", "tomorrow_ds_nodash", "yesterday_ds", "yesterday_ds_nodash", "triggering_dataset_events"].includes(key),
  ),
  "triggering_asset_events", "task_reschedule_count", "start_date",
] as const;
/** Airflow 3.2 no longer lists start_date. */
export const CONTEXT_3_2 = CONTEXT_3_0.filter((key) => key !== "start_date");
/** Airflow 3.3 adds partitions and state stores. */
export const CONTEXT_3_3 = [...CONTEXT_3_2, "partition_date", "partition_key", "asset_state_store", "task_state_store"] as const;

/** Every context name some supported line has: what an author may declare. */
export const AIRFLOW_CONTEXT_KEYS = [...new Set([...CONTEXT_2_10, ...CONTEXT_3_0, ...CONTEXT_3_3])].sort();
export type AirflowContextKey = (typeof CONTEXT_2_10)[number] | (typeof CONTEXT_3_0)[number] | (typeof CONTEXT_3_3)[number];
