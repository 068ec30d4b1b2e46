/**
 * The catalogue of diagnostic codes: one entry per code, the single source of what each
 * means. Codes are stable: a code is never reused for another meaning.
 *
 * Families: DW0xx loading and configuration, DW1xx DAG structure, DW2xx schedules and
 * dates, DW3xx task options, DW4xx Spark jobs.
 */
import type { Severity } from "../ir/diagnostic.js";

export interface CodeInfo {
  title: string;
  severity: Severity;
  /** What the diagnostic means and why it matters. */
  explanation: string;
  /** A small TypeScript example that triggers it. */
  example: string;
  /** How to fix it. */
  fix: string;
}

export const CODES = {
  DW001: {
    title: "TypeScript error",
    severity: "error",
    explanation: "A DAG module does not type-check. dagwright type-checks every module before running it, as tsc would.",
    example: `d.bash("load", { command: "echo", retries: "3" }); // retries must be a number`,
    fix: "Fix the type error; the message carries TypeScript's own code (TSnnnn).",
  },
  DW002: {
    title: "Module failed while running",
    severity: "error",
    explanation: "Evaluating a DAG module threw an exception, so its DAGs could not be collected.",
    example: `const tables = JSON.parse("not json");`,
    fix: "Fix the code at the reported line; DAG modules run at compile time like any other code.",
  },
  DW003: {
    title: "No DAGs found",
    severity: "warning",
    explanation: "No module of the source folder exports a DAG, so nothing is generated.",
    example: `dag("orphan", { schedule: null }, () => {}); // created but not exported`,
    fix: "Export every DAG: `export default dag(...)` or `export const x = dag(...)`.",
  },
  DW004: {
    title: "Invalid option value",
    severity: "error",
    explanation: "An option has a value of the wrong shape or an unknown name; TypeScript reports most of these, code that escapes the types gets this.",
    example: `dag("x", { schedule: null, retrys: 2 } as any, () => {});`,
    fix: "Use the option names and value types the authoring API documents.",
  },
  DW005: {
    title: "Invalid configuration",
    severity: "error",
    explanation: "dagwright.config.ts is missing, fails to run, or holds an invalid value.",
    example: `export default defineConfig({ airflow: "1.10" });`,
    fix: "Export `defineConfig({ airflow: \"3.3\" })` or another supported Airflow version from dagwright.config.ts.",
  },
  DW006: {
    title: "Module evaluation timed out",
    severity: "error",
    explanation: "A DAG module did not finish evaluating within the time limit (10 seconds by default), so the compile was stopped rather than hang.",
    example: `while (true) {}`,
    fix: "Look for an endless loop or slow top-level work; DAG modules should only build DAGs.",
  },
  DW007: {
    title: "Module evaluation ran out of memory",
    severity: "error",
    explanation: "Evaluating the DAG modules used more memory than the limit (2048 MiB by default), so evaluation was stopped before it could take the compiler down.",
    example: `const rows = []; while (true) rows.push(new Array(1e6).fill(0));`,
    fix: "Look for a loop that keeps allocating, or large data built at the top level of a module.",
  },
  DW008: {
    title: "Generated output out of date",
    severity: "error",
    explanation: "`dagwright compile --check` found a file in the output folder that differs from what compile would write, is missing, or is left over from an earlier compile.",
    example: `# a DAG module changed, but generated/ was not recompiled and committed`,
    fix: "Run `dagwright compile` and commit the output folder.",
  },
  DW101: {
    title: "Dependency cycle",
    severity: "error",
    explanation: "Tasks depend on each other in a circle, so none of them could ever start. Airflow refuses such a DAG.",
    example: `a.then(b); b.then(c); c.then(a);`,
    fix: "Remove one of the dependencies on the reported path.",
  },
  DW102: {
    title: "Duplicate task id",
    severity: "error",
    explanation: "Two tasks of one DAG have the same id; Airflow requires task ids to be unique within a DAG.",
    example: `d.bash("load", {...}); d.bash("load", {...});`,
    fix: "Give each task its own id, for example by adding the table name in a loop.",
  },
  DW103: {
    title: "Duplicate DAG id",
    severity: "error",
    explanation: "Two DAGs of the project have the same id; Airflow would load only one of them and report an import error.",
    example: `// a.ts and b.ts both: dag("daily_etl", ...)`,
    fix: "Rename one of the DAGs.",
  },
  DW104: {
    title: "Invalid DAG id",
    severity: "error",
    explanation: "Airflow accepts DAG ids of 1 to 250 characters from letters A-Z and a-z, digits, `_`, `.` and `-`.",
    example: `dag("daily etl", ...)`,
    fix: "Use only ASCII letters, digits, underscores, dots and dashes.",
  },
  DW105: {
    title: "Invalid task id",
    severity: "error",
    explanation: "Airflow accepts task ids of 1 to 250 characters from letters A-Z and a-z, digits, `_`, `.` and `-`.",
    example: `d.bash("load/orders", ...)`,
    fix: "Use only ASCII letters, digits, underscores, dots and dashes.",
  },
  DW106: {
    title: "Dependency on a task of another DAG",
    severity: "error",
    explanation: "A task handle of one DAG was used as a dependency of a task in another. Airflow dependencies only exist within a DAG.",
    example: `const a = ...; dag("other", ..., (d) => { d.empty("x").after(a); });`,
    fix: "Keep dependencies within one DAG; to wait for another DAG, schedule on its data or use a sensor.",
  },
  DW107: {
    title: "Empty DAG",
    severity: "warning",
    explanation: "The DAG has no tasks, so its runs do nothing.",
    example: `dag("x", { schedule: null }, () => {});`,
    fix: "Add tasks in the body, or remove the DAG.",
  },
  DW108: {
    title: "Not a task handle",
    severity: "error",
    explanation: "A dependency was given something other than a task handle, such as a task id string.",
    example: `extract.then("load");`,
    fix: "Pass the handle a task builder returned: `const load = d.bash(...); extract.then(load)`.",
  },
  DW109: {
    title: "chain over lists of different lengths",
    severity: "error",
    explanation: "`chain` links two adjacent lists pairwise, as Airflow's chain does, so they must have the same length.",
    example: `d.chain(a, [b, c], [x, y, z]);`,
    fix: "Give both lists the same length, or link them with `then`.",
  },
  DW110: {
    title: "Task added after the DAG body returned",
    severity: "error",
    explanation: "A DAG's tasks are collected while its body runs; a builder used later has no DAG to add to.",
    example: `let ctx; dag("x", {...}, (d) => { ctx = d; }); ctx.empty("late");`,
    fix: "Create every task inside the body function passed to dag().",
  },
  DW111: {
    title: "Asynchronous DAG body",
    severity: "error",
    explanation: "A DAG's tasks are collected when its body returns. An async body returns at its first await, so tasks it adds later would be lost.",
    example: `dag("etl", { schedule: null }, async (d) => { for (const t of await tables()) d.empty(t); });`,
    fix: "Build the DAG synchronously: compute inputs first (fs.readFileSync, constants), without async or await.",
  },
  DW201: {
    title: "Invalid schedule",
    severity: "error",
    explanation: "The schedule is neither one of Airflow's presets nor a valid five-field cron expression.",
    example: `schedule: "0 25 * * *" // hour 25`,
    fix: "Use a preset such as \"@daily\", a cron expression such as \"0 3 * * *\", { every: \"6h\" }, or null.",
  },
  DW202: {
    title: "Missing start date",
    severity: "error",
    explanation: "A scheduled DAG needs a start date: Airflow computes its runs from it.",
    example: `dag("x", { schedule: "@daily" }, ...)`,
    fix: "Add `startDate: \"2026-01-01\"` (UTC).",
  },
  DW203: {
    title: "Malformed date",
    severity: "error",
    explanation: "Dates are written in UTC as `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS]Z`, and must exist in the calendar.",
    example: `startDate: "2026-02-30"`,
    fix: "Write a real date, for example \"2026-01-01\" or \"2026-01-01T06:00Z\".",
  },
  DW204: {
    title: "End date before start date",
    severity: "error",
    explanation: "The DAG's end date is before its start date, so it would never run.",
    example: `startDate: "2026-06-01", endDate: "2026-01-01"`,
    fix: "Swap or correct the dates.",
  },
  DW205: {
    title: "@continuous needs maxActiveRuns: 1",
    severity: "error",
    explanation: "Airflow refuses a `@continuous` DAG that may have more than one active run.",
    example: `schedule: "@continuous", maxActiveRuns: 4`,
    fix: "Set `maxActiveRuns: 1` or leave it unset.",
  },
  DW301: {
    title: "Invalid duration",
    severity: "error",
    explanation: "Durations are a whole number followed by s, m, h or d, with no space.",
    example: `retryDelay: "5 minutes"`,
    fix: "Write for example \"30s\", \"5m\", \"2h\" or \"1d\".",
  },
  DW302: {
    title: "Invalid number",
    severity: "error",
    explanation: "The option takes a whole number in a range: retries 0 or more; poolSlots, maxActiveRuns and maxActiveTasks 1 or more; priorityWeight within 32 bits.",
    example: `retries: 1.5`,
    fix: "Use a whole number in the documented range.",
  },
  DW303: {
    title: "Trigger rule not supported by the target Airflow",
    severity: "error",
    explanation: "The trigger rule does not exist in the Airflow version the project compiles for, which would be an import error there.",
    example: `triggerRule: "all_done_min_one_success" // Airflow 3.1+`,
    fix: "Choose another trigger rule, or target a newer Airflow in dagwright.config.ts.",
  },
  DW304: {
    title: "Invalid Python callable",
    severity: "error",
    explanation: "A Python task's callable must be written `package.module:function` with valid Python identifiers.",
    example: `callable: "ml/train.py"`,
    fix: "Write the module's import path, a colon, and the function's name: \"ml.churn.train:main\".",
  },
  DW305: {
    title: "Invalid tag",
    severity: "error",
    explanation: "Airflow rejects tags that are empty or longer than 100 characters.",
    example: `tags: [""]`,
    fix: "Use short, non-empty tags.",
  },
  DW401: {
    title: "Invalid Spark memory size",
    severity: "error",
    explanation: "Spark memory sizes are JVM sizes: a whole positive number and k, m, g or t. Spark rejects \"4gb\" or \"4 GB\" only when the job starts.",
    example: `executor: { memory: "4gb" }`,
    fix: "Write a whole number and k, m, g or t with no \"b\" and no space, for example \"4g\" or \"512m\".",
  },
  DW402: {
    title: "Invalid Spark core or executor count",
    severity: "error",
    explanation: "Cores and executor instances are whole numbers, 1 or more; dynamic allocation bounds are whole numbers, 0 or more.",
    example: `executor: { cores: 0.5 }`,
    fix: "Use a whole number in range.",
  },
  DW403: {
    title: "Fixed executors with dynamic allocation",
    severity: "error",
    explanation: "executor.instances fixes the number of executors, while dynamic allocation scales it; together they fight, and Spark quietly lets one win.",
    example: `executor: { instances: 10 }, dynamicAllocation: { min: 2, max: 20 }`,
    fix: "Keep one: executor.instances for a fixed size, or dynamicAllocation to scale.",
  },
  DW404: {
    title: "Dynamic allocation bounds out of order",
    severity: "error",
    explanation: "Dynamic allocation needs min <= initial <= max, and a max so the job stays bounded.",
    example: `dynamicAllocation: { min: 10, max: 5 }`,
    fix: "Order the bounds min <= initial <= max and set max.",
  },
  DW405: {
    title: "Spark conf key without spark. prefix",
    severity: "error",
    explanation: "Spark reads only properties whose names start with \"spark.\"; it ignores the others with a warning in the driver log.",
    example: `conf: { "executor.memory": "4g" }`,
    fix: "Use the property's full name; for Hadoop settings use spark.hadoop.<key>.",
  },
  DW406: {
    title: "Misspelled Spark property",
    severity: "error",
    explanation: "The conf key is one or two edits away from a property Spark defines. Spark silently ignores unknown properties, so the setting would have no effect.",
    example: `conf: { "spark.sql.shuffle.partitons": 200 }`,
    fix: "Use the property the message suggests.",
  },
  DW407: {
    title: "Unknown Spark property",
    severity: "warning",
    explanation: "The conf key is not a property this Spark version defines and not under a known prefix such as spark.hadoop. It may belong to a plugin; if not, Spark ignores it silently.",
    example: `conf: { "spark.my.plugin.setting": "x" }`,
    fix: "Check the spelling; leave it if a plugin reads it.",
  },
  DW408: {
    title: "Spark conf key duplicates a typed field",
    severity: "error",
    explanation: "The conf key sets what a typed field of the job is for (memory, cores, executors, dynamic allocation, jars, ...). Two places for one setting drift apart.",
    example: `executor: { memory: "4g" }, conf: { "spark.executor.memory": "8g" }`,
    fix: "Use the typed field and drop the conf key.",
  },
  DW409: {
    title: "Main class does not match the application",
    severity: "error",
    explanation: "A jar application needs mainClass; a Python application has none.",
    example: `application: "jobs/etl.jar"`,
    fix: "Add mainClass for a jar, or remove it for a .py file.",
  },
  DW410: {
    title: "Unknown Spark application type",
    severity: "error",
    explanation: "dagwright runs Python (.py) and JVM (.jar) Spark applications.",
    example: `application: "jobs/etl.scala"`,
    fix: "Point application at the .py file or the built .jar.",
  },
  DW411: {
    title: "Unknown Spark size profile",
    severity: "error",
    explanation: "The job names a profile that spark.profiles in dagwright.config.ts does not define.",
    example: `profile: "larg"`,
    fix: "Use a defined profile name, or define the profile.",
  },
  DW412: {
    title: "Incomplete Kubernetes Spark target",
    severity: "error",
    explanation: "A SparkApplication needs the container image and the Spark version in it.",
    example: `target: { kind: "kubernetes", namespace: "spark" }`,
    fix: "Set target.image and target.sparkVersion on the task, its profile or spark.defaults.",
  },
  DW413: {
    title: "Invalid Kubernetes name",
    severity: "error",
    explanation: "Kubernetes namespaces and service accounts are DNS names: lower-case letters, digits and '-' (and '.' for service accounts).",
    example: `target: { kind: "kubernetes", namespace: "Spark_Jobs" }`,
    fix: "Use a valid DNS-1123 name.",
  },
} satisfies Record<string, CodeInfo>;

export type Code = keyof typeof CODES;
