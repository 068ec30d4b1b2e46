/**
 * Where each typed Spark resource goes: a spark-submit flag (and the SparkSubmitOperator
 * argument that becomes it), a Spark property, and the SparkApplication field. The tables are
 * typed over the IR's fields, so a new resource field without a destination is a type error.
 * Entries are in the order the SparkApplication writes them.
 */
import type { DynamicAllocation, SparkDriver, SparkExecutor } from "../../ir/spark.js";

export interface SparkDestination {
  /** The spark-submit flag, with the SparkSubmitOperator argument Airflow's hook turns into it. */
  flag?: { flag: string; airflow: string };
  /** The Spark property, when spark-submit has no flag for it. */
  conf?: string;
  /** The field of the SparkApplication's driver, executor or dynamicAllocation. */
  sparkApplication: string;
}

export const DRIVER: { readonly [F in keyof SparkDriver]-?: SparkDestination } = {
  cores: { conf: "spark.driver.cores", sparkApplication: "cores" },
  memory: { flag: { flag: "--driver-memory", airflow: "driver_memory" }, sparkApplication: "memory" },
  memoryOverhead: { conf: "spark.driver.memoryOverhead", sparkApplication: "memoryOverhead" },
};

export const EXECUTOR: { readonly [F in keyof SparkExecutor]-?: SparkDestination } = {
  cores: { flag: { flag: "--executor-cores", airflow: "executor_cores" }, sparkApplication: "cores" },
  memory: { flag: { flag: "--executor-memory", airflow: "executor_memory" }, sparkApplication: "memory" },
  memoryOverhead: { conf: "spark.executor.memoryOverhead", sparkApplication: "memoryOverhead" },
  instances: { flag: { flag: "--num-executors", airflow: "num_executors" }, sparkApplication: "instances" },
};

export const DYNAMIC_ALLOCATION: { readonly [F in keyof DynamicAllocation]-?: SparkDestination } = {
  initial: { conf: "spark.dynamicAllocation.initialExecutors", sparkApplication: "initialExecutors" },
  min: { conf: "spark.dynamicAllocation.minExecutors", sparkApplication: "minExecutors" },
  max: { conf: "spark.dynamicAllocation.maxExecutors", sparkApplication: "maxExecutors" },
};

/** The values of `settings` that go to `destination`'s kind, as [destination, value] pairs in table order. */
export function destined<T extends object>(
  table: { readonly [F in keyof T]-?: SparkDestination },
  settings: T,
): Array<[SparkDestination, string | number]> {
  return (Object.keys(table) as Array<keyof T>).flatMap((field) => {
    const value = settings[field] as string | number | undefined;
    return value === undefined ? [] : [[table[field], value] as [SparkDestination, string | number]];
  });
}
