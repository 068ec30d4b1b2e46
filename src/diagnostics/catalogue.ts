/**
 * The catalogue of diagnostic codes: one entry per code, the single source of what each means
 * (title, severity, explanation, example, fix) and how its message reads (a template over typed
 * arguments). `dagwright explain`, docs/diagnostics.md, SARIF rules and every report come from
 * here. Codes are stable: a code is never reused for another meaning.
 *
 * Families: DW0xx loading and configuration, DW1xx DAG structure, DW2xx schedules and dates,
 * DW3xx task options, DW4xx Spark jobs, DW5xx data lineage.
 */
import { CONFIG_FILE } from "../values/names.js";
import { bare, plural, q, subject, type Subject } from "./subjects.js";

export interface CodeInfo {
  title: string;
  severity: "error" | "warning";
  /** What the diagnostic means and why it matters. */
  explanation: string;
  /** A small TypeScript example that triggers it. */
  example: string;
  /** How to fix it; the hint of a diagnostic unless its template gives a more specific one. */
  fix: string;
  /**
   * The modules (paths under src/, without extension) that report this code, when more than one
   * does; a test holds every other code to exactly one reporting module.
   */
  sharedBy?: readonly string[];
}

interface Entry<A> extends CodeInfo {
  /** The message, from what the reporting rule knows. */
  message(args: A): string;
  /** A hint more specific than `fix`, when there is one for these arguments. */
  hint?(args: A): string | undefined;
}

/** Infers an entry's argument type from its template. */
function entry<A>(definition: Entry<A>): Entry<A> {
  return definition;
}

/** A subject that may be the defaults of a DAG or a group rather than the thing itself. */
export type OptionsOwner = Subject & { defaults?: true };

function owner(where: OptionsOwner): string {
  return `${subject(where)}${where.defaults ? ", defaults" : ""}`;
}

type Task = { dag: string; task: string };

/** What a Kubernetes name names: namespaces, volumes and init containers are DNS labels, the others DNS subdomains. */
export type KubernetesNameField = "namespace" | "volume" | "init container" | "service account" | "secret" | "config map" | "persistent volume claim" | "image pull secret";
const DNS_LABEL_FIELDS: readonly KubernetesNameField[] = ["namespace", "volume", "init container"];
const task = (args: Task) => subject({ dag: args.dag, task: args.task });
const sparkTask = (args: Task) => subject({ dag: args.dag, task: args.task, as: "Spark task" });


export const CATALOGUE = {
  DW001: entry<{ ts: { code: number; text: string } } | { topLevelAwait: string } | { syntax: { file: string; text: string } }>({
    title: "TypeScript error",
    severity: "error",
    explanation: "A DAG module does not type-check. dagwright type-checks every module as tsc would, and uses nothing the modules build until all of them do.",
    example: `d.bash("load", { command: "echo", retries: "3" }); // retries must be a number`,
    fix: "Fix the type error as the editor shows it. The report leads with TypeScript's own code (TSnnnn) and message, exactly as tsc prints them; DW001 is the code dagwright files them all under.",
    sharedBy: ["load/typecheck/diagnostics", "load/evaluate"],
    message: (a) =>
      "ts" in a
        ? a.ts.text
        : "topLevelAwait" in a
          ? `${a.topLevelAwait} uses top-level await, which DAG modules do not support`
          : `syntax error in ${a.syntax.file}: ${a.syntax.text}`,
    hint: (a) =>
      "ts" in a
        ? "fix the type error as the editor shows it; dagwright uses DAG modules only once they type-check (DW001)"
        : "topLevelAwait" in a
          ? "build DAGs synchronously at the top level; read inputs with synchronous calls such as fs.readFileSync"
          : "fix the syntax at this line",
  }),
  DW002: entry<
    | { threw: { file: string; text: string; cycle?: string } }
    | { unresolved: { file: string; text: string } }
    | { failed: { file: string; text: string } }
    | { stopped: { exitCode: number; during?: string } }
    | { workerFailed: { text: string; during?: string } }
    | { later: { kind: "exception" | "rejection"; text: string; file?: string } }
    | { exited: { file: string; call: string } }
  >({
    title: "Module failed while running",
    severity: "error",
    explanation: "Evaluating a DAG module threw an exception, so its DAGs could not be collected.",
    example: `const tables = JSON.parse("not json");`,
    fix: "Fix the code at the reported line; DAG modules run at compile time like any other code.",
    sharedBy: ["load/evaluate", "load/session"],
    message: (a) => {
      const during = (file: string | undefined) => (file === undefined ? "" : ` while evaluating ${file}`);
      if ("threw" in a) return `${a.threw.file} threw while being evaluated: ${a.threw.text}${a.threw.cycle ? ` (${a.threw.cycle}: one of them ran before the other had set its exports)` : ""}`;
      if ("unresolved" in a) return `${a.unresolved.file}: ${a.unresolved.text}`;
      if ("failed" in a) return `${a.failed.file} failed: ${a.failed.text}`;
      if ("later" in a) {
        const where = a.later.file ? ` in ${a.later.file}` : "";
        const what = a.later.kind === "rejection" ? `a promise${where} was rejected and nothing handled it` : `a timer or callback${where} threw`;
        return `${what} after evaluation: ${a.later.text}`;
      }
      if ("exited" in a) return `${a.exited.file} called process.exit while being evaluated (${a.exited.call})`;
      if ("stopped" in a) return `module evaluation stopped unexpectedly (exit code ${a.stopped.exitCode})${during(a.stopped.during)}`;
      return `module evaluation failed${during(a.workerFailed.during)}: ${a.workerFailed.text}`;
    },
    hint: (a) => {
      if ("threw" in a && a.threw.cycle) return "break the import cycle: move what both modules need into a third module that imports neither";
      if ("threw" in a) return "DAG modules run at compile time like any code; fix the error at this line";
      if ("unresolved" in a) return "check the import path";
      if ("later" in a) return "build DAGs synchronously; handle the promise (await it in a function, or .catch it), or remove the timer";
      if ("exited" in a) return "DAG modules must not end the process; throw an Error to report a problem instead";
      return undefined;
    },
  }),
  DW003: entry<{ srcDir: string }>({
    title: "No DAGs found",
    severity: "warning",
    explanation: "No module of the source folder exports a DAG, so nothing is generated.",
    example: `dag("orphan", { schedule: null }, () => {}); // created but not exported`,
    fix: "Export every DAG: `export default dag(...)` or `export const x = dag(...)`.",
    message: (a) => `no module in ${a.srcDir || "."} exports a DAG`,
    hint: () => "export each DAG: `export default dag(...)` or `export const daily = dag(...)`",
  }),
  DW004: entry<{ where: Subject; problem: string }>({
    title: "Invalid option value",
    severity: "error",
    explanation: "An option has a value of the wrong shape or an unknown name; TypeScript reports most of these, code that escapes the types gets this.",
    example: `dag("x", { schedule: null, retrys: 2 } as any, () => {});`,
    fix: "Use the option names and value types the authoring API documents.",
    sharedBy: ["load/shape", "dsl/dag"],
    message: (a) => `${subject(a.where)}: ${a.problem}`,
  }),
  DW005: entry<
    | { missing: string }
    | { noDefaultExport: { versions: readonly string[] } }
    | { invalid: { problems: readonly string[]; versions: readonly string[] } }
    | { notData: string; function?: true }
    | { folder: string }
    | { severity: string }
    | { rules: { pattern: string } }
    | { pythonRoot: string }
  >({
    title: "Invalid configuration",
    severity: "error",
    explanation: "dagwright.config.ts is missing, fails to run, or holds an invalid value.",
    example: `export default defineConfig({ airflow: "1.10" });`,
    fix: "Export `defineConfig({ airflow: \"3.3\" })` or another supported Airflow version from dagwright.config.ts.",
    sharedBy: ["load/config", "load/evaluate"],
    message: (a) =>
      "missing" in a
        ? `no ${CONFIG_FILE} in ${a.missing}`
        : "noDefaultExport" in a
          ? `${CONFIG_FILE} has no default export`
          : "invalid" in a
            ? `invalid configuration: ${a.invalid.problems.join("; ")}`
            : "folder" in a
              ? `invalid configuration: ${a.folder}`
              : "severity" in a
                ? `invalid configuration: ${a.severity}`
                : "rules" in a
                  ? `invalid configuration: rules: ${q(a.rules.pattern)} matches no TypeScript module`
                  : "pythonRoot" in a
                    ? `invalid configuration: python.roots: ${q(a.pythonRoot)} is not a folder of the project`
                    : a.function
                ? `${a.notData} exports a function, not the configuration`
                : `${a.notData} exports something other than plain data`,
    hint: (a) => {
      if ("notData" in a && a.function) return "export the configuration itself: export default defineConfig({ airflow: \"3.3\" }), not a function that returns it";
      if ("folder" in a) return "srcDir, outDir and templates name folders relative to the project; outDir needs a folder of its own, such as generated";
      if ("severity" in a) return 'severity takes a team rule\'s code or a built-in warning\'s, each "error", "warning" or "off": severity: { ACME001: "warning", DW504: "error" }';
      if ("pythonRoot" in a) return 'python.roots lists the folders that hold the Python packages tasks import, relative to the config: python: { roots: ["python"] }';
      if ("rules" in a) return "rules lists rule modules relative to the config, as paths or globs: rules: [\"rules/*.ts\"]";
      if ("missing" in a) return "run `dagwright init` to create a project, or run dagwright from the folder that holds the config";
      const versions = "noDefaultExport" in a ? a.noDefaultExport.versions : "invalid" in a ? a.invalid.versions : undefined;
      if (versions) return `export default defineConfig({ airflow: "3.3" }); supported Airflow versions: ${versions.join(", ")}`;
      return "export a plain object: defineConfig({ ... }) with strings, numbers, booleans, lists and objects";
    },
  }),
  DW006: entry<{ file: string; stalled?: true; rule?: string }>({
    title: "Module evaluation timed out",
    severity: "error",
    explanation:
      "A DAG module (or the config) did not finish evaluating within the time limit (10 seconds by default), so the compile was stopped rather than hang. A busy loop is stopped at the limit; a blocking call (`execSync`), or a timer that keeps looping after the module returned, is stopped soon after by killing the evaluation process and what it started.",
    example: `while (true) {}`,
    fix: "Look for an endless loop, a blocking call or a timer; DAG modules should only build DAGs.",
    sharedBy: ["load/evaluate", "load/session", "load/rules"],
    message: (a) =>
      a.stalled
        ? `evaluation stalled in ${a.file}: no answer within the time limit, so it was stopped`
        : a.rule
          ? `rule ${a.rule} of ${a.file} did not finish its check within the time limit`
          : `module ${a.file} did not finish evaluating within the time limit`,
    hint: (a) =>
      a.rule
        ? "a rule's check runs once per compile over plain data: look for an endless loop in it"
        : a.stalled
        ? "look for a blocking call (execSync, Atomics.wait), or a timer or promise left running (setInterval, setTimeout) in this module or what it imports"
        : "DAG modules run at compile time: look for an endless loop or very slow top-level code",
  }),
  DW007: entry<{ file?: string; limitMb: number }>({
    title: "Module evaluation ran out of memory",
    severity: "error",
    explanation: "Evaluating the DAG modules used more memory than the limit (2048 MiB by default), so evaluation was stopped before it could take the compiler down.",
    example: `const rows = []; while (true) rows.push(new Array(1e6).fill(0));`,
    fix: "Look for a loop that keeps allocating, or large data built at the top level of a module.",
    message: (a) => `module ${a.file ?? "(unknown)"} ran out of memory while being evaluated (limit ${a.limitMb} MiB)`,
    hint: () => "DAG modules run at compile time: look for a loop that keeps allocating, or very large data built at the top level",
  }),
  DW008: entry<{ file: string; state: "stale" | "missing" | "extra" }>({
    title: "Generated output out of date",
    severity: "error",
    explanation: "`dagwright compile --check` found a file in the output folder that differs from what compile would write, is missing, or is left over from an earlier compile.",
    example: `# a DAG module changed, but generated/ was not recompiled and committed`,
    fix: "Run `dagwright compile` and commit the output folder.",
    sharedBy: ["cli/compile", "python/bindings"],
    message: (a) =>
      `${a.file} ${
        { stale: "differs from what compile would write", missing: "is missing: compile would write it", extra: "is left over from an earlier compile: compile would remove it" }[
          a.state
        ]
      }`,
    hint: () => "run `dagwright compile` and commit the result",
  }),
  DW009: entry<{ value: string }>({
    title: "SOURCE_DATE_EPOCH is not a time",
    severity: "error",
    explanation:
      "The OpenLineage events in `openlineage/` carry a fixed `eventTime`, so the same sources give the same bytes: 1970-01-01T00:00:00Z, or the time in the `SOURCE_DATE_EPOCH` environment variable (the reproducible-builds convention). That variable holds something other than a whole number of seconds since 1970.",
    example: `SOURCE_DATE_EPOCH=yesterday dagwright compile`,
    fix: "Set SOURCE_DATE_EPOCH to seconds since 1970, such as `$(git log -1 --format=%ct)`, or unset it.",
    message: (a) => `SOURCE_DATE_EPOCH is ${JSON.stringify(a.value)}, not a whole number of seconds since 1970`,
    hint: () => "set it to seconds since 1970, such as $(git log -1 --format=%ct), or unset it",
  }),
  DW010: entry<{ link: string; target: string } | { link: string; broken: true }>({
    title: "Symlink in the source folder not followed",
    severity: "warning",
    explanation:
      "dagwright follows symlinks in the source folder as Node and tsc do, files and folders alike. A folder link that points back to a folder being walked would make the walk endless, and a link to nothing has no module behind it; neither is followed, and the rest compiles.",
    example: `ln -s .. dags-src/loop`,
    fix: "Remove the link, or point it at a folder outside the one it sits in.",
    message: (a) => ("broken" in a ? `${a.link} is a symlink to nothing, not followed` : `${a.link} links back to ${a.target || "."}, which contains it: a loop, not followed`),
    hint: () => "remove the link, or point it somewhere that does not contain it",
  }),
  DW011: entry<{ srcDir: string; outDir: string; previous: number }>({
    title: "No DAGs where the previous compile had some",
    severity: "error",
    explanation:
      "The compile found no DAG, but the output folder holds DAGs a previous compile wrote. Writing now would delete every one of them from the deployment, which is almost always a mistake: a typo in `srcDir`, an empty or missing folder, or a checkout without the sources. Nothing is written.",
    example: `export default defineConfig({ airflow: "3.3", srcDir: "dag-src" }); // the folder is dags-src`,
    fix: "Point `srcDir` at the DAG modules; to remove every DAG on purpose, compile with `--allow-empty`.",
    message: (a) =>
      `no DAG found in ${a.srcDir || "."}, but ${a.outDir} holds ${a.previous} DAG${a.previous === 1 ? "" : "s"} from the previous compile; nothing written`,
    hint: () => "check srcDir in dagwright.config.ts; to remove every DAG on purpose, run `dagwright compile --allow-empty`",
  }),
  DW012: entry<{ dag: string }>({
    title: "DAG created but not exported",
    severity: "warning",
    explanation:
      "dagwright compiles the DAGs that modules export. This DAG is created by `dag()` but no module exports it, while other DAGs are exported, so it is most likely a forgotten `export`: it would silently be missing from Airflow.",
    example: `const nightly = dag("nightly", { schedule: "@daily" }, (d) => {}); // no export`,
    fix: "Export it (`export const nightly = dag(...)`), or remove it.",
    message: (a) => `DAG "${a.dag}" is created but not exported, so it is not compiled`,
    hint: () => "export it: `export const x = dag(...)` or `export default dag(...)`; or remove it",
  }),
  DW013: entry<{ file: string; source: string }>({
    title: "DAG module reads the clock, randomness or the environment",
    severity: "warning",
    explanation:
      "DAG modules run at compile time, and the same sources should give the same DAG files. A module that reads the time, a random number or an environment variable while it builds its DAGs can compile differently on the next run or on another machine, so `compile --check` flaps in CI. Reading them is allowed; each module's first use of each is flagged.",
    example: `const suffix = Math.random().toString(36).slice(2); d.bash(\`load_\${suffix}\`, ...)`,
    fix: "Use values that come from the sources (constants, files in the repository), or leave run-time values to Airflow: templates such as {{ ds }}, Variables, or code inside the task.",
    message: (a) => `${a.file} reads ${a.source} while its DAGs are built; the output can change from one compile to the next`,
    hint: (a) =>
      a.source === "process.env"
        ? "read settings from a file in the repository, or leave them to run time (an Airflow Variable or connection, or the task's own code)"
        : "leave run-time values to Airflow: templates such as {{ ds }} and {{ run_id }}, or the task's own code",
  }),
  DW014: entry<{ file: string; problem: string }>({
    title: "Template override does not render",
    severity: "error",
    explanation:
      "A project may override the templates dagwright renders (the `templates` folder in dagwright.config.ts). This override does not parse as Handlebars, or names a value the back end does not give it (templates render in strict mode, so a misspelt name is an error, not an empty string). Nothing is written.",
    example: `{{#each task}}  {{! a block that is never closed }}`,
    fix: "Fix the template at the reported line; start from the built-in template of the same name in dagwright's templates/ folder to see the values it is given.",
    message: (a) => `the template ${a.file} does not render: ${a.problem}`,
    hint: () => "compare with dagwright's built-in template of the same name: it shows every value the template is given",
  }),
  DW015: entry<{ rule: string; message: string }>({
    title: "Team rule",
    severity: "error",
    explanation:
      "A rule the team wrote (a module under `rules` in dagwright.config.ts, made with defineRule) found a DAG or task that breaks it. Reports show the rule's own code, such as ACME001, in place of DW015; the rule decides its message, and the config's `severity` can make its findings warnings, errors or nothing.",
    example: `export const owned = defineRule({ code: "ACME001", description: "every DAG has an owner", check(project, report) { ... } })`,
    fix: "Change the DAG or task as the rule asks; or, for one task where the rule does not apply, silence it with suppress: { ACME001: \"why\" }.",
    message: (a) => a.message,
    hint: (a) => `change the DAG or task as rule ${a.rule} asks, or, where it does not apply, say why on it: suppress: { ${a.rule}: "why" }`,
  }),
  DW016: entry<
    | { file: string; noRules: true }
    | { file: string; code: string; badCode: true }
    | { file: string; code: string; duplicateOf: string }
    | { file: string; code: string; threw: string }
    | { file: string; code: string; badFinding: string }
    | { file: string; code: string; notDefined: true }
  >({
    title: "Team rule cannot run",
    severity: "error",
    explanation:
      "A module listed under `rules` in dagwright.config.ts must export rules made with defineRule, each with a code of its own, and each rule's check must run to the end and report findings about the project's DAGs and tasks. This one does not, so its DAGs cannot be held to it.",
    example: `export default { code: "ACME001", check() {} }  // not made with defineRule`,
    fix: "Export the rules made with defineRule({ code, description, check }), give each a code no other rule has, and report findings as report({ task, message }) or report({ dag, message }).",
    sharedBy: ["load/rules", "policy/apply"],
    message: (a) =>
      "noRules" in a
        ? `${a.file} exports no rule made with defineRule`
        : "badCode" in a
          ? `${a.file} defines a rule with code ${q(a.code)}, which is not a team rule's code`
          : "duplicateOf" in a
            ? `rule ${a.code} of ${a.file} has the code of a rule in ${a.duplicateOf}`
            : "threw" in a
              ? `rule ${a.code} of ${a.file} threw: ${a.threw}`
              : "badFinding" in a
                ? `rule ${a.code} of ${a.file} reported a finding dagwright cannot place: ${a.badFinding}`
                : `severity in ${a.file} names ${a.code}, which no rule defines`,
    hint: (a) =>
      "badCode" in a
        ? 'a team rule\'s code is capital letters then digits, such as "ACME001"; DW codes are dagwright\'s'
        : "duplicateOf" in a
          ? "give each rule a code of its own"
          : "threw" in a
            ? "fix the rule's check at the reported line; it sees plain data about the project (RuleProject)"
            : "badFinding" in a
              ? "report({ task, message }) or report({ dag, message }) with a task or DAG of the project the rule was given, and a message"
              : "notDefined" in a
                ? "list the module that defines the rule under rules, or remove the code from severity"
                : undefined,
  }),
  DW017: entry<{ where: Subject; code: string; noReason: true } | { where: Subject; code: string; error: true }>({
    title: "Suppression refused",
    severity: "error",
    explanation:
      "A task's or DAG's `suppress` silences the named diagnostics on it alone, each with a reason the manifest records. A suppression needs a reason, and cannot silence an error dagwright finds: what it refuses would not run in Airflow as written.",
    example: `d.bash("load", { command: "load.sh", suppress: { ACME001: "" } })`,
    fix: 'Write why the diagnostic does not apply: suppress: { ACME001: "owned by the platform team" }. Fix what an error names instead of silencing it.',
    message: (a) => ("noReason" in a ? `${subject(a.where)} suppresses ${a.code} without a reason` : `${subject(a.where)} suppresses ${a.code}, an error, which cannot be suppressed`),
    hint: (a) =>
      "noReason" in a ? `say why: suppress: { ${a.code}: "why it does not apply here" }` : "fix what the error names; only team rules' findings and warnings can be suppressed",
  }),
  DW018: entry<{ where: Subject; code: string }>({
    title: "Suppression silences nothing",
    severity: "warning",
    explanation:
      "A task's or DAG's `suppress` names a code that reports nothing on it: the problem was fixed, the rule renamed, or the code misspelt. Left in place, it would silence the next real finding without anyone deciding to.",
    example: `d.bash("load", { command: "load.sh", owner: "data", suppress: { ACME001: "no owner yet" } })`,
    fix: "Remove the code from suppress.",
    message: (a) => `${subject(a.where)} suppresses ${a.code}, which reports nothing there`,
    hint: (a) => `remove ${a.code} from suppress: nothing of it is found on this ${"task" in a.where ? "task" : "DAG"}`,
  }),
  DW019: entry<{ interpreter: string; problem: string; missing?: true }>({
    title: "Python could not read the project's Python",
    severity: "warning",
    explanation:
      "dagwright reads the modules under `python.roots` (default `python/`) with Python's own parser, in one subprocess, to check the callables tasks name and to write the typed bindings under `<srcDir>/.python/`. The interpreter it was given is missing, too old (3.9 is the oldest with `ast.unparse`) or failed, so those checks are skipped and the bindings already on disk are used as they are. The compile goes on.",
    example: `python: { interpreter: ".venv/bin/python" } // and .venv does not exist`,
    fix: "Install Python 3.9 or newer, or set `python.interpreter` in dagwright.config.ts to one.",
    message: (a) => `the Python interpreter ${q(a.interpreter)} ${a.problem}; the project's Python is not checked and its bindings are not refreshed`,
    hint: (a) =>
      a.missing
        ? `install Python 3.9 or newer, or set python.interpreter in ${CONFIG_FILE} to one (a command on PATH, or a path such as ".venv/bin/python")`
        : `check that ${a.interpreter} runs (\`${a.interpreter} --version\`), or set python.interpreter in ${CONFIG_FILE} to another Python 3.9 or newer`,
  }),
  DW020: entry<{ file: string; problem: string }>({
    title: "Python module does not parse",
    severity: "error",
    explanation:
      "A module under the project's Python roots is not valid Python for the interpreter that read it, so the task that imports it would fail when it runs, and dagwright cannot check the callables it defines. The module is read with Python's own parser; it is never run.",
    example: `def train(run_dir: str\n    return run_dir`,
    fix: "Fix the syntax error at the reported line of the Python file.",
    message: (a) => `${a.file} is not valid Python: ${a.problem}`,
    hint: () => "fix the Python at this line; dagwright reads the module with Python's own parser and never runs it",
  }),
  DW101: entry<{ dag: string; path: readonly string[] }>({
    title: "Dependency cycle",
    severity: "error",
    explanation: "Tasks depend on each other in a circle, so none of them could ever start. Airflow refuses such a DAG.",
    example: `a.then(b); b.then(c); c.then(a);`,
    fix: "Remove one of the dependencies on the reported path.",
    message: (a) => `dependency cycle in DAG ${q(a.dag)}: ${a.path.map(bare).join(" -> ")}`,
    hint: () => "remove one of the dependencies on this path; a task cannot wait for itself",
  }),
  DW102: entry<{ dag: string; task: string; count: number } | { dag: string; groupAndTask: string }>({
    title: "Duplicate task id",
    severity: "error",
    explanation: "Two tasks of one DAG have the same id, or a task and a task group do; Airflow requires them to be unique within a DAG.",
    example: `d.bash("load", {...}); d.bash("load", {...});`,
    fix: "Give each task its own id, for example by adding the table name in a loop.",
    message: (a) =>
      "groupAndTask" in a ? `${q(a.groupAndTask)} in DAG ${q(a.dag)} is both a task group and a task` : `task id ${q(a.task)} is used ${a.count} times in DAG ${q(a.dag)}`,
  }),
  DW103: entry<{ dag: string; count: number }>({
    title: "Duplicate DAG id",
    severity: "error",
    explanation: "Two DAGs of the project have the same id; Airflow would load only one of them and report an import error.",
    example: `// a.ts and b.ts both: dag("daily_etl", ...)`,
    fix: "Rename one of the DAGs.",
    message: (a) => `DAG id ${q(a.dag)} is defined ${a.count} times`,
  }),
  DW104: entry<{ dag: string; problem: string }>({
    title: "Invalid DAG id",
    severity: "error",
    explanation: "Airflow accepts DAG ids of 1 to 250 characters from letters A-Z and a-z, digits, `_`, `.` and `-`.",
    example: `dag("daily etl", ...)`,
    fix: "Use only ASCII letters, digits, underscores, dots and dashes.",
    message: (a) => `DAG id ${q(a.dag)} ${a.problem}`,
  }),
  DW105: entry<Task & { problem: string }>({
    title: "Invalid task id",
    severity: "error",
    explanation: "Airflow accepts task ids of 1 to 250 characters from letters A-Z and a-z, digits, `_`, `.` and `-`.",
    example: `d.bash("load/orders", ...)`,
    fix: "Use only ASCII letters, digits, underscores, dots and dashes.",
    message: (a) => `task id ${q(a.task)} in DAG ${q(a.dag)} ${a.problem}`,
  }),
  DW106: entry<Task & { upstream: string; otherDag: string }>({
    title: "Dependency on a task of another DAG",
    severity: "error",
    explanation: "A task handle of one DAG was used as a dependency of a task in another. Airflow dependencies only exist within a DAG.",
    example: `const a = ...; dag("other", ..., (d) => { d.empty("x").after(a); });`,
    fix: "Keep dependencies within one DAG; to wait for another DAG, schedule on its data or use a sensor.",
    message: (a) => `${task(a)} depends on task ${q(a.upstream)} of another DAG, ${q(a.otherDag)}`,
  }),
  DW107: entry<{ dag: string }>({
    title: "Empty DAG",
    severity: "warning",
    explanation: "The DAG has no tasks, so its runs do nothing.",
    example: `dag("x", { schedule: null }, () => {});`,
    fix: "Add tasks in the body, or remove the DAG.",
    message: (a) => `DAG ${q(a.dag)} has no tasks`,
  }),
  DW108: entry<{ got: string }>({
    title: "Not a task handle",
    severity: "error",
    explanation: "A dependency was given something other than a task handle, such as a task id string.",
    example: `extract.then("load");`,
    fix: "Pass the handle a task builder returned: `const load = d.bash(...); extract.then(load)`.",
    message: (a) => `a dependency must be a task handle or a list of task handles, not ${a.got}`,
    hint: () => "pass the value a task builder returned, e.g. `const load = d.bash(...); extract.then(load)`",
  }),
  DW109: entry<{ step: number; ups: number; downs: number }>({
    title: "chain over lists of different lengths",
    severity: "error",
    explanation: "`chain` links two adjacent lists pairwise, as Airflow's chain does, so they must have the same length.",
    example: `d.chain(a, [b, c], [x, y, z]);`,
    fix: "Give both lists the same length, or link them with `then`.",
    message: (a) => `chain links adjacent lists pairwise, but step ${a.step} has ${a.ups} tasks and step ${a.step + 1} has ${a.downs}`,
    hint: () => "give both lists the same length, or link them with `then` for every pair",
  }),
  DW110: entry<Task>({
    title: "Task added after the DAG body returned",
    severity: "error",
    explanation: "A DAG's tasks are collected while its body runs; a builder used later has no DAG to add to.",
    example: `let ctx; dag("x", {...}, (d) => { ctx = d; }); ctx.empty("late");`,
    fix: "Create every task inside the body function passed to dag().",
    message: (a) => `task ${q(a.task)} was added to DAG ${q(a.dag)} after the DAG's body returned`,
    hint: () => "create every task inside the body function passed to dag()",
  }),
  DW111: entry<{ dag: string }>({
    title: "Asynchronous DAG body",
    severity: "error",
    explanation: "A DAG's tasks are collected when its body returns. An async body returns at its first await, so tasks it adds later would be lost.",
    example: `dag("etl", { schedule: null }, async (d) => { for (const t of await tables()) d.empty(t); });`,
    fix: "Build the DAG synchronously: compute inputs first (fs.readFileSync, constants), without async or await.",
    message: (a) => `the body of DAG ${q(a.dag)} is asynchronous; DAG bodies must build every task before they return`,
    hint: () => "compute what the DAG needs synchronously (for example, read a file with fs.readFileSync), without async or await",
  }),
  DW112: entry<{ dag: string; group: string }>({
    title: "Invalid task group id",
    severity: "error",
    explanation: "Airflow accepts group ids of letters, digits, '_' and '-' (no dots), at most 200 characters.",
    example: "d.group(\"load.orders\", {}, (g) => {})",
    fix: "Use letters, digits, underscores and dashes.",
    message: (a) => `task group id ${q(a.group)} in DAG ${q(a.dag)} is not one Airflow accepts`,
  }),
  DW113: entry<{ where: Subject; source: string; handle?: true }>({
    title: "Output of a task that is not in the DAG",
    severity: "error",
    explanation:
      "A task can only map over, or take as an argument, the output (XCom) of a task in the same DAG, and only name tasks of its own DAG (branch targets, setups). Task ids are unique only within a DAG, so a task of another DAG would silently mean this DAG's task of the same id, or none.",
    example: "expand: { command: otherDagTask.output }",
    fix: "Map over the output of a task of this DAG; to wait for another DAG, use d.externalTaskSensor.",
    sharedBy: ["validate/kinds/mapping", "dsl/dag"],
    message: (a) =>
      a.handle
        ? `${subject(a.where)} names the task ${q(a.source)} of another DAG; it can only name tasks of its own DAG`
        : `${subject(a.where)} uses the output of ${q(a.source)}, which is not a task of this DAG`,
  }),
  DW114: entry<{ dag: string; task: string; option: string; id: string; problem: string }>({
    title: "Another DAG's id that Airflow would refuse",
    severity: "error",
    explanation:
      "A sensor, marker or trigger names a DAG, task or task group of another DAG by id. Airflow refuses such an id where that DAG is defined (letters, digits, underscores, dots and dashes, at most 250 characters), so no run would ever match and the sensor would wait forever.",
    example: `d.externalTaskSensor("wait", { dag: external("sales export"), task: "done" })`,
    fix: "Write the other DAG's id exactly as its DAG file declares it.",
    message: (a) => `task ${q(a.task)} of DAG ${q(a.dag)}: its ${a.option} ${q(a.id)} ${a.problem}`,
    hint: () => "copy the id from the other DAG's file; Airflow ids use letters, digits, _ . and -",
  }),
  DW115: entry<{ dag: string; group: string; depth: number; max: number }>({
    title: "Task groups nested deeper than Python allows",
    severity: "error",
    explanation:
      "Each task group is a `with TaskGroup(...)` block inside the DAG's `with DAG(...)` block, and CPython refuses a file with more than 20 statically nested blocks (SyntaxError: too many statically nested blocks), so Airflow could not import the DAG file.",
    example: `// 20 groups, each inside the last`,
    fix: "Nest task groups at most 19 deep; flatten the inner levels, or give them prefixed ids instead.",
    message: (a) => `task group ${q(a.group)} of DAG ${q(a.dag)} is nested ${a.depth} deep; the DAG file can hold at most ${a.max} (CPython's limit of 20 nested blocks)`,
    hint: () => "flatten the innermost groups: Airflow's graph shows at most a few levels anyway",
  }),
  DW116: entry<Task & { depth: number; max: number }>({
    title: "Value nested deeper than Python's parser allows",
    severity: "error",
    explanation:
      "The task's arguments hold lists or objects nested more deeply than CPython's parser accepts on one line (200 open brackets, SyntaxError: too many nested parentheses), so Airflow could not import the DAG file.",
    example: `kwargs: { tree: deeplyNested }`,
    fix: "Pass deep data another way: as a file the task reads, or flattened.",
    message: (a) => `${task(a)}: its arguments nest ${a.depth} levels deep; a DAG file can hold at most ${a.max}`,
    hint: () => "store deep data in a file the task reads, or flatten it",
  }),
  DW120: entry<{ dag: string; branch: string; target: string }>({
    title: "Branch target not directly downstream",
    severity: "error",
    explanation: "Airflow follows a branch only to tasks directly downstream of it; any other target is never chosen.",
    example: "d.branch(\"pick\", { callable: \"x.y:z\", targets: [far] })",
    fix: "Link each target right after the branch: branch.then(target).",
    message: (a) => `${subject({ dag: a.dag, task: a.branch, as: "branch" })} may choose ${q(a.target)}, which is not directly downstream of it`,
    hint: (a) => `link it: branch.then(${a.target.split(".").pop()}); Airflow only follows a branch to its direct downstream tasks`,
  }),
  DW121: entry<Task & { branch: string; rule: string }>({
    title: "Join after a branch would be skipped",
    severity: "warning",
    explanation: "A task after two paths of a branch waits for both; with all_success (the default) it is skipped whenever the branch skips one path.",
    example: "pick.then([a, b]); d.empty(\"join\").after([a, b]);",
    fix: "Give the join triggerRule: \"none_failed_min_one_success\".",
    message: (a) => `${task(a)} joins paths of branch ${q(a.branch)} with trigger rule ${q(a.rule)}, so it is skipped whenever one path is`,
    hint: () => 'give it triggerRule: "none_failed_min_one_success"',
  }),
  DW122: entry<(Task & { verb: "triggers" | "waits for" | "clears"; target: string }) | (Task & { target: string; missingTask: string; clears?: true })>({
    title: "Unknown DAG or task of another DAG",
    severity: "error",
    explanation: "A sensor, trigger or external task marker names a DAG (or task) that the project does not define, so it would wait, fail or clear nothing.",
    example: "d.triggerDag(\"t\", { dag: external(\"typo\") })",
    fix: "Pass the DAG object from its module, or external(\"id\") for a DAG defined elsewhere.",
    message: (a) =>
      "missingTask" in a
        ? `${task(a)} ${a.clears ? "clears" : "waits for"} task ${q(a.missingTask)}, which DAG ${q(a.target)} does not have`
        : `${task(a)} ${a.verb} DAG ${q(a.target)}, which is not in the project`,
    hint: (a) => ("missingTask" in a ? undefined : `pass the DAG object, or external(${q(a.target)}) for a DAG defined elsewhere`),
  }),
  DW123: entry<Task & { airflow: string; sensor: string }>({
    title: "Sensor cannot be deferrable here",
    severity: "error",
    explanation:
      "Deferrable waiting needs either a deferrable argument or an async variant of the sensor. dagwright writes deferrable=True where the class takes it (ExternalTaskSensor and FileSensor everywhere; TimeDeltaSensor and TimeSensor on Airflow 3), and the async class where that is how the line defers (TimeDeltaSensorAsync and TimeSensorAsync on Airflow 2, DateTimeSensorAsync on every line). PythonSensor, BashSensor and DayOfWeekSensor have neither on any line.",
    example: 'd.pythonSensor("t", { callable: "m:ready", deferrable: true })',
    fix: 'Use mode: "reschedule" instead, which frees the worker between checks.',
    message: (a) => `${task(a)}: ${a.sensor} cannot be deferrable on Airflow ${a.airflow}`,
    hint: () => 'use mode: "reschedule" to free the worker between checks',
  }),
  DW124: entry<Task & { target: string }>({
    title: "SLA on Airflow 3",
    severity: "error",
    explanation:
      "Airflow 3 removed task SLAs (sla and sla_miss_callback do nothing there), so a DAG that relies on one would silently lose its alert. Airflow 3.1 replaces them with deadline alerts on the DAG run.",
    example: "defaults: { sla: \"1h\" }",
    fix: "Remove sla; on Airflow 3.1+ set the DAG's deadline: { reference: \"dagrunQueuedAt\", interval: \"1h\", callback: \"pkg.alerts:late\" }; before 3.1 use dagrunTimeout or executionTimeout.",
    message: (a) => `${task(a)} sets sla, which Airflow ${a.target} does not have (Airflow 3 removed SLAs)`,
    hint: (a) =>
      a.target === "3.0"
        ? "Airflow 3.0 has no replacement: use dagrunTimeout or executionTimeout, or target 3.1+ and use the DAG's deadline"
        : "use the DAG's deadline: { reference: \"dagrunQueuedAt\", interval: \"1h\", callback: \"pkg.alerts:late\" } (Airflow's DeadlineAlert)",
  }),
  DW125: entry<(Task & { field: string; value: string }) | (Task & { container?: string; resource: string; request: string; limit: string })>({
    title: "Invalid Kubernetes resources",
    severity: "error",
    explanation:
      "Pod resources (of the task's container, of its init containers, and an emptyDir's sizeLimit) are Kubernetes quantities (500m, 2, 1Gi, 512Mi), and a request cannot exceed its limit; Kubernetes refuses the pod otherwise, when the task runs.",
    example: "resources: { requests: { memory: \"2GB\" } }",
    fix: "Write a valid quantity, and keep requests at or below limits.",
    message: (a) =>
      "field" in a
        ? `${task(a)}: ${a.field} ${q(a.value)} is not a Kubernetes quantity`
        : `${task(a)}: the ${a.resource} request${a.container ? ` of ${a.container}` : ""} (${a.request}) is above its limit (${a.limit})`,
  }),
  DW126: entry<(Task & { importPath: string; problem: string }) | (Task & { argument: string; keyword?: true })>({
    title: "Invalid operator for the escape hatch",
    severity: "error",
    explanation:
      "d.operator imports its operator class from any Python module, Airflow's or the team's own: the path is \"package.module:ClassName\" or \"package.module.ClassName\", every part a Python identifier. Its arguments are named as Python identifiers (not task_id).",
    example: "d.operator(\"x\", { import: \"HttpOperator\" })",
    fix: "Write e.g. \"airflow.providers.http.operators.http.HttpOperator\" or \"team_ops.operators:PublishOperator\".",
    message: (a) =>
      "importPath" in a
        ? `${task(a)}: ${q(a.importPath)} is not the import path of an operator class: ${a.problem}`
        : `${task(a)}: ${q(a.argument)} cannot be an operator argument${"keyword" in a && a.keyword ? ": it is a Python keyword, so the call would not parse" : ""}`,
    hint: (a) =>
      "argument" in a
        ? "keyword" in a && a.keyword
          ? "Python cannot pass a keyword as a named argument; such an option usually has another name (class_name, klass)"
          : "use Python identifiers; the task id comes from the builder"
        : undefined,
  }),
  DW127: entry<{ where: Subject; count: number; max: number }>({
    title: "Mapped list out of range",
    severity: "error",
    explanation: "A mapped task needs 1 to 1024 values (Airflow's max_map_length).",
    example: "expand: { command: [] }",
    fix: "Map over at least one and at most 1024 values.",
    message: (a) => `${subject(a.where)} maps over ${a.count} values; Airflow maps over 1 to ${a.max}`,
  }),
  DW128: entry<(Task & { both: true }) | (Task & { notASetup: string }) | (Task & { setup: string; rule: string })>({
    title: "Invalid setup or teardown",
    severity: "error",
    explanation: "A teardown names setup tasks of its DAG; a task right after a setup must keep trigger rule all_success, as Airflow requires.",
    example: "d.bash(\"drop\", { command: \"...\", teardown: { setups: [notASetup] } })",
    fix: "Mark setups with setup: true and keep all_success after them.",
    message: (a) =>
      "both" in a
        ? `${task(a)} cannot be both a setup and a teardown`
        : "notASetup" in a
          ? `${subject({ dag: a.dag, task: a.task, as: "teardown" })} names ${q(a.notASetup)}, which is not a setup task of this DAG`
          : `${task(a)} follows setup ${q(a.setup)} with trigger rule ${q(a.rule)}; Airflow requires all_success there`,
    hint: (a) => ("notASetup" in a ? "mark that task with setup: true" : undefined),
  }),
  DW129: entry<{ dag: string; param: string; problem: string } | { dag: string; param: string; noDefault: true }>({
    title: "Invalid DAG param",
    severity: "error",
    explanation: "A param's default must match its type and limits, and a scheduled DAG's params need defaults.",
    example: "params: { n: param.integer({ default: 1.5 }) }",
    fix: "Fix the default, or make the DAG manual.",
    message: (a) =>
      "noDefault" in a
        ? `${subject({ dag: a.dag, param: a.param })} has no default, but scheduled runs cannot be given one`
        : `${subject({ dag: a.dag, param: a.param })}: ${a.problem}`,
    hint: (a) => ("noDefault" in a ? "give it a default, or make the DAG manual (schedule: null)" : undefined),
  }),
  DW130: entry<{ dag: string; owner: string; link: string }>({
    title: "Invalid owner link",
    severity: "error",
    explanation: "Airflow accepts only http(s) and mailto links for owners.",
    example: "ownerLinks: { data: \"wiki/data\" }",
    fix: "Use a full https:// or mailto: address.",
    message: (a) => `DAG ${q(a.dag)} has owner link ${q(a.link)} for ${q(a.owner)}; Airflow accepts http(s) and mailto links`,
  }),
  DW131: entry<{ dag: string; uri: string; name: string; airflow: string }>({
    title: "Asset name not in Airflow 2",
    severity: "warning",
    explanation:
      "Airflow 3's Asset has a name beside its URI; Airflow 2's Dataset has only the URI. On Airflow 2 the name stays in dagwright's manifest, lineage and OpenLineage events, and the generated file names the dataset by its URI.",
    example: `asset("s3://lake/features", { name: "features" }) // compiled for Airflow 2.10`,
    fix: "Target Airflow 3 to have the name in Airflow, or leave the name out.",
    message: (a) => `asset ${q(a.uri)} is named ${q(a.name)}, but Airflow ${a.airflow}'s Dataset has no name; the DAG file names it by its URI`,
  }),
  DW132: entry<(Task & { field: string; name: string }) | (Task & { field: string; resource: string; request: string; limit?: string }) | (Task & { field: string; value: string })>({
    title: "Invalid resource name or extended resource",
    severity: "error",
    explanation:
      "A container's resources are cpu, memory, ephemeral-storage, hugepages-<size>, or extended resources named domain/name that device plugins advertise (nvidia.com/gpu, amd.com/gpu). Kubernetes does not overcommit extended resources and huge pages: a request needs a limit of the same quantity (a limit alone is enough, the request defaults to it), and an extended resource is counted in whole units. The API server refuses the pod otherwise, when the task runs.",
    example: `resources: { requests: { "nvidia.com/gpu": "1" }, limits: { gpu: "1" as any } }`,
    fix: 'Ask for a GPU as a limit only: resources: { limits: { "nvidia.com/gpu": "1" } }; name extended resources domain/name.',
    message: (a) =>
      "name" in a
        ? `${task(a)}: ${a.field} names ${q(a.name)}, which is not a Kubernetes resource`
        : "resource" in a
          ? a.limit === undefined
            ? `${task(a)}: ${a.field} requests ${a.request} of ${a.resource} with no limit; Kubernetes needs its limit to equal the request`
            : `${task(a)}: ${a.field} requests ${a.request} of ${a.resource} but limits it to ${a.limit}; Kubernetes needs the two equal`
          : `${task(a)}: ${a.field} is ${q(a.value)}, but an extended resource is counted in whole units`,
    hint: (a) =>
      "name" in a
        ? "use cpu, memory, ephemeral-storage, hugepages-<size>, or domain/name for an extended resource (nvidia.com/gpu)"
        : "resource" in a
          ? `write the quantity once, under limits: the request defaults to the limit`
          : `write a whole number, such as "1"`,
  }),
  DW133: entry<Task & { field: string; volume: string; suggestion?: string }>({
    title: "Mount of an undeclared volume",
    severity: "error",
    explanation:
      "A volume mount names a volume of the pod; the pod's volumes are the ones `volumes` declares. Kubernetes refuses a pod whose container mounts a volume it does not have, when the task runs.",
    example: `volumes: [{ name: "data", persistentVolumeClaim: { claimName: "training-data" } }], volumeMounts: [{ name: "dat", mountPath: "/data" }]`,
    fix: "Name a volume of `volumes` in the mount, or declare the volume.",
    message: (a) => `${task(a)}: ${a.field} mounts volume ${q(a.volume)}, which volumes does not declare${a.suggestion ? `; did you mean ${q(a.suggestion)}?` : ""}`,
    hint: (a) => (a.suggestion ? `write name: ${q(a.suggestion)}` : `add { name: ${q(a.volume)}, ... } to volumes, or mount one that is there`),
  }),
  DW134: entry<Task & { field: string; problem: string }>({
    title: "Invalid pod volume or mount",
    severity: "error",
    explanation:
      "Kubernetes refuses, when the task runs, a pod whose volumes share a name, whose container mounts two volumes at one path, or whose paths leave their place: a mount path is absolute; a subPath, and the path of a config map's or secret's key, are relative and never go up with '..'.",
    example: `volumeMounts: [{ name: "data", mountPath: "data", subPath: "../other" }]`,
    fix: "Give every volume its own name and every mount its own absolute mountPath; keep subPath and item paths relative, without '..'.",
    message: (a) => `${task(a)}: ${a.field} ${a.problem}`,
  }),
  DW135: entry<Task & { field: string; problem: string }>({
    title: "Invalid affinity",
    severity: "error",
    explanation:
      "Kubernetes refuses, when the task runs, an affinity it cannot evaluate: In and NotIn need values, Exists and DoesNotExist take none, Gt and Lt take one whole number; a preferred term's weight is a whole number from 1 to 100; a required node affinity has at least one term; a pod affinity term has a topologyKey.",
    example: `affinity: { nodeAffinity: { required: [{ matchExpressions: [{ key: "gpu", operator: "In" }] }] } }`,
    fix: "Give In and NotIn their values, leave them off Exists and DoesNotExist, and keep weights between 1 and 100.",
    message: (a) => `${task(a)}: ${a.field} ${a.problem}`,
  }),
  DW136: entry<Task & { field: string; name: string; problem: "repeated" | "base" }>({
    title: "Invalid init container",
    severity: "error",
    explanation:
      "The containers of a pod have names of their own: KubernetesPodOperator names the task's container \"base\", and Kubernetes refuses, when the task runs, a pod in which two containers share a name.",
    example: `initContainers: [{ name: "base", image: "busybox:1.36" }]`,
    fix: "Give each init container its own name, other than \"base\".",
    message: (a) =>
      a.problem === "base"
        ? `${task(a)}: ${a.field} is named "base", the name of the task's own container`
        : `${task(a)}: ${a.field} repeats the init container name ${q(a.name)}`,
  }),
  DW140: entry<{ where: Subject; feature: string; since: string; target: string }>({
    title: "Needs a newer Airflow",
    severity: "error",
    explanation:
      "The DAG uses something the Airflow version the project compiles for does not have (a timetable, an operator, an argument); the generated file would fail to import there, so it is refused.",
    example: `schedule: { every: "6h", timetable: "trigger" } // DeltaTriggerTimetable: Airflow 2.11+`,
    sharedBy: ["validate/kinds/hitl", "validate/kinds/mapping", "validate/lineage", "validate/schedule"],
    fix: "Use what the target has, or target a newer Airflow in dagwright.config.ts (or with --airflow).",
    message: (a) => `${subject(a.where)} uses ${a.feature}, which needs Airflow ${a.since}+; the project targets ${a.target}`,
  }),
  DW150: entry<{ where: Subject; source: string; key: string }>({
    title: "Output key of a task without multiple outputs",
    severity: "error",
    explanation:
      "`task.output.key(\"k\")` reads the XCom Airflow pushes for one key of the dict a task returns, which it pushes only when the task sets multipleOutputs: true; otherwise the key's XCom never exists and the reading task fails when it runs.",
    example: `d.python("use", { callable: "m:f", kwargs: { rows: stats.output.key("rows") } }) // stats lacks multipleOutputs`,
    fix: "Set multipleOutputs: true on the task whose key is read, or pass its whole output.",
    message: (a) => `${subject(a.where)} reads key ${q(a.key)} of ${q(a.source)}'s output, but ${q(a.source)} does not set multipleOutputs: true`,
    hint: (a) => `add multipleOutputs: true to ${q(a.source)}, or pass ${q(a.source)}.output whole`,
  }),
  DW151: entry<Task & { key: string; airflow: string; replacement?: string }>({
    title: "Context value the target does not have",
    severity: "error",
    explanation:
      "The task declares a value of Airflow's task context that the target version does not pass (Airflow 3 removed execution_date, conf, next_ds, prev_ds, tomorrow_ds and yesterday_ds; inlet_events and outlet_events arrived in 2.10), so the function would never receive it.",
    example: `d.python("t", { callable: "m:f", context: ["execution_date"] }) // compiled for Airflow 3`,
    fix: "Declare a context value the target has (logical_date instead of execution_date), or target a version that has it.",
    message: (a) => `${task(a)} declares context value ${q(a.key)}, which Airflow ${a.airflow} does not pass`,
    hint: (a) => (a.replacement ? `use ${q(a.replacement)} instead` : undefined),
  }),
  DW152: entry<Task & { key: string }>({
    title: "Keyword argument shadows a context value",
    severity: "error",
    explanation:
      "Airflow merges a Python task's keyword arguments into its context, so a keyword argument named like a context value the task declares replaces that value: the function gets the argument, never Airflow's value.",
    example: `d.python("t", { callable: "m:f", context: ["ds"], kwargs: { ds: "2026-01-01" } })`,
    fix: "Rename the keyword argument, or drop the context value from `context`.",
    message: (a) => `${task(a)} has a keyword argument ${q(a.key)} and declares the context value ${q(a.key)}; the argument would replace Airflow's value`,
  }),
  DW153: entry<{ mixed: true } | { both: true } | (Task & { outputs: string; others: readonly string[] }) | { where: Subject; source: string; key: string }>({
    title: "Mapping that Airflow cannot express",
    severity: "error",
    explanation:
      "A mapped argument takes its values from a literal list, from an upstream output that is a list, or from several such outputs one after the other; a list mixing outputs and values is none of these. Airflow maps only over a task's return value, never one key of it. PythonOperator maps over one list of keyword-argument sets, so an argument mapped over an output cannot be crossed with other mapped arguments.",
    example: `expand: { region: regions.output, day: ["mon", "tue"] }`,
    fix: "Map over outputs alone or values alone; to cross an output with more values, build the combinations in the upstream task and map with expandKwargs.",
    sharedBy: ["dsl/kinds/python", "validate/kinds/mapping"],
    message: (a) =>
      "mixed" in a
        ? "a mapped list mixes task outputs with values"
        : "both" in a
          ? "a Python task maps with both expand and expandKwargs; Airflow maps one of them"
          : "key" in a
          ? `${subject(a.where)} maps over key ${q(a.key)} of ${q(a.source)}'s output; Airflow maps only over a task's return value`
          : `${task(a)} maps ${q(a.outputs)} over an upstream output and also maps ${a.others.map(q).join(", ")}; Airflow's PythonOperator cannot cross an output with other mapped arguments`,
    hint: (a) =>
      "both" in a
        ? "map each argument with expand, or whole sets of keyword arguments with expandKwargs"
        : "mixed" in a
        ? "map over a list of outputs (each a list) or a list of values"
        : "key" in a
          ? `map over the whole output of a task that returns the list (${q(a.source)}.output), or pass the key as a plain argument`
          : "return the combinations from the upstream task and use expandKwargs: upstream.output",
  }),
  DW154: entry<
    | (Task & { group: string; argument: string })
    | (Task & { group: string; mappedInside: true })
    | { dag: string; group: string; nested: string }
    | { dag: string; group: string; badArgument: string }
  >({
    title: "Mapped task group misused",
    severity: "error",
    explanation:
      "Airflow builds a mapped task group's tasks inside its @task_group function, once per instance: a group argument exists only for the tasks inside it, tasks inside cannot be mapped again, and mapped groups do not nest.",
    example: `d.group("per_region", { expand: { region: regions } }, (g, { region }) => { g.python("t", { callable: "m:f", expand: { day: days } }) })`,
    fix: "Use a group's arguments only inside it; map the group or its tasks, not both.",
    message: (a) =>
      "badArgument" in a
        ? `DAG ${q(a.dag)}: mapped group ${q(a.group)} has argument ${q(a.badArgument)}, which cannot be a Python parameter of its function (a letter, then letters, digits or _; not a keyword or a name the DAG file uses)`
        : "nested" in a
        ? `DAG ${q(a.dag)}: mapped group ${q(a.nested)} is inside mapped group ${q(a.group)}; Airflow does not nest mapped task groups`
        : "argument" in a
          ? `${task(a)} takes argument ${q(a.argument)} of mapped group ${q(a.group)}, but is not inside that group`
          : `${task(a)} is mapped inside mapped group ${q(a.group)}; Airflow does not map tasks of a mapped group again`,
  }),
  DW155: entry<{ where: Subject; source: string }>({
    title: "Output of a task that pushes none",
    severity: "error",
    explanation: "The task reads the output (XCom) of a task with doXcomPush: false, which Airflow never pushes; the reading task would fail when it runs.",
    example: `d.python("use", { callable: "m:f", kwargs: { n: quiet.output } }) // quiet has doXcomPush: false`,
    fix: "Remove doXcomPush: false from the upstream task, or stop reading its output.",
    message: (a) => `${subject(a.where)} reads the output of ${q(a.source)}, which sets doXcomPush: false`,
  }),
  DW156: entry<Task>({
    title: "An argument named kwargs mapped over dicts",
    severity: "warning",
    explanation:
      "expand maps each named argument of the function over a list, so expand: { kwargs: [{...}, {...}] } passes each dict as an argument called kwargs. One instance per set of keyword arguments is expandKwargs.",
    example: `d.python("t", { callable: "m:f", expand: { kwargs: [{ n: 1 }, { n: 2 }] } })`,
    fix: "Write expandKwargs: [{ n: 1 }, { n: 2 }] for one instance per set; keep expand if the function really takes an argument named kwargs.",
    message: (a) => `${task(a)} maps an argument named "kwargs" over dicts; each instance gets one dict as its kwargs argument`,
    hint: () => "for one instance per set of keyword arguments, write expandKwargs: [...]",
  }),
  DW160: entry<Task & { option: string; value: string }>({
    title: "Invalid time of day or date",
    severity: "error",
    explanation:
      "A time sensor's targetTime and a date-time branch's bounds are written as a time of day, \"HH:MM\" or \"HH:MM:SS\" (24-hour), which becomes datetime.time; a branch bound may also be a UTC date (\"2026-01-31\" or \"2026-01-31T09:00:00Z\"), which becomes datetime.datetime.",
    example: 'd.timeSensor("t", { targetTime: "25:00" })',
    fix: 'Write a time such as "06:30" or "23:59:59".',
    message: (a) => `${task(a)} has an invalid ${a.option} ${q(a.value)}`,
  }),
  DW161: entry<Task>({
    title: "Date-time branch without bounds",
    severity: "error",
    explanation: "BranchDateTimeOperator compares the time with targetLower and targetUpper; with neither, Airflow refuses the task when the DAG is parsed.",
    example: 'd.branchDateTime("b", { followTaskIdsIfTrue: [a], followTaskIdsIfFalse: [b] })',
    fix: "Set targetLower, targetUpper, or both.",
    message: (a) => `${task(a)} sets neither targetLower nor targetUpper`,
  }),
  DW162: entry<Task & { problem: "taskAndGroup" | "duplicate" | "runStates"; states?: readonly string[] }>({
    title: "ExternalTaskSensor states or targets Airflow refuses",
    severity: "error",
    explanation:
      "ExternalTaskSensor waits for one task or one task group of the other DAG, not both; a state may appear in only one of allowedStates, failedStates and skippedStates; and without a task or group it compares the state of the whole DAG run, which is only success, failed, running or queued. Airflow refuses the task when the DAG is parsed otherwise.",
    example: 'd.externalTaskSensor("w", { dag: other, allowedStates: ["skipped"] })',
    fix: "Name a task or a group, not both; list each state once; without a task, use DAG run states.",
    message: (a) =>
      a.problem === "taskAndGroup"
        ? `${task(a)} sets both task and taskGroup`
        : a.problem === "duplicate"
          ? `${task(a)} lists ${plural(a.states?.length ?? 0, "state")} in more than one of allowedStates, failedStates and skippedStates: ${(a.states ?? []).join(", ")}`
          : `${task(a)} waits for a whole DAG run but lists states a run never has: ${(a.states ?? []).join(", ")}`,
  }),
  DW163: entry<Task & { option: string; value: number }>({
    title: "Not a whole number Airflow takes",
    severity: "error",
    explanation: "ExternalTaskMarker's recursionDepth is a positive whole number, and BashSensor's retryExitCode an exit code (a whole number from 0 to 255).",
    sharedBy: ["validate/kinds/bash-sensor", "validate/kinds/external-task-marker"],
    example: 'd.externalTaskMarker("m", { dag: other, task: "t", recursionDepth: 0 })',
    fix: "Use a whole number in range.",
    message: (a) => `${task(a)} has ${a.option} ${a.value}, which Airflow does not take`,
  }),
  DW164: entry<Task & { argument: string }>({
    title: "Argument name a generated function cannot take",
    severity: "error",
    explanation:
      "A function run in a virtual environment or another interpreter gets its keyword arguments through a small generated function that Airflow sends there as source; each keyword argument is one of its parameters, so it must be a Python identifier that is not a keyword and does not start with an underscore.",
    example: 'd.pythonVirtualenv("t", { callable: "m:f", kwargs: { "row-count": 1 } })',
    fix: "Rename the argument to a Python identifier, such as row_count.",
    message: (a) => `${task(a)} passes keyword argument ${q(a.argument)}, which cannot be a Python parameter name`,
  }),
  DW165: entry<Task & { operator: string; airflow: string; warning: string }>({
    title: "Operator whose module warns on import",
    severity: "warning",
    explanation:
      "On this Airflow line the provider module of the operator emits a warning when it is imported (the provider's own use of an API the core deprecated). The generated file loads and the task runs, but Airflow records the warning against the DAG file on every parse.",
    example: 'd.pythonSensor("ready", { callable: "m:ready" }) // Airflow 3.2 and 3.3 with their locked standard provider',
    fix: "Accept the warning until the provider is fixed (it names the deprecated API), or use another operator on that line.",
    message: (a) => `${task(a)} uses ${a.operator}, whose module warns when Airflow ${a.airflow} imports it: ${a.warning}`,
  }),
  DW166: entry<Task & { problem: "noOptions" | "defaults" | "multipleDefaults" | "reservedParam" | "misplaced"; defaults?: readonly string[]; option?: string; operator?: string }>({
    title: "Human-in-the-loop options Airflow refuses",
    severity: "error",
    explanation:
      "A human-in-the-loop task needs at least one option; its defaults must be among its options, and only one unless multiple is set; and its params may not use the name _options, which Airflow keeps for itself. ApprovalOperator's options are fixed (Approve, Reject) and it takes no multiple; ignoreDownstreamTriggerRules and failOnReject are its alone. Airflow refuses the task when the DAG is parsed otherwise.",
    example: 'd.hitl("ask", { subject: "Ship?", options: ["Ship", "Hold"], defaults: "Later" })',
    fix: "List the options, take defaults from them, and rename the _options param.",
    message: (a) =>
      a.problem === "noOptions"
        ? `${task(a)} has no options`
        : a.problem === "defaults"
          ? `${task(a)} has defaults that are not among its options: ${(a.defaults ?? []).join(", ")}`
          : a.problem === "multipleDefaults"
            ? `${task(a)} has several defaults without multiple: true`
            : a.problem === "misplaced"
              ? `${task(a)} sets ${a.option}, which ${a.operator} does not take`
              : `${task(a)} has a param named _options, which Airflow keeps for itself`,
  }),
  DW180: entry<{ where: OptionsOwner; key: string }>({
    title: "Pod override written as JSON",
    severity: "error",
    explanation:
      "The Kubernetes executor reads executor_config[\"pod_override\"] as a kubernetes V1Pod object; a JSON dict there fails when the task runs. dagwright builds the V1Pod from the typed podOverride, which must be the only key (DW004 otherwise).",
    example: `executorConfig: { pod_override: { spec: { containers: [] } } }`,
    fix: "Write executorConfig: { podOverride: { container: { resources: { limits: { memory: \"2Gi\" } } } } }, with nothing beside podOverride.",
    message: (a) => `${owner(a.where)}: executorConfig.${a.key} is JSON, but the Kubernetes executor needs a V1Pod there`,
    hint: () => "write executorConfig: { podOverride: { ... } } and dagwright writes k8s.V1Pod(...)",
  }),
  DW181: entry<{ where: OptionsOwner; field: string; value: string } | { where: OptionsOwner; resource: string; request: string; limit: string }>({
    title: "Invalid resources in a pod override",
    severity: "error",
    explanation:
      "Resources of a pod override are Kubernetes quantities (500m, 2, 1Gi, 512Mi), and a request cannot exceed its limit; Kubernetes rejects the pod otherwise, when the task runs.",
    example: `executorConfig: { podOverride: { container: { resources: { limits: { memory: "2GB" } } } } }`,
    fix: "Write a valid quantity, such as \"2Gi\" or \"500m\", and keep requests at or below limits.",
    message: (a) =>
      "field" in a
        ? `${owner(a.where)}: executorConfig.podOverride.${a.field} is ${q(a.value)}, not a Kubernetes quantity`
        : `${owner(a.where)}: executorConfig.podOverride requests ${a.request} of ${a.resource}, above its limit ${a.limit}`,
  }),
  DW182: entry<{ dag: string; target: string }>({
    title: "orientation not on Airflow 3",
    severity: "error",
    explanation: "Airflow 3's DAG has no orientation argument (its UI chooses the direction of the graph), so the DAG would fail to load with it.",
    example: `dag("d", { schedule: null, orientation: "TB" }, ...)`,
    fix: "Remove orientation, or target Airflow 2.",
    message: (a) => `DAG ${q(a.dag)} sets orientation, which Airflow ${a.target} does not have (Airflow 3 removed it)`,
  }),
  DW183: entry<{ dag: string; target: string }>({
    title: "Deadline alerts need Airflow 3.1",
    severity: "error",
    explanation: "Deadline alerts (DeadlineAlert, Airflow's replacement for SLAs) exist from Airflow 3.1 on.",
    example: `dag("d", { schedule: "@daily", deadline: { reference: "dagrunQueuedAt", interval: "1h", callback: "pkg.alerts:late" } }, ...)`,
    fix: "Target Airflow 3.1 or newer, or use dagrunTimeout (or, on Airflow 2, a task's sla).",
    message: (a) => `DAG ${q(a.dag)} sets deadline, which needs Airflow 3.1 or newer; the target is ${a.target}`,
  }),
  DW184: entry<{ dag: string; value: string }>({
    title: "Invalid fixed deadline",
    severity: "error",
    explanation: "A fixed deadline reference is a UTC date (YYYY-MM-DD) or instant (YYYY-MM-DDTHH:MM[:SS]Z).",
    example: `deadline: { reference: { fixed: "next friday" }, interval: "1h", callback: "pkg.alerts:late" }`,
    fix: "Write a UTC date or instant such as \"2026-06-30T18:00Z\".",
    message: (a) => `DAG ${q(a.dag)} has a deadline fixed at ${q(a.value)}, not a UTC date or instant`,
  }),
  DW185: entry<{ dag: string; from: string; to: string; first: string; second: string }>({
    title: "Edge labelled twice",
    severity: "error",
    explanation: "Airflow keeps one label per edge; a dependency declared again with another label would lose one of them.",
    example: `a.then(b, { label: "yes" }); a.then(b, { label: "no" });`,
    fix: "Give the edge one label.",
    message: (a) => `DAG ${q(a.dag)}: the edge ${bare(a.from)} -> ${bare(a.to)} is labelled ${q(a.first)} and ${q(a.second)}`,
  }),
  DW186: entry<{ dag: string }>({
    title: "Deadline callback kwargs name context",
    severity: "error",
    explanation: "Airflow passes the run's context to a deadline callback itself and refuses a keyword argument named context (ValueError when the DAG file loads).",
    example: `deadline: { reference: "dagrunQueuedAt", interval: "1h", callback: "pkg.alerts:late", kwargs: { context: "x" } }`,
    fix: "Rename the keyword argument; the callback receives the context anyway.",
    message: (a) => `DAG ${q(a.dag)} has a deadline whose callback kwargs name context, which Airflow reserves for the run's context`,
  }),
  DW195: entry<{ dag: string; param: string; problem: string }>({
    title: "Invalid param schema",
    severity: "error",
    explanation:
      "A param's JSON schema must be one JSON Schema (2020-12, as Airflow's jsonschema reads it) accepts and some value can satisfy: limits in order, keywords that apply to its type, a known format, a pattern that compiles, enum values that fit the rest of the schema.",
    example: "params: { n: param.integer({ minimum: 10, maximum: 1 }) }",
    fix: "Fix the keyword the message names.",
    message: (a) => `${subject({ dag: a.dag, param: a.param })}: ${a.problem}`,
  }),
  DW196: entry<{ dag: string; param: string; key: string }>({
    title: "A trigger-form label for no value",
    severity: "warning",
    explanation:
      "valuesDisplay (Airflow's values_display) labels the enum or example values of a param in the trigger form, keyed by the value as Python's str() writes it; a key that is no such value labels nothing.",
    example: `param.string({ enum: ["eu", "us"], valuesDisplay: { EU: "Europe" } })`,
    fix: "Key each label by an enum or example value, as a string (1 for the number 1, True for true).",
    message: (a) => `${subject({ dag: a.dag, param: a.param })}: valuesDisplay labels ${q(a.key)}, which is none of its enum or example values`,
  }),
  DW197: entry<Task & { path: string; problem: string }>({
    title: "Invalid Python value of an operator argument",
    severity: "error",
    explanation:
      "py.timedelta, py.date, py.time, py.datetime and py.callable become datetime.timedelta, datetime.date, datetime.time, timezone-aware datetime.datetime and lazily imported functions in the generated file; each must be a value Python can build: finite numbers within timedelta's range, real dates and times, a known time zone, a datetime with a zone, a callable as \"package.module:function\".",
    example: `args: { start: py.datetime("2026-01-01T00:00") }`,
    fix: "Fix the value the message names; give a datetime a zone (\"Z\", \"+02:00\" or tz).",
    message: (a) => `${task(a)}, argument ${a.path}: ${a.problem}`,
  }),
  DW198: entry<Task & { importPath: string; name: string; other?: string }>({
    title: "Operator class name taken",
    severity: "error",
    explanation:
      "The generated file imports an escape-hatch operator class under its own name, so that name cannot be one the file already uses (DAG, Param, dagwright's helpers, Airflow's classes) or another class of the same name from another module.",
    example: `d.operator("x", { import: "team.ops:DAG" })`,
    fix: "Import the class under a name of its own: re-export it from a module of your package with another name.",
    message: (a) =>
      a.other === undefined
        ? `${task(a)}: the operator class ${q(a.name)} (${q(a.importPath)}) has a name the generated file already uses`
        : `${task(a)}: the operator class ${q(a.name)} of ${q(a.importPath)} has the name of ${q(a.other)}, which another task of the DAG imports`,
  }),
  DW199: entry<Task & { path: string; problem: string }>({
    title: "A \"$py\" dict that is no Python value",
    severity: "error",
    explanation:
      "In the arguments of d.operator, a dict with the key \"$py\" stands for a Python value made by a py.* helper; one of no such shape is neither that nor a plain dict dagwright could pass on.",
    example: `args: { window: { $py: "interval", hours: 1 } }`,
    fix: "Make the value with py.timedelta, py.date, py.time, py.datetime or py.callable; rename a plain dict's \"$py\" key.",
    message: (a) => `${task(a)}, argument ${a.path}: ${a.problem}`,
  }),
  DW201: entry<{ dag: string; preset: string; presets: readonly string[] } | { dag: string; cron: string; problem: string } | { dag: string; period: string }>({
    title: "Invalid schedule",
    severity: "error",
    explanation: "The schedule is neither one of Airflow's presets nor a valid five-field cron expression.",
    example: `schedule: "0 25 * * *" // hour 25`,
    fix: "Use a preset such as \"@daily\", a cron expression such as \"0 3 * * *\", { every: \"6h\" }, or null.",
    message: (a) =>
      "preset" in a
        ? `DAG ${q(a.dag)} has an unknown schedule preset ${q(a.preset)}`
        : "cron" in a
          ? `DAG ${q(a.dag)} has an invalid cron schedule ${q(a.cron)}: ${a.problem}`
          : `DAG ${q(a.dag)} has an invalid schedule period ${q(a.period)}`,
    hint: (a) =>
      "preset" in a
        ? `use one of ${a.presets.join(", ")}, a cron expression, { every: "6h" } or null`
        : "period" in a
          ? `write a positive whole number and a unit, for example { every: "6h" }`
          : undefined,
  }),
  DW202: entry<{ dag: string }>({
    title: "Missing start date",
    severity: "error",
    explanation: "A scheduled DAG needs a start date: Airflow computes its runs from it.",
    example: `dag("x", { schedule: "@daily" }, ...)`,
    fix: "Add `startDate: \"2026-01-01\"` (UTC).",
    message: (a) => `DAG ${q(a.dag)} has a schedule but no startDate`,
  }),
  DW203: entry<{ dag: string; option: string; value: string }>({
    title: "Malformed date",
    severity: "error",
    explanation: "Dates are written in UTC as `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS]Z`, and must exist in the calendar.",
    example: `startDate: "2026-02-30"`,
    fix: "Write a real date, for example \"2026-01-01\" or \"2026-01-01T06:00Z\".",
    message: (a) => `DAG ${q(a.dag)} has a malformed ${a.option} ${q(a.value)}`,
  }),
  DW204: entry<{ dag: string; start: string; end: string }>({
    title: "End date before start date",
    severity: "error",
    explanation: "The DAG's end date is before its start date, so it would never run.",
    example: `startDate: "2026-06-01", endDate: "2026-01-01"`,
    fix: "Swap or correct the dates.",
    message: (a) => `DAG ${q(a.dag)} ends (${a.end}) before it starts (${a.start})`,
  }),
  DW205: entry<{ dag: string; maxActiveRuns: number }>({
    title: "@continuous needs maxActiveRuns: 1",
    severity: "error",
    explanation: "Airflow refuses a `@continuous` DAG that may have more than one active run.",
    example: `schedule: "@continuous", maxActiveRuns: 4`,
    fix: "Set `maxActiveRuns: 1` or leave it unset.",
    message: (a) => `DAG ${q(a.dag)} is @continuous but allows ${a.maxActiveRuns} active runs`,
  }),
  DW206: entry<{ dag: string; option: string }>({
    title: "Option of a trigger timetable on a data-interval schedule",
    severity: "error",
    explanation:
      "`interval` and `runImmediately` shape the runs of a trigger timetable; a data-interval timetable already covers each interval and has neither.",
    example: `schedule: { cron: "@daily", timetable: "dataInterval", interval: "1d" }`,
    fix: "Add timetable: \"trigger\", or leave the option out.",
    message: (a) => `DAG ${q(a.dag)}: ${a.option} applies to a trigger timetable, but this schedule uses data intervals`,
    hint: () => 'add timetable: "trigger" to the schedule (or the DAG), or leave the option out',
  }),
  DW207: entry<{ dag: string; cron: string }>({
    title: "Cron that never fires",
    severity: "warning",
    explanation:
      "The cron expression is valid, but no date matches it: its days of the month do not occur in any of its months (February has no 30th; April, June, September and November no 31st). Airflow accepts the DAG and never runs it.",
    example: `dag("close", { schedule: "0 0 30 2 *" }, ...)`,
    fix: "Use the last day of the month (L, as in 0 0 L 2 *), or a day every chosen month has.",
    message: (a) => `DAG ${q(a.dag)}: the schedule ${q(a.cron)} never fires: no month it names has those days`,
    hint: () => "for the last day of a month write L (0 0 L 2 *); otherwise pick a day every chosen month has",
  }),
  DW301: entry<{ where: OptionsOwner; option: string; value: string }>({
    title: "Invalid duration",
    severity: "error",
    explanation: "Durations are a whole number followed by s, m, h or d, with no space.",
    example: `retryDelay: "5 minutes"`,
    fix: "Write for example \"30s\", \"5m\", \"2h\" or \"1d\".",
    message: (a) => `${owner(a.where)}: ${a.option} ${q(a.value)} is not a duration`,
  }),
  DW302: entry<{ where: OptionsOwner; option: string; value: number; min: number; max: number }>({
    title: "Invalid number",
    severity: "error",
    explanation: "The option takes a whole number in a range: retries 0 or more; poolSlots, maxActiveRuns and maxActiveTasks 1 or more; priorityWeight within 32 bits.",
    example: `retries: 1.5`,
    fix: "Use a whole number in the documented range.",
    message: (a) => {
      // Name the bound that matters: most counts only have a lower one in practice.
      const range = a.min >= 0 && a.value <= a.max ? `${a.min} or more` : `between ${a.min} and ${a.max}`;
      return `${owner(a.where)}: ${a.option} is ${a.value}; it must be a whole number, ${range}`;
    },
  }),
  DW303: entry<Task & { rule: string; since: string; target: string }>({
    title: "Trigger rule not supported by the target Airflow",
    severity: "error",
    explanation: "The trigger rule does not exist in the Airflow version the project compiles for, which would be an import error there.",
    example: `triggerRule: "all_done_min_one_success" // Airflow 3.1+`,
    fix: "Choose another trigger rule, or target a newer Airflow in dagwright.config.ts.",
    message: (a) => `${task(a)} uses trigger rule ${q(a.rule)}, which needs Airflow ${a.since}+; the project targets ${a.target}`,
  }),
  DW304: entry<{ where: Subject; callable: string; callback?: string }>({
    title: "Invalid Python callable",
    severity: "error",
    explanation: "A Python task's callable, and every callback, must be written `package.module:function` with valid Python identifiers.",
    example: `callable: "ml/train.py"`,
    fix: "Write the module's import path, a colon, and the function's name: \"ml.churn.train:main\".",
    message: (a) =>
      a.callback === undefined
        ? `${subject(a.where)} has callable ${q(a.callable)}, not "package.module:function"`
        : `${subject(a.where)}: callback ${a.callback} ${q(a.callable)} is not "package.module:function"`,
  }),
  DW305: entry<{ dag: string; tag: string; max: number }>({
    title: "Invalid tag",
    severity: "error",
    explanation: "Airflow rejects tags that are empty or longer than 100 characters.",
    example: `tags: [""]`,
    fix: "Use short, non-empty tags.",
    message: (a) => `DAG ${q(a.dag)} has ${a.tag.length === 0 ? "an empty tag" : `a tag of ${a.tag.length} characters (at most ${a.max})`}`,
  }),
  DW306: entry<{ where: Subject; callable: string; callback?: string; missing: "module" | "function"; suggestion?: string; file?: string; line?: number; at?: string }>({
    title: "Python callable not found",
    severity: "error",
    explanation:
      "A task's callable, or a callback, names a module of the project's own Python (a package under `python.roots`) with no such module or no top-level function of that name, so the task would fail with an ImportError or AttributeError when it runs. Modules outside the roots (third-party packages) are not checked.",
    example: `callable: "churn.train:trian_model"`,
    fix: "Name a function the module defines, as `package.module:function`.",
    message: (a) => {
      const [module, name] = a.callable.split(":") as [string, string];
      const what = a.callback === undefined ? `callable ${q(a.callable)}` : `callback ${a.callback} ${q(a.callable)}`;
      const problem = a.missing === "module" ? `there is no module ${module} in the project's Python` : `module ${module} has no function ${name}`;
      return `${subject(a.where)}: ${what}: ${problem}${a.suggestion ? `; did you mean ${q(a.suggestion)}?` : ""}`;
    },
    hint: (a) =>
      a.suggestion && a.file
        ? `${a.suggestion} is defined at ${a.file}:${a.line}`
        : a.file
          ? `${a.callable.split(":")[0]} is ${a.file}`
          : `the project's Python roots are ${a.at ?? "python/"}: name one of their modules, or a package installed where the task runs`,
  }),
  DW307: entry<{ where: Subject; callable: string; unknown?: string; missing?: readonly string[]; suggestion?: string; signature: string; file: string; line: number }>({
    title: "Keyword arguments do not fit the Python function",
    severity: "error",
    explanation:
      "The task's `kwargs` (with `args`, mapped arguments and upstream outputs) must fit the signature of the function it calls: every keyword must be a parameter of the function (unless it takes `**kwargs`), and every parameter without a default must be given. Parameters that name Airflow's task context (`ti`, `ds`, `params`, ...) and `**context` are filled by Airflow, not required. Otherwise the task fails with a TypeError when it runs.",
    example: `callable: "churn.train:train_model", kwargs: { run_dir, epochz: 10 }`,
    fix: "Pass the keyword arguments the function takes; or change the function.",
    message: (a) =>
      a.unknown !== undefined
        ? `${subject(a.where)}: ${a.callable} takes no keyword argument ${a.unknown}${a.suggestion ? `; did you mean ${a.suggestion}?` : ""}`
        : `${subject(a.where)}: ${a.callable} needs ${plural(a.missing!.length, "argument")} the task does not give: ${a.missing!.join(", ")}`,
    hint: (a) => `def ${a.signature} is at ${a.file}:${a.line}`,
  }),
  DW308: entry<{ where: Subject; callable: string; callback?: string; binding: "class" | "variable" | "function"; file: string; line?: number; needs?: number }>({
    title: "Callable is not a function",
    severity: "error",
    explanation:
      "A task's callable or a callback names something of the project's Python that Airflow cannot call as it will: a variable, a class where a callback is expected, or a function that cannot take the arguments Airflow passes a callback (the task's context, and for postExecute its result).",
    example: `onFailure: "reports.alerts:CHANNEL" // CHANNEL = "#data-alerts"`,
    fix: "Name a function; a callback takes the context as its first positional parameter.",
    message: (a) => {
      const what = a.callback === undefined ? `callable ${q(a.callable)}` : `callback ${a.callback} ${q(a.callable)}`;
      return a.binding === "function"
        ? `${subject(a.where)}: ${what} takes fewer than ${a.needs} positional ${a.needs === 1 ? "argument" : "arguments"}, but Airflow calls it with ${a.needs === 1 ? "the context" : "the context and the result"}`
        : `${subject(a.where)}: ${what} names a ${a.binding}, not a function`;
    },
    hint: (a) => `${a.callable.split(":")[1]} is at ${a.file}${a.line === undefined ? "" : `:${a.line}`}`,
  }),
  DW401: entry<Task & { field: string; value: string }>({
    title: "Invalid Spark memory size",
    severity: "error",
    explanation: "Spark memory sizes are JVM sizes: a whole positive number and k, m, g or t. Spark rejects \"4gb\" or \"4 GB\" only when the job starts.",
    example: `executor: { memory: "4gb" }`,
    fix: "Write a whole number and k, m, g or t with no \"b\" and no space, for example \"4g\" or \"512m\".",
    message: (a) => `${sparkTask(a)}: ${a.field} ${q(a.value)} is not a memory size`,
  }),
  DW402: entry<Task & { field: string; value: number; min: number }>({
    title: "Invalid Spark core or executor count",
    severity: "error",
    explanation: "Cores and executor instances are whole numbers, 1 or more; dynamic allocation bounds are whole numbers, 0 or more.",
    example: `executor: { cores: 0.5 }`,
    fix: "Use a whole number in range.",
    message: (a) => `${sparkTask(a)}: ${a.field} is ${a.value}; it must be a whole number, ${a.min} or more`,
  }),
  DW403: entry<Task & { instances: number }>({
    title: "Fixed executors with dynamic allocation",
    severity: "error",
    explanation: "executor.instances fixes the number of executors, while dynamic allocation scales it; together they fight, and Spark quietly lets one win.",
    example: `executor: { instances: 10 }, dynamicAllocation: { min: 2, max: 20 }`,
    fix: "Keep one: executor.instances for a fixed size, or dynamicAllocation to scale.",
    message: (a) => `${sparkTask(a)}: executor.instances (${a.instances}) fixes the number of executors, but dynamic allocation is on`,
    hint: () => "keep one: executor.instances for a fixed size, or dynamicAllocation { min, max } to scale",
  }),
  DW404: entry<(Task & { noMax: true }) | (Task & { low: [string, number]; high: [string, number] })>({
    title: "Dynamic allocation bounds out of order",
    severity: "error",
    explanation: "Dynamic allocation needs min <= initial <= max, and a max so the job stays bounded.",
    example: `dynamicAllocation: { min: 10, max: 5 }`,
    fix: "Order the bounds min <= initial <= max and set max.",
    message: (a) =>
      "noMax" in a
        ? `${sparkTask(a)}: dynamicAllocation has no max, so the job could take the whole cluster`
        : `${sparkTask(a)}: dynamicAllocation.${a.low[0]} (${a.low[1]}) is greater than dynamicAllocation.${a.high[0]} (${a.high[1]})`,
    hint: (a) => ("noMax" in a ? "add dynamicAllocation.max" : "keep min <= initial <= max"),
  }),
  DW405: entry<Task & { key: string }>({
    title: "Spark conf key without spark. prefix",
    severity: "error",
    explanation: "Spark reads only properties whose names start with \"spark.\"; it ignores the others with a warning in the driver log.",
    example: `conf: { "executor.memory": "4g" }`,
    fix: "Use the property's full name; for Hadoop settings use spark.hadoop.<key>.",
    message: (a) => `${sparkTask(a)}: conf key ${q(a.key)} is not a Spark property (they start with "spark.")`,
    hint: () => "Spark ignores other keys; for Hadoop settings use spark.hadoop.<key>",
  }),
  DW406: entry<Task & { key: string; suggestion: string }>({
    title: "Misspelled Spark property",
    severity: "error",
    explanation: "The conf key is one or two edits away from a property Spark defines. Spark silently ignores unknown properties, so the setting would have no effect.",
    example: `conf: { "spark.sql.shuffle.partitons": 200 }`,
    fix: "Use the property the message suggests.",
    message: (a) => `${sparkTask(a)}: conf key ${q(a.key)} is not a Spark property; did you mean ${q(a.suggestion)}?`,
    hint: (a) => `Spark silently ignores unknown properties; write ${q(a.suggestion)}`,
  }),
  DW407: entry<Task & { key: string }>({
    title: "Unknown Spark property",
    severity: "warning",
    explanation: "The conf key is not a property this Spark version defines and not under a known prefix such as spark.hadoop. It may belong to a plugin; if not, Spark ignores it silently.",
    example: `conf: { "spark.my.plugin.setting": "x" }`,
    fix: "Check the spelling; leave it if a plugin reads it.",
    message: (a) => `${sparkTask(a)}: conf key ${q(a.key)} is not a property this Spark version defines`,
    hint: () => "check the spelling; a plugin's own property is fine, but Spark ignores misspelled ones silently",
  }),
  DW408: entry<Task & { key: string; field: string }>({
    title: "Spark conf key duplicates a typed field",
    severity: "error",
    explanation: "The conf key sets what a typed field of the job is for (memory, cores, executors, dynamic allocation, jars, ...). Two places for one setting drift apart.",
    example: `executor: { memory: "4g" }, conf: { "spark.executor.memory": "8g" }`,
    fix: "Use the typed field and drop the conf key.",
    message: (a) => `${sparkTask(a)}: conf key ${q(a.key)} sets what the typed field ${a.field} is for`,
    hint: (a) => `use ${a.field} instead of conf[${q(a.key)}]`,
  }),
  DW409: entry<(Task & { jarWithoutMain: string }) | (Task & { pythonWithMain: { application: string; mainClass: string } })>({
    title: "Main class does not match the application",
    severity: "error",
    explanation: "A jar application needs mainClass; a Python application has none.",
    example: `application: "jobs/etl.jar"`,
    fix: "Add mainClass for a jar, or remove it for a .py file.",
    message: (a) =>
      "jarWithoutMain" in a
        ? `${sparkTask(a)}: application ${q(a.jarWithoutMain)} is a jar but no mainClass is given`
        : `${sparkTask(a)}: mainClass ${q(a.pythonWithMain.mainClass)} is given for the Python application ${q(a.pythonWithMain.application)}`,
    hint: (a) => ("jarWithoutMain" in a ? 'add mainClass: "com.example.Main"' : "remove mainClass; it is only for jars"),
  }),
  DW410: entry<Task & { application: string }>({
    title: "Unknown Spark application type",
    severity: "error",
    explanation: "dagwright runs Python (.py) and JVM (.jar) Spark applications.",
    example: `application: "jobs/etl.scala"`,
    fix: "Point application at the .py file or the built .jar.",
    message: (a) => `${sparkTask(a)}: application ${q(a.application)} is neither a .py file nor a .jar`,
  }),
  DW411: entry<Task & { profile: string; suggestion?: string; profiles: readonly string[] }>({
    title: "Unknown Spark size profile",
    severity: "error",
    explanation: "The job names a profile that spark.profiles in dagwright.config.ts does not define.",
    example: `profile: "larg"`,
    fix: "Use a defined profile name, or define the profile.",
    message: (a) => `${sparkTask(a)}: size profile ${q(a.profile)} is not defined${a.suggestion ? `; did you mean ${q(a.suggestion)}?` : ""}`,
    hint: (a) => (a.profiles.length ? `defined profiles: ${a.profiles.join(", ")}` : "define it under spark.profiles in dagwright.config.ts"),
  }),
  DW412: entry<Task & { missing: readonly string[] }>({
    title: "Incomplete Kubernetes Spark target",
    severity: "error",
    explanation: "A SparkApplication needs the container image and the Spark version in it.",
    example: `target: { kind: "kubernetes", namespace: "spark" }`,
    fix: "Set target.image and target.sparkVersion on the task, its profile or spark.defaults.",
    message: (a) => `${sparkTask(a)}: the Kubernetes target needs ${a.missing.map((field) => `target.${field}`).join(" and ")}`,
    hint: () => "set them on the task, its profile or spark.defaults.target",
  }),
  DW413: entry<{ where: Subject; field: KubernetesNameField; value: string }>({
    title: "Invalid Kubernetes name",
    severity: "error",
    explanation:
      "Kubernetes names are DNS names: namespaces, volumes and containers are DNS labels (lower-case letters, digits and '-', at most 63 characters); service accounts, secrets, config maps and persistent volume claims are DNS subdomains (also '.', at most 253 characters).",
    example: `target: { kind: "kubernetes", namespace: "Spark_Jobs" }`,
    fix: "Use a valid DNS-1123 name.",
    sharedBy: ["validate/kinds/pod", "validate/kinds/spark"],
    message: (a) => `${subject(a.where)}: ${a.field} ${q(a.value)} is not a valid Kubernetes name`,
    hint: (a) =>
      DNS_LABEL_FIELDS.includes(a.field) ? "use lower-case letters, digits and '-', at most 63 characters" : "use lower-case letters, digits, '-' and '.', at most 253 characters",
  }),
  DW414: entry<Task & { field: "application" | "pyFiles" | "files"; path: string }>({
    title: "Spark file not in the project",
    severity: "error",
    explanation:
      "A Spark job's application, pyFiles or files entry is a relative path into one of the project's folders (no scheme such as local://, s3a:// or hdfs://, no template), read from the project root, and no such file exists there, so spark-submit would fail when the job starts. A relative path whose first folder the project does not have is taken to be on the machine that runs spark-submit and is not checked.",
    example: `application: "python/jobs/build_feature.py" // the file is build_features.py`,
    fix: "Point at a file of the project, or write a URL (local:// for a file inside the image, s3a://, hdfs://) that dagwright does not check.",
    message: (a) => `${sparkTask(a)}: ${a.field} ${q(a.path)} does not exist in the project`,
    hint: () => "paths without a scheme are read from the project root; write local://, s3a:// or hdfs:// for a file that lives elsewhere",
  }),
  DW501: entry<{ reader: Task | { dag: string }; uri: string }>({
    title: "Asset read but written nowhere",
    severity: "warning",
    explanation: "A task reads, or a DAG is scheduled on, an asset that no task of the project writes, so nothing here will ever update it.",
    example: `d.python("train", { callable: "ml.train:main", inputs: [asset("s3://lake/featurs")] })`,
    fix: "Add the asset to the outputs of the task that writes it, or declare it external: asset(uri, { external: true }).",
    message: (a) => `${"task" in a.reader ? `${task(a.reader)} reads` : `DAG ${q(a.reader.dag)} is scheduled on`} asset ${q(a.uri)}, which no task of the project writes`,
    hint: (a) => `add it to the outputs of the task that writes it, or declare it asset(${q(a.uri)}, { external: true })`,
  }),
  DW502: entry<{ uri: string; dags: readonly string[] }>({
    title: "Asset written by several DAGs",
    severity: "warning",
    explanation: "Two DAGs write the same asset; their runs race, and a DAG scheduled on it runs after either.",
    example: `// a.ts and b.ts both: outputs: [asset("s3://lake/features")]`,
    fix: "Let one DAG own the asset, or split it into two assets.",
    message: (a) => `asset ${q(a.uri)} is written by ${a.dags.length} DAGs: ${a.dags.map(q).join(", ")}`,
  }),
  DW503: entry<{ path: readonly string[]; via: readonly string[] }>({
    title: "Cycle through asset schedules",
    severity: "error",
    explanation: "DAGs scheduled on each other's assets wait for each other forever (or trigger each other without end).",
    example: `// a writes x and runs on y; b writes y and runs on x`,
    fix: "Break the loop: put one of the DAGs on a time schedule, or stop one of them writing the asset.",
    message: (a) => `DAGs trigger each other through assets in a cycle: ${a.path.map((id, index) => (index === 0 ? id : `-[${a.via[index - 1]}]-> ${id}`)).join(" ")}`,
    hint: () => "break the loop: one of these DAGs must run on a time schedule or stop writing the asset",
  }),
  DW504: entry<Task & { model: string }>({
    title: "Model never evaluated",
    severity: "warning",
    explanation: "A task writes a model, but no task after it (or reading the model elsewhere) reports metrics or has the evaluate stage: nothing checks the model before it is used.",
    example: `d.python("train", { callable: "ml.train:main", outputs: [model("churn")] })`,
    fix: "Add an evaluation task downstream that reports metrics: outputs: [metric(\"auc\", { direction: \"higher\" })].",
    message: (a) => `model ${q(a.model)} written by ${task(a)} is never evaluated`,
    hint: () => "add a task after it that reports metrics (outputs: [metric(...)]) or has stage: \"evaluate\"",
  }),
  DW505: entry<{ uri: string; problem: string }>({
    title: "Malformed asset URI",
    severity: "error",
    explanation: "Airflow accepts asset URIs with a scheme (s3://, gs://, file://, postgres://, ...), in ASCII without spaces, and reserves the airflow scheme.",
    example: `asset("lake/features")`,
    fix: "Write the full URI, for example \"s3://lake/features\".",
    message: (a) => `asset URI ${q(a.uri)} is malformed: ${a.problem}`,
  }),
  DW506: entry<{ uri: string; watcher: string; problem: string }>({
    title: "Invalid asset watcher",
    severity: "error",
    explanation:
      "An asset watcher names an event trigger class by its full import path (a BaseEventTrigger subclass, such as the standard provider's FileDeleteTrigger), and each watcher of an asset has its own name.",
    example: `asset("file:///data/in.csv", { watchers: [{ name: "in", trigger: "FileDeleteTrigger" }] })`,
    fix: 'Write the trigger\'s module and class, for example "airflow.providers.standard.triggers.file.FileDeleteTrigger", and give each watcher a distinct name.',
    message: (a) => `asset ${q(a.uri)} has watcher ${q(a.watcher)}: ${a.problem}`,
  }),
} as const;

export type Code = keyof typeof CATALOGUE;

/** What a code's message template needs. */
export type MessageArgs<C extends Code> = Parameters<(typeof CATALOGUE)[C]["message"]>[0];

export const CODES: readonly Code[] = Object.keys(CATALOGUE) as Code[];

/** The families of codes, by their first digits. */
export const FAMILIES = [
  { prefix: "DW0", title: "loading and configuration" },
  { prefix: "DW1", title: "DAG structure" },
  { prefix: "DW2", title: "schedules and dates" },
  { prefix: "DW3", title: "task options" },
  { prefix: "DW4", title: "Spark jobs" },
  { prefix: "DW5", title: "data lineage" },
] as const;

/** Whether a string is a catalogued code (for codes that arrive from outside, such as `explain DW101`). */
export function isCode(text: string): text is Code {
  return Object.prototype.hasOwnProperty.call(CATALOGUE, text);
}

export { plural };
