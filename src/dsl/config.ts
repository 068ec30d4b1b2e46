/** The project configuration users write in `dagwright.config.ts`. */
import type { CommonTaskOptions, SparkSettings, Timetable } from "./types.js";

/** An Airflow version dagwright can compile for. */
export type AirflowVersion = "2.9" | "2.10" | "2.11" | "3.0" | "3.1" | "3.2" | "3.3";

/**
 * What `dagwright.config.ts` exports (with `defineConfig`): where the sources and the output
 * are, the Airflow to compile for, and the defaults every task and Spark job starts from.
 */
export interface DagwrightConfig {
  /** The folder holding the DAG modules, relative to the config file. @default "dags-src" @example "pipelines" */
  srcDir?: string;
  /** The folder compile writes to, relative to the config file. @default "generated" @example "build/airflow" */
  outDir?: string;
  /** The Airflow version the generated DAG files are written for. Import paths and arguments follow it. @example "3.1" */
  airflow: AirflowVersion;
  /**
   * How cron and period schedules map onto runs, unless a DAG or its schedule says (see
   * {@link Timetable}). Airflow 3 users who want what `schedule="@daily"` means there choose
   * `"trigger"`. @default "dataInterval" @example "trigger"
   */
  timetable?: Timetable;
  /**
   * A folder whose files replace dagwright's templates of the same relative path,
   * for example `airflow/dag.py.hbs`. Relative to the config file. @example "templates"
   */
  templates?: string;
  /**
   * Options of every task in the project, in each DAG's `default_args`; a folder's, a DAG's, a
   * group's and a task's own options win, in that order. @example { owner: "data", retries: 1 }
   */
  defaults?: CommonTaskOptions;
  /** Options of every task of the DAGs defined in a folder of `srcDir`, by the folder's relative path. @example { ml: { queue: "gpu" } } */
  folders?: Record<string, CommonTaskOptions>;
  /** Spark settings every Spark task starts from, and named size profiles a task can pick. @example { defaults: { driver: { memory: "2g" } }, profiles: { large: { executor: { memory: "16g", instances: 20 } } } } */
  spark?: {
    /** Settings of every Spark job, unless its profile or the job itself says otherwise. @example { target: { kind: "submit", connId: "spark_yarn" } } */
    defaults?: SparkSettings;
    /** Named sets of settings, such as `small` and `large`, that a job picks with `profile`. @example { small: { executor: { instances: 2 } } } */
    profiles?: Record<string, SparkSettings>;
  };
  /**
   * The team's rules: modules that export rules made with `defineRule`, as paths or globs
   * relative to the config file. compile and validate run every rule they export after
   * dagwright's own checks.
   * @example ["rules/*.ts"]
   */
  rules?: readonly string[];
  /**
   * How serious each code's findings are, overriding its default: a team rule's code, or a
   * built-in warning's (`"DW504"`), as "error", "warning" or "off". dagwright's own errors stay
   * errors: an option they refuse would not load in Airflow.
   * @example { ACME001: "warning", DW504: "error" }
   */
  severity?: Readonly<Record<string, "error" | "warning" | "off">>;
  /**
   * The project's own Python, which dagwright reads (never runs) to check the callables that
   * tasks name and to write typed bindings of it under `<srcDir>/.python/` (`dagwright bind`).
   * @example { roots: ["python"], interpreter: ".venv/bin/python" }
   */
  python?: {
    /**
     * The source roots: folders whose packages and modules are importable by name when a task
     * runs, relative to the config file. A root that does not exist is an error, except the
     * default. @default ["python"] @example ["src", "jobs"]
     */
    roots?: readonly string[];
    /**
     * The Python that parses them (3.9 or newer; only its standard library's `ast` is used), a
     * command on PATH or a path relative to the config file. @default "python3" @example ".venv/bin/python"
     */
    interpreter?: string;
  };
  /** How `openlineage/` names jobs and links them to their sources. @example { namespace: "prod-airflow" } */
  openLineage?: {
    /**
     * The job namespace. Set it to what Airflow's OpenLineage provider uses
     * (`[openlineage] namespace`, `OPENLINEAGE_NAMESPACE`), so run-time events join these.
     * @default "default" @example "prod-airflow"
     */
    namespace?: string;
    /**
     * Where people read the sources: a URL with `{path}` (relative to the project root) and
     * `{line}`, e.g. "https://github.com/acme/pipelines/blob/main/{path}#L{line}". Without it, the
     * source-code-location facet holds a relative `file:` URL.
     * @example "https://github.com/acme/pipelines/blob/main/{path}#L{line}"
     */
    sourceUrl?: string;
    /** The source control system `sourceUrl` points into. @default "git" @example "git" */
    sourceControl?: string;
  };
}

/** Declare the project configuration; the identity function, there for types and editor help. */
export function defineConfig(config: DagwrightConfig): DagwrightConfig {
  return config;
}
