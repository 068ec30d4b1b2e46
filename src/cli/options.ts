import { InvalidArgumentError, Option, type Command } from "commander";
import { AIRFLOW_TARGETS } from "../ir/targets.js";
import { FORMATS, type Format } from "./formats.js";

/** `--airflow <version>`: compile for another Airflow version than the configured one. */
export function airflowOption(): Option {
  return new Option("--airflow <version>", "the Airflow version to compile for, instead of the configured one").choices(AIRFLOW_TARGETS);
}

/** `--module-timeout <seconds>`: how long one DAG module may take to evaluate before it is stopped (DW006). */
export function moduleTimeoutOption(): Option {
  return new Option("--module-timeout <seconds>", "stop a DAG module that takes longer than this to evaluate (DW006)").default(10, "10").argParser((value) => {
    const seconds = Number(value);
    if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) throw new InvalidArgumentError("expected a number of seconds above 0, at most 3600");
    return seconds;
  });
}

/** `-C, --root <dir>`: the project folder; without it, the nearest folder upward holding the config, as tsc finds tsconfig.json. */
export function rootOption(): Option {
  return new Option("-C, --root <dir>", "the project folder, holding dagwright.config.ts (default: the nearest such folder from here upward)");
}

/** `--verbose`: per-stage timings, and which TypeScript checked the code. */
export function verboseOption(): Option {
  return new Option("--verbose", "print each stage's time, and which TypeScript checked the code (or that the cache answered), on stderr");
}

/** `--no-cache`: check and evaluate everything, ignoring and not updating the cache. */
export function noCacheOption(): Option {
  return new Option("--no-cache", "ignore the type-check, evaluation, emit and up-to-date caches in node_modules/.cache/dagwright/ or DAGWRIGHT_CACHE_DIR (and leave them as they are)");
}

/** The options of commands that report diagnostics. */
export interface ReportingOptions {
  format: Format;
  maxWarnings?: number;
  strict?: boolean;
}

/** `--format`, `--max-warnings` and `--strict`, for commands that report diagnostics. */
export function addReportingOptions(command: Command): Command {
  return command
    .addOption(new Option("--format <format>", "how to print diagnostics: pretty for people, json, github annotations or sarif").choices(FORMATS).default("pretty"))
    .addOption(
      new Option("--max-warnings <n>", "fail when there are more than n warnings").argParser((value) => {
        const count = Number(value);
        if (!Number.isInteger(count) || count < 0) throw new InvalidArgumentError("expected a whole number, 0 or more");
        return count;
      }),
    )
    .option("--strict", "treat every warning as an error (for CI)");
}

/** Whether the warnings alone make the command fail. */
export function tooManyWarnings(warnings: number, options: ReportingOptions): boolean {
  return (options.strict === true && warnings > 0) || (options.maxWarnings !== undefined && warnings > options.maxWarnings);
}

/** Why the warnings failed the command. */
export function warningLimit(warnings: number, options: ReportingOptions): string {
  return options.strict ? `${warnings} warning${warnings === 1 ? "" : "s"} with --strict` : `${warnings} warnings exceed --max-warnings ${options.maxWarnings}`;
}

/** `--select` and `--exclude`, as dbt's selectors (see src/graph/select.ts). */
export interface SelectOptions {
  select?: string[];
  exclude?: string[];
}

export function selectOptions(command: Command): Command {
  return command
    .option("-s, --select <selector...>", "only these DAGs or tasks: a DAG id glob (churn_*), tag:<tag>, owner:<owner>, folder:<path>, dag_id.task_glob; +selector adds what is upstream, selector+ what is downstream")
    .option("--exclude <selector...>", "leave these out (the same selectors)");
}
