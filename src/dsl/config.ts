/** The project configuration users write in `dagwright.config.ts`. */
import type { CommonTaskOptions, SparkSettings, Timetable } from "./types.js";

/** An Airflow version dagwright can compile for. */
export type AirflowVersion = "2.9" | "2.10" | "2.11" | "3.0" | "3.1" | "3.2" | "3.3";

export interface DagwrightConfig {
  /** The folder holding the DAG modules, relative to the config file. @default "dags-src" */
  srcDir?: string;
  /** The folder compile writes to, relative to the config file. @default "generated" */
  outDir?: string;
  /** The Airflow version the generated DAG files are written for. Import paths and arguments follow it. */
  airflow: AirflowVersion;
  /**
   * How cron and period schedules map onto runs, unless a DAG or its schedule says (see
   * {@link Timetable}). Airflow 3 users who want what `schedule="@daily"` means there choose
   * `"trigger"`. @default "dataInterval"
   */
  timetable?: Timetable;
  /**
   * A folder whose files replace dagwright's templates of the same relative path,
   * for example `airflow/dag.py.hbs`. Relative to the config file.
   */
  templates?: string;
  /** Options of every task in the project; a folder's, a DAG's, a group's and a task's own options win, in that order. */
  defaults?: CommonTaskOptions;
  /** Options of every task of the DAGs defined in a folder of `srcDir`, by the folder's relative path (e.g. "ml"). */
  folders?: Record<string, CommonTaskOptions>;
  /** Spark settings every Spark task starts from, and named size profiles a task can pick. */
  spark?: {
    /** Settings of every Spark job, unless its profile or the job itself says otherwise. */
    defaults?: SparkSettings;
    /** Named sets of settings, such as `small` and `large`, that a job picks with `profile`. */
    profiles?: Record<string, SparkSettings>;
  };
  /**
   * The team's rules: modules that export rules made with `defineRule`, as paths or globs
   * relative to the config file. compile and validate run every rule they export after
   * dagwright's own checks.
   * @example rules: ["rules/*.ts"]
   */
  rules?: readonly string[];
  /**
   * How serious each code's findings are, overriding its default: a team rule's code, or a
   * built-in warning's (`"DW504"`), as "error", "warning" or "off". dagwright's own errors stay
   * errors: an option they refuse would not load in Airflow.
   * @example severity: { ACME001: "warning", DW504: "error" }
   */
  severity?: Readonly<Record<string, "error" | "warning" | "off">>;
  /** How `openlineage/` names jobs and links them to their sources. */
  openLineage?: {
    /**
     * The job namespace. Set it to what Airflow's OpenLineage provider uses
     * (`[openlineage] namespace`, `OPENLINEAGE_NAMESPACE`), so run-time events join these.
     * @default "default"
     */
    namespace?: string;
    /**
     * Where people read the sources: a URL with `{path}` (relative to the project root) and
     * `{line}`, e.g. "https://github.com/acme/pipelines/blob/main/{path}#L{line}". Without it, the
     * source-code-location facet holds a relative `file:` URL.
     */
    sourceUrl?: string;
    /** The source control system `sourceUrl` points into. @default "git" */
    sourceControl?: string;
  };
}

/** Declare the project configuration; the identity function, there for types and editor help. */
export function defineConfig(config: DagwrightConfig): DagwrightConfig {
  return config;
}
