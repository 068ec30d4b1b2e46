/**
 * The catalogue of diagnostic codes: one entry per code, the single source of what each
 * means. Codes are stable: a code is never reused for another meaning.
 *
 * Families: DW0xx loading and configuration, DW1xx DAG structure, DW2xx schedules and
 * dates, DW3xx task options.
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
} satisfies Record<string, CodeInfo>;

export type Code = keyof typeof CODES;
