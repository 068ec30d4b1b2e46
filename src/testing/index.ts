/**
 * dagwright's test kit (`dagwright/testing`), for a team's own tests of its DAGs in vitest or
 * jest: build a plan from a module (compiled as `dagwright compile` would, with the project's
 * config) or from `dag()` values, ask it about tasks, dependencies, effective options, groups,
 * mapping and Spark jobs, snapshot the generated Python, and assert with matchers whose
 * failures say what is there instead.
 *
 * @example
 * import { expect, test } from "vitest";
 * import { dagwrightMatchers, plan } from "dagwright/testing";
 *
 * expect.extend(dagwrightMatchers);
 *
 * test("training retries and runs after the features", async () => {
 *   const training = await plan("dags-src/churn_training.ts");
 *   expect(training).toHaveNoDiagnostics();
 *   expect(training).toHaveTask("train_model", { retries: 2 });
 *   expect(training.task("train_model")).toDependOn("build_features");
 *   expect(training.python()).toMatchSnapshot();
 * });
 *
 * @packageDocumentation
 */
import fs from "node:fs";
import path from "node:path";
import { compileProject } from "../compiler.js";
import { hasErrors, type Diagnostic } from "../diagnostics/index.js";
import { dagIrOf } from "../dsl/dag.js";
import type { Dag } from "../dsl/index.js";
import { emitAirflow } from "../emit/airflow/index.js";
import { Templates } from "../emit/templates.js";
import type { ResolvedDag, ResolvedProject, ResolvedTask } from "../ir/resolved.js";
import type { AirflowTarget, Project } from "../ir/schema.js";
import { checkShape } from "../load/shape.js";
import { ruleProjectOf, ruleTaskOf } from "../policy/view.js";
import { placeFinding } from "../load/rules.js";
import type { Rule, RuleTask } from "../dsl/rules.js";
import { resolve } from "../resolve/index.js";
import { validate } from "../validate/index.js";
import { CONFIG_FILE } from "../values/names.js";
import { DAGWRIGHT_VERSION } from "../version.js";

/** How `plan` compiles. */
export interface PlanOptions {
  /** The Airflow to compile for: the config's for a module, else this (default "3.3"). @example "2.10" */
  airflow?: AirflowTarget;
  /** Type-check the project when planning a module (default false: the editor and `compile` do that). @example true */
  typecheck?: boolean;
}

/**
 * One task as Airflow will get it: what a team rule sees of it (its options after every
 * default, where it is defined, its lineage), with the Spark job alone and walks of its graph.
 */
export interface TaskPlan extends Omit<RuleTask, "options" | "spark"> {
  /** Every option in force, after the project's, folder's, DAG's and groups' defaults. */
  readonly options: Readonly<Record<string, unknown>>;
  /** A Spark task's effective job: resources and conf after profiles and defaults. */
  readonly spark?: unknown;
  /** The tasks upstream of it, at any distance. */
  upstreamAll(): string[];
  /** The tasks downstream of it, at any distance. */
  downstreamAll(): string[];
}

/** One DAG, planned. */
export interface DagPlan {
  /** The DAG's id. */
  readonly id: string;
  /** Its tasks, in declaration order. */
  readonly tasks: readonly TaskPlan[];
  /** The task by id; throws, naming the DAG's tasks, when there is none. */
  task(id: string): TaskPlan;
  /** Whether the DAG has a task of this id. */
  hasTask(id: string): boolean;
  /** "upstream -> downstream" of every dependency. */
  readonly edges: readonly string[];
  /** The ids of its task groups, nested ones prefixed. */
  readonly groups: readonly string[];
  /** The generated Airflow DAG file, exactly as compile writes it. */
  python(): string;
  /** The resolved DAG, for what the plan does not ask about. */
  readonly resolved: ResolvedDag;
}

/** What a set of DAGs compiles to, without Airflow and without writing anything. */
export interface Plan {
  /** Every DAG planned, in the project's order. */
  readonly dags: readonly DagPlan[];
  /** Every diagnostic, errors and warnings, with its code and location. */
  readonly diagnostics: readonly Diagnostic[];
  /** The DAG by id, or without an id the only one; throws, naming the DAGs, otherwise. */
  dag(id?: string): DagPlan;
  /** The task of the only DAG (or `dagId.taskId`). */
  task(id: string): TaskPlan;
  /** The only DAG's (or the named DAG's) generated Airflow file. */
  python(dagId?: string): string;
  /**
   * What a team rule reports on the plan's DAGs, as compile places it (before the config's
   * severities and the tasks' suppressions), to test a rule on DAGs made for the test.
   * @example expect(plan.check(ownedAndTagged)).toEqual([{ code: "ACME001", dag: "etl", message: 'DAG "etl" has no owner' }])
   */
  check(rule: Rule): RuleCheckFinding[];
}

/** One finding of a rule the test kit ran: its code, the DAG (and task) it is about, and what it says. */
export interface RuleCheckFinding {
  /** The rule's code. */
  readonly code: string;
  /** The DAG the finding is about. */
  readonly dag: string;
  /** The task it is about, when it is about one. */
  readonly task?: string;
  /** The option it names, as a dotted path. */
  readonly option?: string;
  /** What the rule says. */
  readonly message: string;
  /** The finding's own hint, when it gives one. */
  readonly hint?: string;
}

class PlanError extends Error {}

function taskPlan(dag: ResolvedDag, task: ResolvedTask): TaskPlan {
  const walk = (start: string, next: (task: ResolvedTask) => readonly string[]) => {
    const seen = new Set<string>();
    const queue = [...next(dag.task(start)!)];
    while (queue.length) {
      const id = queue.shift()!;
      if (seen.has(id)) continue;
      seen.add(id);
      queue.push(...next(dag.task(id)!));
    }
    return [...seen];
  };
  // The same reading of a task team rules get, with the job alone for a Spark task.
  const { spark: _spark, ...view } = ruleTaskOf(dag, task);
  return {
    ...view,
    ...(task.spark ? { spark: task.spark.job } : {}),
    upstreamAll: () => walk(task.id, (current) => current.upstream),
    downstreamAll: () => walk(task.id, (current) => current.downstream),
  };
}

function makePlan(project: ResolvedProject | undefined, diagnostics: Diagnostic[], only?: (dag: ResolvedDag) => boolean, srcDir = "dags-src"): Plan {
  const templates = new Templates();
  const dags: DagPlan[] = (project?.dags ?? []).filter((dag) => !only || only(dag)).map((dag) => {
    const tasks = dag.tasks.map((task) => taskPlan(dag, task));
    const byId = new Map(tasks.map((task) => [task.id, task]));
    return {
      id: dag.id,
      tasks,
      resolved: dag,
      edges: dag.edges.map((edge) => `${edge.from} -> ${edge.to}`),
      groups: dag.groups.map((group) => group.id),
      hasTask: (id) => byId.has(id),
      task: (id) => {
        const task = byId.get(id);
        if (!task) throw new PlanError(`DAG "${dag.id}" has no task "${id}"; its tasks are ${tasks.map((each) => each.id).join(", ") || "none"}`);
        return task;
      },
      python: () => emitAirflow({ ...project!, dags: [dag] }, { templates, dagwrightVersion: DAGWRIGHT_VERSION })[0]!.contents,
    };
  });
  const dag = (id?: string): DagPlan => {
    if (id === undefined) {
      if (dags.length === 1) return dags[0]!;
      throw new PlanError(`the plan has ${dags.length} DAGs (${dags.map((each) => each.id).join(", ") || "none"}): name one`);
    }
    const found = dags.find((each) => each.id === id);
    if (!found) throw new PlanError(`the plan has no DAG "${id}"; its DAGs are ${dags.map((each) => each.id).join(", ") || "none"}`);
    return found;
  };
  return {
    dags,
    diagnostics,
    dag,
    task: (id) => {
      const dot = dags.length === 1 ? -1 : id.indexOf(".");
      return dot === -1 ? dag().task(id) : dag(id.slice(0, dot)).task(id.slice(dot + 1));
    },
    python: (dagId) => dag(dagId).python(),
    check: (rule) => {
      if (!project) return [];
      const view = ruleProjectOf({ ...project, dags: dags.map((each) => each.resolved) }, srcDir);
      const found: RuleCheckFinding[] = [];
      rule.check(view, (finding) => {
        const placed = placeFinding(finding, view);
        if (typeof placed === "string") throw new PlanError(`rule ${rule.code} reported a finding dagwright cannot place: ${placed}`);
        found.push({ code: rule.code, ...placed, ...(typeof finding.hint === "string" ? { hint: finding.hint } : {}) });
      });
      return found;
    },
  };
}

/** The nearest folder from `file` upward holding dagwright.config.ts. */
function projectOf(file: string): string | undefined {
  for (let folder = path.dirname(path.resolve(file)); ; folder = path.dirname(folder)) {
    if (fs.existsSync(path.join(folder, CONFIG_FILE))) return folder;
    if (path.dirname(folder) === folder) return undefined;
  }
}

/**
 * Plan DAGs: `dag()` values (one, or a list), checked and resolved here with no project
 * defaults; or a path, to a project folder or to one DAG module, compiled with its project's
 * config exactly as `dagwright compile` compiles it (a module's plan holds its DAGs only).
 */
export async function plan(target: Dag | readonly Dag[] | string, options: PlanOptions = {}): Promise<Plan> {
  if (typeof target === "string") {
    const file = path.resolve(target);
    const isModule = fs.existsSync(file) && fs.statSync(file).isFile();
    const root = isModule ? projectOf(file) : file;
    if (!root) throw new PlanError(`no ${CONFIG_FILE} in the folders above ${target}`);
    const result = await compileProject(root, { emit: false, skipTypecheck: options.typecheck !== true, ...(options.airflow ? { airflow: options.airflow } : {}) });
    const relative = path.relative(root, file).split(path.sep).join("/");
    const srcDir = result.config ? path.relative(root, result.config.srcDir).split(path.sep).join("/") : undefined;
    return makePlan(result.resolved, result.diagnostics, isModule ? (dag) => dag.ir.location.file === relative : undefined, srcDir);
  }
  const values = Array.isArray(target) ? target : [target];
  const dags = values.map((value) => {
    const ir = dagIrOf(value);
    if (!ir) throw new PlanError("plan() takes what dag() returned, a list of them, or a path to a module or project");
    return ir;
  });
  const shape = checkShape(dags);
  if (hasErrors(shape)) return makePlan(undefined, shape);
  const project: Project = { airflow: options.airflow ?? "3.3", dags };
  const resolved = resolve(project);
  return makePlan(resolved, validate(resolved));
}

// ---- matchers ---------------------------------------------------------------------------

interface MatcherContext {
  /** Whether the assertion was negated with `.not`. */
  isNot: boolean;
}

/** What a matcher tells the test runner. */
type MatcherResult = {
  /** Whether the assertion holds. */
  pass: boolean;
  /** Why not (or, negated, why it does), for the failure report. */
  message: () => string;
};

const show = (value: unknown) => JSON.stringify(value);

function isPlan(value: unknown): value is Plan {
  return typeof value === "object" && value !== null && "dags" in value && "diagnostics" in value;
}

function describeDiagnostic(d: Diagnostic): string {
  return `${d.location ? `${d.location.file}:${d.location.line}:${d.location.column} ` : ""}${d.severity} ${d.code}: ${d.message}`;
}

/**
 * Matchers for `expect.extend(dagwrightMatchers)`, in vitest and jest alike. With TypeScript,
 * declare them once: `declare module "vitest" { interface Assertion<T> extends DagwrightMatchers<T> {} }`.
 */
export const dagwrightMatchers = {
  /** The plan (its only DAG) or the DAG has task `id`, and each option or setting in `expected` has that value. */
  toHaveTask(this: MatcherContext, received: Plan | DagPlan, id: string, expected: Record<string, unknown> = {}): MatcherResult {
    const dag = isPlan(received) ? received.dag() : received;
    if (!dag.hasTask(id)) {
      return { pass: false, message: () => `expected DAG "${dag.id}" to have task "${id}", but it has none; its tasks are ${dag.tasks.map((task) => task.id).join(", ") || "none"}` };
    }
    const task = dag.task(id);
    const actual: Record<string, unknown> = { kind: task.kind, ...task.config, ...task.options };
    const wrong = Object.entries(expected).filter(([key, value]) => show(actual[key]) !== show(value));
    return {
      pass: wrong.length === 0,
      message: () =>
        this.isNot
          ? `expected DAG "${dag.id}" not to have task "${id}" with ${show(expected)}, but it does`
          : `expected task "${id}" of DAG "${dag.id}" to have ${wrong.map(([key, value]) => `${key} ${show(value)}`).join(", ")}, but ${wrong
              .map(([key]) => (actual[key] === undefined ? `${key} is not set` : `its ${key} is ${show(actual[key])}${task.optionSources[key] ? ` (from ${task.optionSources[key]})` : ""}`))
              .join(", ")}`,
    };
  },

  /** The task runs after `upstream`: directly, or with `{ transitive: true }` at any distance. */
  toDependOn(this: MatcherContext, received: TaskPlan, upstream: string, options: DependOnOptions = {}): MatcherResult {
    const upstreams = options.transitive ? received.upstreamAll() : received.upstream;
    const pass = upstreams.includes(upstream);
    return {
      pass,
      message: () =>
        pass
          ? `expected task "${received.id}" not to depend on "${upstream}", but it does`
          : `expected task "${received.id}" of DAG "${received.dagId}" to depend on "${upstream}"${options.transitive ? " (at any distance)" : ""}, but it runs after ${upstreams.length ? upstreams.map((id) => `"${id}"`).join(", ") : "nothing"}`,
    };
  },

  /** The plan has no diagnostic at all (with `{ warnings: false }`, no error). */
  toHaveNoDiagnostics(this: MatcherContext, received: Plan, options: NoDiagnosticsOptions = {}): MatcherResult {
    const found = received.diagnostics.filter((d) => options.warnings !== false || d.severity === "error");
    return {
      pass: found.length === 0,
      message: () => (found.length ? `expected no diagnostics, but found ${found.length}:\n${found.map((d) => `  ${describeDiagnostic(d)}`).join("\n")}` : "expected diagnostics, but found none"),
    };
  },
};

/** The matchers' types, for `declare module "vitest" { interface Assertion<T> extends DagwrightMatchers<T> {} }` (or jest's `Matchers<R>`). */
export interface DagwrightMatchers<R = unknown> {
  /** The plan (its only DAG) or the DAG has task `id`, and each option or setting in `expected` has that value. @example expect(plan).toHaveTask("train", { retries: 2 }) */
  toHaveTask(id: string, expected?: Record<string, unknown>): R;
  /** The task runs after `upstream`: directly, or with `{ transitive: true }` at any distance. @example expect(plan.task("train")).toDependOn("extract", { transitive: true }) */
  toDependOn(upstream: string, options?: DependOnOptions): R;
  /** The plan has no diagnostic at all (with `{ warnings: false }`, no error). @example expect(plan).toHaveNoDiagnostics({ warnings: false }) */
  toHaveNoDiagnostics(options?: NoDiagnosticsOptions): R;
}

/** How `toDependOn` looks. */
export interface DependOnOptions {
  /** Accept `upstream` at any distance, not only right before. @default false @example true */
  transitive?: boolean;
}

/** What `toHaveNoDiagnostics` counts. */
export interface NoDiagnosticsOptions {
  /** Count warnings too; `false` accepts warnings and fails only on errors. @default true @example false */
  warnings?: boolean;
}
