/**
 * The Airflow back end: one DAG file per DAG, for the configured Airflow version. Where
 * Airflow 2 and 3 would read the same arguments differently, the file spells out what the
 * author meant, so one source means the same on both lines.
 */
import { capabilitiesOf } from "../../capabilities/index.js";
import type { RunTimeValue } from "../../ir/common.js";
import type { TaskKind } from "../../ir/kinds/index.js";
import type { ResolvedDag, ResolvedGroup, ResolvedProject, ResolvedTask, ResolvedTaskOf } from "../../ir/resolved.js";
import type { TaskDefaults, TaskOptions } from "../../ir/schema.js";
import { fileSegment, type OutputFile } from "../files.js";
import { call, code, keywords, literal, method, stringLiteral, type PyArg, type PyExpr } from "../python/expr.js";
import { LINE_LENGTH, flat, statement } from "../python/layout.js";
import type { Templates } from "../templates.js";
import { optionalLiteral, type EmitContext } from "./context.js";
import { Imports } from "./imports.js";
import { emitFields, type KeywordTable } from "./keywords.js";
import { variableNames } from "./names.js";
import { mappedSource } from "./operators/lazy-call.js";
import { OPERATORS, type Helper, type OperatorEmitter } from "./operators/index.js";
import { DAG_FIELDS, defaultsDict, TASK_FIELDS } from "./options.js";

export interface AirflowEmitOptions {
  templates: Templates;
  dagwrightVersion: string;
}

const BODY = "    ";

export function airflowPath(dagId: string): string {
  return `airflow/${fileSegment(dagId)}.py`;
}

export function emitAirflow(project: ResolvedProject, options: AirflowEmitOptions): OutputFile[] {
  return project.dags.map((dag) => airflowFile(project, dag, options));
}

/** One DAG's file. It reads the DAG, the target (`project.airflow`), the templates and dagwright's version: nothing else of the project. */
export function airflowFile(project: ResolvedProject, dag: ResolvedDag, options: AirflowEmitOptions): OutputFile {
  return { path: airflowPath(dag.id), contents: dagFile(project, dag, options) };
}

function dagFile(project: ResolvedProject, dag: ResolvedDag, { templates, dagwrightVersion }: AirflowEmitOptions): string {
  const capabilities = capabilitiesOf(project.airflow);
  const imports = new Imports(capabilities);
  const context: EmitContext = { project, dag, capabilities, imports, names: variableNames(dag.ir) };
  const dagCall = call(imports.use("DAG"), emitFields(DAG_FIELDS, dag, context));
  const body = blockLines(context, undefined, BODY);
  // Before the imports are rendered: labelled edges import Label.
  const dependencies = [...dependencyLines(context), ...roleLines(context)];
  const helpers: Helper[] = [
    ...new Set(
      dag.tasks.flatMap((task) => {
        const own = emitterOf(task).helpers ?? [];
        return typeof own === "function" ? own(task as ResolvedTaskOf<TaskKind>) : own;
      }),
    ),
  ];
  return templates.get("airflow/dag.py.hbs")({
    dagwrightVersion,
    source: dag.ir.location.file,
    dagId: dag.id,
    airflow: project.airflow,
    importGroups: imports.lines(),
    helpers: [
      ...helpers.map((helper) => templates.get(`airflow/${helper}.py.hbs`)({ airflow: project.airflow, runner: capabilities.callableRunner, nativeAsync: capabilities.asyncCallables }).trimEnd()),
      ...(usesCallbacks(dag) ? [templates.get("airflow/callback.py.hbs")({}).trimEnd()] : []),
    ],
    dagStatement: statement(dagCall, "", "with ", " as dag:"),
    tasks: body,
    dependencies,
  });
}

function emitterOf(task: ResolvedTask): OperatorEmitter<TaskKind> {
  return OPERATORS[task.ir.config.kind] as OperatorEmitter<TaskKind>;
}

function usesCallbacks(dag: ResolvedDag): boolean {
  const callbacks = (options: TaskOptions | TaskDefaults) => [options.onFailure, options.onSuccess, options.onRetry, options.onExecute, options.preExecute, options.postExecute].some(Boolean);
  const { ir } = dag;
  return ir.onFailure !== undefined || ir.onSuccess !== undefined || callbacks(dag.defaultArgs) || ir.groups.some((g) => callbacks(g.defaults)) || ir.tasks.some((t) => callbacks(t.options));
}

/**
 * The statements of one block: the tasks and groups directly in `groupId` (the DAG's top level
 * when undefined), in the order they were declared; a group becomes a nested `with` block.
 */
function blockLines(context: EmitContext, groupId: string | undefined, indent: string, inFunction?: ReadonlySet<string>): string[] {
  const { dag, imports, names } = context;
  const entries: Array<{ order: number; lines: string[] }> = [];
  for (const [index, task] of dag.tasks.entries()) {
    if (task.ir.group !== groupId) continue;
    const prelude = emitterOf(task).prelude?.(task as ResolvedTaskOf<TaskKind>, context) ?? [];
    // Inside a mapped group's function a task is named only when another task there reads its output.
    const assign = !inFunction || inFunction.has(task.id) ? `${names.get(task.id)} = ` : "";
    entries.push({ order: index, lines: [...prelude.map((line) => (line ? indent + line : line)), statement(taskCall(context, task), indent, assign)] });
  }
  for (const group of dag.groups) {
    if (group.ir.parent !== groupId) continue;
    const first = group.members.length ? dag.tasks.findIndex((task) => task.id === group.members[0]) : -1;
    const groupArgs = keywords([
      ["group_id", literal(group.localId)],
      ["tooltip", optionalLiteral(group.ir.tooltip)],
      ["default_args", defaultsDict(group.ir.defaults, context)],
    ]);
    const inner = blockLines(context, group.id, indent + BODY, group.ir.expand ? readInside(dag, group) : inFunction);
    const body = inner.length ? inner : [`${indent}${BODY}pass`];
    const name = names.get(`group:${group.id}`)!;
    entries.push({
      order: first === -1 ? Number.MAX_SAFE_INTEGER : first - 0.5,
      lines: group.ir.expand
        ? mappedGroupLines(context, group, groupArgs, body, indent)
        : [statement(call(imports.use("TaskGroup"), groupArgs), indent, "with ", ` as ${name}:`), ...body],
    });
  }
  // A function definition gets a blank line before it, first in its block too, as ruff format writes it.
  return entries.sort((a, b) => a.order - b.order).flatMap((entry) => (/^\s*(def |@)/.test(entry.lines[0] ?? "") ? ["", ...entry.lines] : entry.lines));
}

/** The tasks of a mapped group whose outputs other tasks of the group read. */
function readInside(dag: ResolvedDag, group: ResolvedGroup): Set<string> {
  const members = new Set(group.members);
  return new Set(
    dag.tasks
      .filter((task) => members.has(task.id))
      .flatMap((task) => Object.values((task.ir.config as { kwargsAtRunTime?: Record<string, RunTimeValue> }).kwargsAtRunTime ?? {}))
      .flatMap((value) => ("output" in value && members.has(value.output) ? [value.output] : [])),
  );
}

/**
 * A mapped group as Airflow has it: a @task_group function whose parameters are the group's
 * arguments, expanded over their values; its tasks are then taken from the DAG by id, so the
 * dependency lines name them as they name every other task.
 */
function mappedGroupLines(context: EmitContext, group: ResolvedGroup, groupArgs: PyArg[], body: string[], indent: string): string[] {
  const { imports, names, dag } = context;
  const name = names.get(`group:${group.id}`)!;
  const expand = Object.entries(group.ir.expand!);
  const tasks = dag.tasks.filter((task) => group.members.includes(task.id));
  return [
    statement(call(imports.use("task_group"), groupArgs), indent, "@"),
    `${indent}def ${name}(${expand.map(([argument]) => argument).join(", ")}):`,
    ...body,
    "",
    statement(call(`${name}.expand`, expand.map(([argument, source]) => ({ name: argument, value: mappedSource(source, context) }))), indent),
    ...tasks.map((task) => `${indent}${names.get(task.id)} = dag.get_task(${stringLiteral(task.id)})`),
  ];
}

/** One task's statement: its operator called with its own fields, its kind's fields and its options. */
function taskCall(context: EmitContext, task: ResolvedTask): PyExpr {
  const emitter = emitterOf(task);
  const operator = emitter.operator(task as ResolvedTaskOf<TaskKind>, context);
  const callee = typeof operator === "string" ? context.imports.use(operator) : context.imports.useClass(operator.import);
  const kindArgs = emitFields(emitter.fields as KeywordTable<ResolvedTask, PropertyKey>, task, context);
  const fields = { ...TASK_FIELDS, config: () => kindArgs.filter((arg) => !arg.mapped) };
  const args: PyArg[] = emitFields(fields, task, context);
  const mapped = kindArgs.filter((arg) => arg.mapped).map(({ name, value }) => ({ name, value }));
  // A mapped task: constant arguments in partial(), the mapped ones in expand().
  return mapped.length ? method(call(`${callee}.partial`, args), "expand", mapped) : call(callee, args);
}

/**
 * One line per task with upstream tasks, dependencies on groups expanded to their tasks; a
 * labelled edge gets a line of its own, `a >> Label("yes") >> b`.
 */
function dependencyLines({ dag, names, imports }: EmitContext): string[] {
  const labels = new Map(dag.edges.filter((edge) => edge.label !== undefined).map((edge) => [`${edge.from}\u0000${edge.to}`, edge.label!]));
  return dag.tasks.flatMap((task) => {
    const downstream = names.get(task.id)!;
    const labelled = task.upstream.filter((id) => labels.has(`${id}\u0000${task.id}`));
    const labelLines = labelled.map((id) => statement(code(`${names.get(id)!} >> ${imports.use("Label")}(${stringLiteral(labels.get(`${id}\u0000${task.id}`)!)}) >> ${downstream}`), BODY));
    const ups = task.upstream.filter((id) => !labelled.includes(id)).map((id) => names.get(id)!);
    if (ups.length === 0) return labelLines;
    return [...plainDependencyLines(ups, downstream), ...labelLines];
  });
}

function plainDependencyLines(ups: string[], downstream: string): string[] {
  if (ups.length === 1) return [`${BODY}${ups[0]} >> ${downstream}`];
  const line = `${BODY}${flat({ kind: "list", items: ups.map(code) })} >> ${downstream}`;
  // A fan-in too wide for one line reads best one edge per line.
  return line.length <= LINE_LENGTH ? [line] : ups.map((name) => `${BODY}${name} >> ${downstream}`);
}

/** Setup and teardown roles, after the dependencies they refine. */
function roleLines({ dag, names }: EmitContext): string[] {
  return dag.tasks.flatMap((task) => {
    const name = names.get(task.id)!;
    const { setup, teardown } = task.ir.options;
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
