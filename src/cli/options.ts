import { Option } from "commander";
import { AIRFLOW_TARGETS } from "../ir/schema.js";

/** `--airflow <version>`: compile for another Airflow version than the configured one. */
export function airflowOption(): Option {
  return new Option("--airflow <version>", "the Airflow version to compile for, instead of the configured one").choices(AIRFLOW_TARGETS);
}
