/**
 * The Airflow back end: one DAG file per DAG, for the configured Airflow version. Where
 * Airflow 2 and 3 would read the same arguments differently, the file spells out what the
 * author meant, so one source means the same on both lines.
 */
import type { AirflowTarget, AssetCondition, AssetRef, Dag, Project, Task, TaskDefaults, TaskOptions } from "../../ir/schema.js";
import { dagDefaultArgs, upstreamTasks } from "../../ir/structure.js";
import { airflowMajor } from "../../ir/target.js";
import { DEFAULT_SPARK_CONNECTION, effectiveSparkJob, type EffectiveSparkJob } from "../../ir/spark.js";
import { durationSeconds, parseUtcDate } from "../../ir/values.js";
import type { OutputFile } from "../files.js";
import { call, code, keywords, literal, method, type JsonLike, type PyArg, type PyExpr } from "../python/expr.js";
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
  const names = variableNames(dag);
  const context: EmitContext = { project, dag, target, imports, names };
  const dagCall = call(imports.use("DAG"), dagArguments(context));
  const body = blockLines(context, undefined, BODY);
  const dependencies = dependencyLines(dag, names);
  const roles = roleLines(dag, names);
  const helpers = [
    ...(dag.tasks.some((task) => LAZY_CALL_KINDS.has(task.config.kind)) ? [templates.get("airflow/call_python.py.hbs")({}).trimEnd()] : []),
    ...(usesCallbacks(dag) ? [templates.get("airflow/callback.py.hbs")({}).trimEnd()] : []),
  ];
  return templates.get("airflow/dag.py.hbs")({
    dagwrightVersion,
    source: dag.location.file,
    dagId: dag.id,
    airflow: target,
    importGroups: imports.lines(),
    helpers,
    dagStatement: statement(dagCall, "", "with ", " as dag:"),
    tasks: body,
    dependencies: [...dependencies, ...roles],
  });
}

interface EmitContext {
  project: Project;
  dag: Dag;
  target: AirflowTarget;
  imports: Imports;
  names: Map<string, string>;
}

/** Task kinds whose Python callable the generated `_call` helper imports when the task runs. */
const LAZY_CALL_KINDS = new Set<Task["config"]["kind"]>(["python", "branch", "short_circuit"]);

function usesCallbacks(dag: Dag): boolean {
  const callbacks = (options: TaskOptions | TaskDefaults) => [options.onFailure, options.onSuccess, options.onRetry, options.onExecute].some(Boolean);
  return dag.onFailure !== undefined || dag.onSuccess !== undefined || callbacks(dag.defaults) || dag.groups.some((g) => callbacks(g.defaults)) || dag.tasks.some((t) => callbacks(t.options));
}

/**
 * The statements of one block: the tasks and groups directly in `groupId` (the DAG's top level
 * when undefined), in the order they were declared; a group becomes a nested `with` block.
 */
function blockLines(context: EmitContext, groupId: string | undefined, indent: string): string[] {
  const { dag, imports, names } = context;
  const entries: Array<{ order: number; lines: string[] }> = [];
  for (const [index, task] of dag.tasks.entries()) {
    if (task.group !== groupId) continue;
    entries.push({ order: index, lines: [statement(taskCall(context, task), indent, `${names.get(task.id)} = `)] });
  }
  for (const group of dag.groups) {
    if (group.parent !== groupId) continue;
    const first = dag.tasks.findIndex((task) => task.group === group.id || task.group?.startsWith(`${group.id}.`));
    const localId = groupId === undefined ? group.id : group.id.slice(groupId.length + 1);
    const groupCall = call(imports.use("TaskGroup"), [
      ...keywords([
        ["group_id", literal(localId)],
        ["tooltip", optionalLiteral(group.tooltip)],
        ["default_args", defaultsDict(group.defaults, context)],
      ]),
    ]);
    const inner = blockLines(context, group.id, indent + BODY);
    entries.push({
      order: first === -1 ? Number.MAX_SAFE_INTEGER : first - 0.5,
      lines: [statement(groupCall, indent, "with ", ` as ${names.get(`group:${group.id}`)}:`), ...(inner.length ? inner : [`${indent}${BODY}pass`])],
    });
  }
  return entries.sort((a, b) => a.order - b.order).flatMap((entry) => entry.lines);
}

function dagArguments(context: EmitContext): PyArg[] {
  const { dag, imports, project } = context;
  return keywords([
    ["dag_id", literal(dag.id)],
    ["dag_display_name", optionalLiteral(dag.displayName)],
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
    ["owner_links", dag.ownerLinks && Object.keys(dag.ownerLinks).length ? literal(dag.ownerLinks) : undefined],
    ["params", dag.params && Object.keys(dag.params).length ? paramsDict(dag.params, imports) : undefined],
    ["default_args", defaultsDict(dagDefaultArgs(project, dag), context)],
    ["on_failure_callback", callback(dag.onFailure)],
    ["on_success_callback", callback(dag.onSuccess)],
    ["doc_md", dag.docs === undefined ? undefined : literal(dagDocs(dag.docs))],
  ]);
}

/**
 * An asset schedule: a list for "all of these" at the top (Airflow's plain list schedule),
 * AssetAll and AssetAny (DatasetAll and DatasetAny on Airflow 2) for nested expressions.
 */
function assetCondition(condition: AssetCondition, imports: Imports, top = false): PyExpr {
  if ("asset" in condition) return assetCall(condition.asset, imports);
  if ("all" in condition) {
    const items = condition.all.map((item) => assetCondition(item, imports));
    return top ? { kind: "list", items } : call(imports.use("AssetAll"), items);
  }
  return call(imports.use("AssetAny"), condition.any.map((item) => assetCondition(item, imports)));
}

function assetCall(asset: AssetRef, imports: Imports): PyExpr {
  return call(imports.use("Asset"), [literal(asset.uri)]);
}

/** Typed params as Airflow `Param`s with their JSON-schema keywords. */
function paramsDict(params: NonNullable<Dag["params"]>, imports: Imports): PyExpr {
  const Param = imports.use("Param");
  return {
    kind: "dict",
    entries: Object.entries(params).map(([name, spec]) => {
      const { default: value, type, description, ...schema } = spec;
      return [
        literal(name),
        call(Param, [
          ...(value === undefined ? [] : [literal(value)]),
          ...keywords([
            ["type", literal(type)],
            ["description", optionalLiteral(description)],
            ...Object.entries(schema).map(([key, item]): [string, PyExpr] => [PARAM_KEYWORDS[key] ?? key, literal(item as JsonLike)]),
          ]),
        ]),
      ];
    }),
  };
}

/** JSON-schema keywords that are not Python identifiers become keyword names Param passes on. */
const PARAM_KEYWORDS: Record<string, string> = { minLength: "minLength", maxLength: "maxLength", enum: "enum" };

/** A callback: the generated `_callback` helper imports the function only when Airflow calls it. */
function callback(target: string | undefined): PyExpr | undefined {
  return target === undefined ? undefined : call("_callback", [literal(target)]);
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
    case "assets":
      return assetCondition(schedule.condition, imports, true);
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

function defaultsDict(defaults: TaskDefaults, context: EmitContext): PyExpr | undefined {
  const entries = optionEntries(defaults, context);
  if (entries.length === 0) return undefined;
  return { kind: "dict", entries: entries.map((arg) => [literal(arg.name!), arg.value]) };
}

/** Task options and defaults as Airflow's keyword arguments, in one fixed order. */
function optionEntries(options: TaskOptions & TaskDefaults, { imports, target }: EmitContext): PyArg[] {
  const duration = (value: string | undefined) => (value === undefined ? undefined : timedelta(value, imports));
  return keywords([
    ["task_display_name", optionalLiteral(options.displayName)],
    ["owner", optionalLiteral(options.owner)],
    ["trigger_rule", optionalLiteral(options.triggerRule)],
    ["retries", optionalLiteral(options.retries)],
    ["retry_delay", duration(options.retryDelay)],
    ["retry_exponential_backoff", optionalLiteral(options.retryExponentialBackoff)],
    ["max_retry_delay", duration(options.maxRetryDelay)],
    ["execution_timeout", duration(options.executionTimeout)],
    // Airflow 3 removed SLAs; validation warns, and the option is left out there.
    ["sla", airflowMajor(target) === 2 ? duration(options.sla) : undefined],
    ["pool", optionalLiteral(options.pool)],
    ["pool_slots", optionalLiteral(options.poolSlots)],
    ["queue", optionalLiteral(options.queue)],
    ["priority_weight", optionalLiteral(options.priorityWeight)],
    ["depends_on_past", optionalLiteral(options.dependsOnPast)],
    ["email", optionalLiteral(options.email)],
    ["email_on_failure", optionalLiteral(options.emailOnFailure)],
    ["email_on_retry", optionalLiteral(options.emailOnRetry)],
    ["on_failure_callback", callback(options.onFailure)],
    ["on_success_callback", callback(options.onSuccess)],
    ["on_retry_callback", callback(options.onRetry)],
    ["on_execute_callback", callback(options.onExecute)],
    ["doc_md", optionalLiteral(options.doc)],
  ]);
}

function taskCall(context: EmitContext, task: Task): PyExpr {
  const { imports } = context;
  const [operator, specific, expand] = operatorArguments(context, task);
  const localId = task.group === undefined ? task.id : task.id.slice(task.group.length + 1);
  const callee = typeof operator === "string" ? imports.use(operator) : imports.useClass(operator.import);
  const assets = (list: AssetRef[] | undefined) => (list?.length ? ({ kind: "list", items: list.map((asset) => assetCall(asset, imports)) } as PyExpr) : undefined);
  const args = [
    ...keywords([["task_id", literal(localId)]]),
    ...specific,
    ...optionEntries(task.options, context),
    ...keywords([
      ["inlets", assets(task.inputs)],
      ["outlets", assets(task.outputs)],
    ]),
  ];
  // A mapped task: constant arguments in partial(), the mapped ones in expand().
  return expand ? method(call(`${callee}.partial`, args), "expand", expand) : call(callee, args);
}

type Operator = PythonName | { import: string };

function operatorArguments(context: EmitContext, task: Task): [Operator, PyArg[], PyArg[]?] {
  const { project, dag, imports, names } = context;
  const { config } = task;
  const lazy = (callable: string, kwargs: Record<string, JsonLike> | undefined) =>
    keywords([
      ["python_callable", code("_call")],
      ["op_kwargs", literal({ target: callable, kwargs: kwargs ?? {} })],
    ]);
  const duration = (value: string | undefined) => (value === undefined ? undefined : timedelta(value, imports));
  const sensor = (options: { mode?: string; deferrable?: boolean; pokeInterval?: string; timeout?: string; softFail?: boolean }) =>
    keywords([
      ["mode", optionalLiteral(options.mode)],
      ["deferrable", optionalLiteral(options.deferrable)],
      ["poke_interval", duration(options.pokeInterval)],
      ["timeout", duration(options.timeout)],
      ["soft_fail", optionalLiteral(options.softFail)],
    ]);
  switch (config.kind) {
    case "spark": {
      const [operator, args] = sparkOperator(dag, task, effectiveSparkJob(project.spark, dag.id, task.id, config));
      return [operator, args];
    }
    case "empty":
      return ["EmptyOperator", []];
    case "bash": {
      const mapped = config.expand;
      const commands = mapped?.command;
      const expand = keywords([
        [
          "bash_command",
          commands === undefined ? undefined : Array.isArray(commands) ? literal(commands.map(bashCommand)) : code(`${names.get(commands.output)}.output`),
        ],
        ["env", mapped?.env === undefined ? undefined : literal(mapped.env)],
      ]);
      const args = keywords([
        ["bash_command", commands === undefined ? literal(bashCommand(config.command)) : undefined],
        ["env", config.env === undefined || mapped?.env !== undefined ? undefined : literal(config.env)],
        // Without append_env, Airflow would replace the worker's whole environment with `env`.
        ["append_env", config.env === undefined && mapped?.env === undefined ? undefined : literal(true)],
        ["cwd", optionalLiteral(config.cwd)],
      ]);
      return ["BashOperator", args, expand.length ? expand : undefined];
    }
    case "python": {
      if (config.expand) {
        const instances = config.expand.kwargs.map((entry) => ({ target: config.callable, kwargs: { ...config.kwargs, ...entry } }));
        return ["PythonOperator", keywords([["python_callable", code("_call")]]), keywords([["op_kwargs", literal(instances)]])];
      }
      if (config.kwargsFromOutputs) {
        // Upstream outputs are XComArgs inside op_kwargs: Airflow resolves them when the task runs.
        const kwargs: PyExpr = {
          kind: "dict",
          entries: [
            ...Object.entries(config.kwargs ?? {}).map(([key, value]): [PyExpr, PyExpr] => [literal(key), literal(value)]),
            ...Object.entries(config.kwargsFromOutputs).map(([key, source]): [PyExpr, PyExpr] => [literal(key), code(`${names.get(source)}.output`)]),
          ],
        };
        const opKwargs: PyExpr = { kind: "dict", entries: [[literal("target"), literal(config.callable)], [literal("kwargs"), kwargs]] };
        return ["PythonOperator", [...keywords([["python_callable", code("_call")]]), { name: "op_kwargs", value: opKwargs }]];
      }
      return ["PythonOperator", lazy(config.callable, config.kwargs)];
    }
    case "branch":
      return ["BranchPythonOperator", lazy(config.callable, config.kwargs)];
    case "short_circuit":
      return [
        "ShortCircuitOperator",
        [...lazy(config.callable, config.kwargs), ...keywords([["ignore_downstream_trigger_rules", optionalLiteral(config.ignoreDownstreamTriggerRules)]])],
      ];
    case "external_task_sensor":
      return [
        "ExternalTaskSensor",
        [
          ...keywords([
            ["external_dag_id", literal(config.externalDag)],
            ["external_task_id", optionalLiteral(config.externalTask)],
            ["execution_delta", duration(config.executionDelta)],
          ]),
          ...sensor(config),
        ],
      ];
    case "file_sensor":
      return [
        "FileSensor",
        [
          ...keywords([
            ["filepath", literal(config.filepath)],
            ["fs_conn_id", optionalLiteral(config.fsConnId)],
            ["recursive", optionalLiteral(config.recursive)],
          ]),
          ...sensor(config),
        ],
      ];
    case "time_delta_sensor":
      return ["TimeDeltaSensor", [...keywords([["delta", timedelta(config.delta, imports)]]), ...sensor(config)]];
    case "date_time_sensor":
      return ["DateTimeSensor", [...keywords([["target_time", literal(config.targetTime)]]), ...sensor(config)]];
    case "trigger_dag":
      return [
        "TriggerDagRunOperator",
        keywords([
          ["trigger_dag_id", literal(config.targetDag)],
          ["conf", config.conf === undefined ? undefined : literal(config.conf)],
          ["wait_for_completion", optionalLiteral(config.waitForCompletion)],
          ["poke_interval", config.pokeInterval === undefined ? undefined : code(String(durationSeconds(config.pokeInterval)))],
        ]),
      ];
    case "pod":
      return ["KubernetesPodOperator", podArguments(config, imports)];
    case "operator":
      return [{ import: config.import }, Object.entries(config.args).map(([name, value]) => ({ name, value: literal(value) }))];
  }
}

/** A pod's arguments; resources, tolerations and secrets in the plain forms the operator accepts. */
function podArguments(config: Extract<Task["config"], { kind: "pod" }>, imports: Imports): PyArg[] {
  return keywords([
    ["image", literal(config.image)],
    ["cmds", config.cmds === undefined ? undefined : literal(config.cmds)],
    ["arguments", config.args === undefined ? undefined : literal(config.args)],
    ["env_vars", config.env === undefined ? undefined : literal(config.env)],
    [
      "secrets",
      config.secrets === undefined
        ? undefined
        : { kind: "list", items: config.secrets.map((secret) => call(imports.use("Secret"), [literal("env"), literal(secret.env), literal(secret.secret), literal(secret.key)])) },
    ],
    ["container_resources", config.resources === undefined ? undefined : literal(config.resources)],
    ["namespace", optionalLiteral(config.namespace)],
    ["node_selector", config.nodeSelector === undefined ? undefined : literal(config.nodeSelector)],
    ["tolerations", config.tolerations === undefined ? undefined : literal(config.tolerations)],
    ["service_account_name", optionalLiteral(config.serviceAccount)],
    ["kubernetes_conn_id", optionalLiteral(config.connId)],
  ]);
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

/** One line per task with upstream tasks, dependencies on groups expanded to their tasks. */
function dependencyLines(dag: Dag, names: Map<string, string>): string[] {
  const upstream = upstreamTasks(dag);
  return dag.tasks.flatMap((task) => {
    const downstream = names.get(task.id)!;
    const ups = (upstream.get(task.id) ?? []).map((id) => names.get(id)!);
    if (ups.length === 0) return [];
    if (ups.length === 1) return [`${BODY}${ups[0]} >> ${downstream}`];
    const line = `${BODY}${flat({ kind: "list", items: ups.map(code) })} >> ${downstream}`;
    // A fan-in too wide for one line reads best one edge per line.
    return line.length <= LINE_LENGTH ? [line] : ups.map((name) => `${BODY}${name} >> ${downstream}`);
  });
}

/** Setup and teardown roles, after the dependencies they refine. */
function roleLines(dag: Dag, names: Map<string, string>): string[] {
  return dag.tasks.flatMap((task) => {
    const name = names.get(task.id)!;
    const { setup, teardown } = task.options;
    const lines: string[] = [];
    if (setup) lines.push(`${BODY}${name}.as_setup()`);
    if (teardown) {
      const args = keywords([
        ["setups", { kind: "list", items: teardown.setups.map((id) => code(names.get(id)!)) }],
        ["on_failure_fail_dagrun", optionalLiteral(teardown.onFailureFailDagrun)],
      ]);
      lines.push(statement(call(`${name}.as_teardown`, args), BODY));
    }
    return lines;
  });
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
const TAKEN = new Set<string>(["dag", "datetime", "annotations", "_call", "_callback", "Dataset", "DatasetAll", "DatasetAny", ...PYTHON_NAMES]);

/** A distinct Python variable per task and per group ("group:<id>"), derived from their ids. */
function variableNames(dag: Dag): Map<string, string> {
  const used = new Set(TAKEN);
  const names = new Map<string, string>();
  const claim = (key: string, id: string, suffix: string) => {
    let base = id.replace(/[^A-Za-z0-9_]/g, "_") + suffix;
    if (/^[0-9]/.test(base) || base === "" || base === "_") base = `task_${base}`;
    if (PYTHON_KEYWORDS.has(base) || TAKEN.has(base)) base = `${base}_task`;
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
    used.add(name);
    names.set(key, name);
  };
  for (const task of dag.tasks) claim(task.id, task.id, "");
  for (const group of dag.groups) claim(`group:${group.id}`, group.id, "_group");
  return names;
}
