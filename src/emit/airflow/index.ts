/**
 * The Airflow back end: one DAG file per DAG, for the configured Airflow version. Where
 * Airflow 2 and 3 would read the same arguments differently, the file spells out what the
 * author meant, so one source means the same on both lines.
 */
import type { AirflowTarget, Dag, Project, Task, TaskDefaults, TaskOptions } from "../../ir/schema.js";
import { DEFAULT_SPARK_CONNECTION, effectiveSparkJob, type EffectiveSparkJob } from "../../ir/spark.js";
import { durationSeconds, parseUtcDate } from "../../ir/values.js";
import type { OutputFile } from "../files.js";
import { call, code, keywords, literal, type JsonLike, type PyArg, type PyExpr } from "../python/expr.js";
import { LINE_LENGTH, flat, statement } from "../python/layout.js";
import { sparkApplication, sparkConf } from "../spark/index.js";
import type { Templates } from "../templates.js";
import { Imports, PYTHON_NAMES, type PythonName } from "./imports.js";

export interface AirflowEmitOptions {
  target: AirflowTarget;
  templates: Templates;
  dagwrightVersion: string;
}

const BODY = "    ";

export function emitAirflow(project: Project, options: AirflowEmitOptions): OutputFile[] {
  return project.dags.map((dag) => ({ path: `airflow/${dag.id}.py`, contents: dagFile(project, dag, options) }));
}

function dagFile(project: Project, dag: Dag, { target, templates, dagwrightVersion }: AirflowEmitOptions): string {
  const imports = new Imports(target);
  const names = variableNames(dag.tasks);
  const dagCall = call(imports.use("DAG"), dagArguments(dag, imports));
  const tasks = dag.tasks.map((task) =>
    statement(taskCall(project, dag, task, imports), BODY, `${names.get(task.id)} = `),
  );
  const dependencies = dag.tasks.flatMap((task) => dependencyLines(task, names));
  const usesPython = dag.tasks.some((task) => task.config.kind === "python");
  return templates.get("airflow/dag.py.hbs")({
    dagwrightVersion,
    source: dag.location.file,
    dagId: dag.id,
    airflow: target,
    importGroups: imports.lines(),
    helpers: usesPython ? [templates.get("airflow/call_python.py.hbs")({}).trimEnd()] : [],
    dagStatement: statement(dagCall, "", "with ", " as dag:"),
    tasks,
    dependencies,
  });
}

function dagArguments(dag: Dag, imports: Imports): PyArg[] {
  return keywords([
    ["dag_id", literal(dag.id)],
    ["description", dag.description === undefined ? undefined : literal(dag.description)],
    ["schedule", schedule(dag, imports)],
    ["start_date", dag.startDate === undefined ? undefined : utcDateTime(dag.startDate, imports)],
    ["end_date", dag.endDate === undefined ? undefined : utcDateTime(dag.endDate, imports)],
    // Airflow 2 catches up by default and Airflow 3 does not: always say which.
    ["catchup", literal(dag.catchup)],
    ["max_active_runs", optionalLiteral(dag.maxActiveRuns)],
    ["max_active_tasks", optionalLiteral(dag.maxActiveTasks)],
    ["dagrun_timeout", dag.dagrunTimeout === undefined ? undefined : timedelta(dag.dagrunTimeout, imports)],
    ["tags", dag.tags.length > 0 ? literal(dag.tags) : undefined],
    ["default_args", defaultArgs(dag, imports)],
    ["doc_md", dag.docs === undefined ? undefined : literal(dagDocs(dag.docs))],
  ]);
}

/**
 * Cron and period schedules get an explicit data-interval timetable: Airflow 2 builds one
 * from a bare cron string, but Airflow 3 builds a trigger timetable, which would move what
 * `{{ ds }}` means by one period.
 */
function schedule(dag: Dag, imports: Imports): PyExpr {
  const { schedule } = dag;
  switch (schedule.kind) {
    case "manual":
      return code("None");
    case "every":
      return call(imports.use("DeltaDataIntervalTimetable"), [timedelta(schedule.every, imports)]);
    case "cron":
      if (schedule.expression === "@once" || schedule.expression === "@continuous") return literal(schedule.expression);
      return call(imports.use("CronDataIntervalTimetable"), [
        literal(schedule.expression),
        { name: "timezone", value: literal("UTC") },
      ]);
  }
}

function defaultArgs(dag: Dag, imports: Imports): PyExpr | undefined {
  const owner = dag.defaults.owner ?? dag.owner;
  const entries = optionEntries({ ...dag.defaults, ...(owner === undefined ? {} : { owner }) }, imports);
  if (entries.length === 0) return undefined;
  return { kind: "dict", entries: entries.map((arg) => [literal(arg.name!), arg.value]) };
}

/** Task options and DAG defaults as Airflow's keyword arguments, in one fixed order. */
function optionEntries(options: TaskOptions & TaskDefaults, imports: Imports): PyArg[] {
  const duration = (value: string | undefined) => (value === undefined ? undefined : timedelta(value, imports));
  return keywords([
    ["owner", optionalLiteral(options.owner)],
    ["trigger_rule", optionalLiteral(options.triggerRule)],
    ["retries", optionalLiteral(options.retries)],
    ["retry_delay", duration(options.retryDelay)],
    ["retry_exponential_backoff", optionalLiteral(options.retryExponentialBackoff)],
    ["max_retry_delay", duration(options.maxRetryDelay)],
    ["execution_timeout", duration(options.executionTimeout)],
    ["pool", optionalLiteral(options.pool)],
    ["pool_slots", optionalLiteral(options.poolSlots)],
    ["queue", optionalLiteral(options.queue)],
    ["priority_weight", optionalLiteral(options.priorityWeight)],
    ["depends_on_past", optionalLiteral(options.dependsOnPast)],
    ["email", optionalLiteral(options.email)],
    ["email_on_failure", optionalLiteral(options.emailOnFailure)],
    ["email_on_retry", optionalLiteral(options.emailOnRetry)],
    ["doc_md", optionalLiteral(options.doc)],
  ]);
}

function taskCall(project: Project, dag: Dag, task: Task, imports: Imports): PyExpr {
  const [operator, specific] = operatorArguments(project, dag, task);
  return call(imports.use(operator), [
    ...keywords([["task_id", literal(task.id)]]),
    ...specific,
    ...optionEntries(task.options, imports),
  ]);
}

function operatorArguments(project: Project, dag: Dag, task: Task): [PythonName, PyArg[]] {
  const { config } = task;
  switch (config.kind) {
    case "spark":
      return sparkOperator(dag, task, effectiveSparkJob(project.spark, dag.id, task.id, config));
    case "empty":
      return ["EmptyOperator", []];
    case "bash":
      return [
        "BashOperator",
        keywords([
          ["bash_command", literal(bashCommand(config.command))],
          ["env", config.env === undefined ? undefined : literal(config.env)],
          // Without append_env, Airflow would replace the worker's whole environment with `env`.
          ["append_env", config.env === undefined ? undefined : literal(true)],
          ["cwd", optionalLiteral(config.cwd)],
        ]),
      ];
    case "python":
      return [
        "PythonOperator",
        keywords([
          ["python_callable", code("_call")],
          ["op_kwargs", literal({ target: config.callable, kwargs: config.kwargs ?? {} })],
        ]),
      ];
  }
}

/**
 * A Spark job as Airflow's operator for its target: SparkSubmitOperator with the job's
 * arguments (the hook turns them into exactly the spec's spark-submit arguments), or
 * SparkKubernetesOperator carrying the SparkApplication inline, so the DAG file needs no
 * other file at run time.
 */
function sparkOperator(dag: Dag, task: Task, job: EffectiveSparkJob): [PythonName, PyArg[]] {
  const { target } = job;
  if (target.kind === "kubernetes") {
    return [
      "SparkKubernetesOperator",
      keywords([
        ["namespace", literal(target.namespace ?? "default")],
        ["kubernetes_conn_id", optionalLiteral(target.connId)],
        ["template_spec", literal(sparkApplication(dag.id, task.id, job) as JsonLike)],
      ]),
    ];
  }
  const list = (items: string[]) => (items.length ? literal(items.join(",")) : undefined);
  const conf = sparkConf(job);
  return [
    "SparkSubmitOperator",
    keywords([
      ["conn_id", literal(target.connId ?? DEFAULT_SPARK_CONNECTION)],
      ["application", literal(job.application)],
      ["name", literal(job.name)],
      ["java_class", optionalLiteral(job.mainClass)],
      ["application_args", job.args.length ? literal(job.args) : undefined],
      ["conf", Object.keys(conf).length ? literal(conf) : undefined],
      ["driver_memory", optionalLiteral(job.driver.memory)],
      ["executor_memory", optionalLiteral(job.executor.memory)],
      ["executor_cores", optionalLiteral(job.executor.cores)],
      ["num_executors", optionalLiteral(job.executor.instances)],
      ["packages", list(job.packages)],
      ["jars", list(job.jars)],
      ["py_files", list(job.pyFiles)],
      ["files", list(job.files)],
      ["env_vars", Object.keys(job.env).length ? literal(job.env) : undefined],
      ["deploy_mode", optionalLiteral(target.deployMode)],
    ]),
  ];
}

/** Airflow reads a bash_command ending in .sh or .bash as a template file; a trailing space keeps it a command. */
function bashCommand(command: string): string {
  return /\.(sh|bash)$/.test(command) ? command + " " : command;
}

/**
 * DAG docs are plain markdown on every target (Airflow 2.9+ and 3 show doc_md without Jinja).
 * A value ending in ".md" would be read as a file name, so it gets a trailing newline, which
 * markdown ignores.
 */
function dagDocs(docs: string): string {
  return docs.endsWith(".md") ? docs + "\n" : docs;
}

function dependencyLines(task: Task, names: Map<string, string>): string[] {
  const downstream = names.get(task.id)!;
  const upstream = task.upstream.map((edge) => names.get(edge.task)!);
  if (upstream.length === 0) return [];
  if (upstream.length === 1) return [`${BODY}${upstream[0]} >> ${downstream}`];
  const line = `${BODY}${flat({ kind: "list", items: upstream.map(code) })} >> ${downstream}`;
  // A fan-in too wide for one line reads best one edge per line.
  return line.length <= LINE_LENGTH ? [line] : upstream.map((name) => `${BODY}${name} >> ${downstream}`);
}

function timedelta(text: string, imports: Imports): PyExpr {
  const match = /^(\d+)([smhd])$/.exec(text);
  const unit = { s: "seconds", m: "minutes", h: "hours", d: "days" }[match?.[2] as "s" | "m" | "h" | "d"];
  if (!match || !unit || durationSeconds(text) === undefined) throw new Error(`unvalidated duration "${text}"`);
  return call(`${imports.datetime()}.timedelta`, [{ name: unit, value: code(String(Number(match[1]))) }]);
}

function utcDateTime(text: string, imports: Imports): PyExpr {
  const date = parseUtcDate(text);
  if (!date) throw new Error(`unvalidated date "${text}"`);
  const datetime = imports.datetime();
  const parts = [date.year, date.month, date.day];
  if (date.hour || date.minute || date.second) parts.push(date.hour, date.minute);
  if (date.second) parts.push(date.second);
  return call(`${datetime}.datetime`, [
    ...parts.map((part) => code(String(part))),
    { name: "tzinfo", value: code(`${datetime}.timezone.utc`) },
  ]);
}

function optionalLiteral(value: string | number | boolean | readonly string[] | undefined): PyExpr | undefined {
  return value === undefined ? undefined : literal(value);
}

const PYTHON_KEYWORDS = new Set(
  "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield".split(
    " ",
  ),
);
/** Names the generated file defines or imports itself. */
const TAKEN = new Set<string>(["dag", "datetime", "annotations", "_call", ...PYTHON_NAMES]);

/** A distinct Python variable per task, derived from its id. */
function variableNames(tasks: readonly Task[]): Map<string, string> {
  const used = new Set(TAKEN);
  const names = new Map<string, string>();
  for (const task of tasks) {
    let base = task.id.replace(/[^A-Za-z0-9_]/g, "_");
    if (/^[0-9]/.test(base) || base === "" || base === "_") base = `task_${base}`;
    if (PYTHON_KEYWORDS.has(base) || TAKEN.has(base)) base = `${base}_task`;
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
    used.add(name);
    names.set(task.id, name);
  }
  return names;
}
