/**
 * DW306-DW308, DW414: what tasks name of the project's own Python and files. A callable or a
 * callback in a module under the Python roots must be a function that exists there, and take
 * the task's keyword arguments; a Spark job's local files must exist. Modules outside the roots
 * (third-party packages) are not the project's and are not checked.
 */
import { diagnose, optionAt, signatureOf, writtenAt, type Diagnostic, type Subject } from "../diagnostics/index.js";
import type { Location } from "../ir/schema.js";
import type { PythonFunction, PythonIndex, PythonModule } from "../ir/python.js";
import type { ResolvedProject, ResolvedTask } from "../ir/resolved.js";
import { AIRFLOW_CONTEXT_KEYS } from "../ir/airflow-context.js";
import { PYTHON_CALLABLE } from "../values/names.js";
import { DAG_CALLBACKS, TASK_CALLBACKS } from "./callables.js";
import { about } from "./context.js";
import { closest } from "./suggest.js";

const CONTEXT: ReadonlySet<string> = new Set<string>(AIRFLOW_CONTEXT_KEYS);

/** What a callable names in the project's Python: a function, or why it cannot be checked or found. */
type Found =
  | { function: PythonFunction; module: PythonModule }
  | { notFunction: "class" | "variable"; module: PythonModule; line?: number }
  | { missing: "module" | "function"; suggestion?: string; file?: string; line?: number }
  | undefined;

class Lookup {
  readonly #modules: Map<string, PythonModule>;
  readonly #tops: Set<string>;
  readonly #all: string[];
  constructor(readonly index: PythonIndex) {
    this.#modules = new Map(index.modules.map((module) => [module.module, module]));
    this.#tops = new Set(index.modules.map((module) => module.module.split(".")[0]!));
    this.#all = index.modules.flatMap((module) => module.functions.map((fn) => `${module.module}:${fn.name}`));
  }

  find(callable: string): Found {
    if (!PYTHON_CALLABLE.test(callable)) return undefined; // DW304's
    const [name, fn] = callable.split(":") as [string, string];
    if (!this.#tops.has(name.split(".")[0]!)) return undefined; // not the project's
    const module = this.#modules.get(name);
    if (!module) {
      const near = closest(name, this.#modules.keys(), 3);
      const suggestion = near && this.#modules.get(near)!.functions.some((item) => item.name === fn) ? `${near}:${fn}` : undefined;
      return { missing: "module", ...this.#at(suggestion) };
    }
    const defined = module.functions.find((item) => item.name === fn);
    if (defined) return { function: defined, module };
    const bound = module.names[fn];
    if (bound === "import" || (bound === undefined && module.starImport)) return undefined; // defined elsewhere: not followed
    if (bound === "class" || bound === "variable") return { notFunction: bound, module, ...(bound === "class" ? { line: module.classes.find((cls) => cls.name === fn)?.line } : {}) };
    const sameModule = closest(fn, module.functions.map((item) => item.name), 3);
    const elsewhere = this.#all.find((item) => item.endsWith(`:${fn}`));
    const suggestion = sameModule ? `${name}:${sameModule}` : (elsewhere ?? closest(callable, this.#all, 3));
    return { missing: "function", ...this.#at(suggestion), ...(suggestion ? {} : { file: module.file }) };
  }

  /** A suggestion with where it is defined. */
  #at(suggestion: string | undefined): { suggestion?: string; file?: string; line?: number } {
    if (!suggestion) return {};
    const [name, fn] = suggestion.split(":") as [string, string];
    const module = this.#modules.get(name)!;
    return { suggestion, file: module.file, line: module.functions.find((item) => item.name === fn)!.line };
  }
}

export function checkPythonCode(project: ResolvedProject): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const index = project.ir.python;
  const lookup = index ? new Lookup(index) : undefined;
  const roots = index ? index.roots.map((root) => `${root}/`).join(", ") : undefined;
  const refer = (where: Subject, callable: string, location: Location, callback?: string): Found => {
    const found = lookup?.find(callable);
    if (found && "missing" in found) {
      diagnostics.push(diagnose("DW306", { where, callable, ...(callback ? { callback } : {}), missing: found.missing, ...pick(found), ...(roots ? { at: roots } : {}) }, location));
    } else if (found && "notFunction" in found && (callback !== undefined || found.notFunction === "variable")) {
      diagnostics.push(diagnose("DW308", { where, callable, ...(callback ? { callback } : {}), binding: found.notFunction, file: found.module.file, ...(found.line === undefined ? {} : { line: found.line }) }, location));
    }
    return found;
  };
  for (const dag of project.dags) {
    const here = { dag: dag.id };
    for (const name of DAG_CALLBACKS) {
      const value = dag.ir[name];
      if (value !== undefined) checkCallback(refer(here, value, writtenAt(dag.ir.location, value, name), name), here, value, name, writtenAt(dag.ir.location, value, name), diagnostics);
    }
    for (const task of dag.tasks) {
      const where = about(task);
      for (const name of TASK_CALLBACKS) {
        const value = task.effective[name];
        if (value === undefined) continue;
        const location = writtenAt(task.ir.location, value, name);
        checkCallback(refer(where, value, location, name), where, value, name, location, diagnostics);
      }
      const config = task.ir.config;
      if (config.kind === "python" || config.kind === "branch" || config.kind === "short_circuit" || config.kind === "python_sensor") {
        const found = refer(where, config.callable, optionAt(task.ir.location, "callable"));
        if (found && "function" in found) diagnostics.push(...checkKwargs(task, found.function, found.module));
      }
      if (task.spark) diagnostics.push(...checkSparkPaths(task, project.ir.localPaths ?? {}));
    }
  }
  return diagnostics;
}

function pick(found: { suggestion?: string; file?: string; line?: number }): { suggestion?: string; file?: string; line?: number } {
  return { ...(found.suggestion ? { suggestion: found.suggestion } : {}), ...(found.file ? { file: found.file } : {}), ...(found.line ? { line: found.line } : {}) };
}

/** A callback is called with the context (and post_execute with the result too), positionally. */
function checkCallback(found: Found, where: Subject, callable: string, callback: string, location: Location, diagnostics: Diagnostic[]): void {
  if (!found || !("function" in found)) return;
  const fn = found.function;
  const needs = callback === "postExecute" ? 2 : 1;
  const positional = fn.parameters.filter((parameter) => parameter.kind === "positional" || parameter.kind === "positional-only").length;
  if (positional >= needs || fn.parameters.some((parameter) => parameter.kind === "var-positional")) return;
  diagnostics.push(diagnose("DW308", { where, callable, callback, binding: "function", file: found.module.file, line: fn.line, needs }, location));
}

/** The task's keyword arguments against the function's parameters. */
function checkKwargs(task: ResolvedTask, fn: PythonFunction, module: PythonModule): Diagnostic[] {
  const config = task.ir.config as { callable: string; kwargs?: Record<string, unknown>; kwargsAtRunTime?: Record<string, unknown>; args?: unknown[]; expand?: { arguments?: Record<string, unknown>; kwargs?: Array<Record<string, unknown>>; kwargsFrom?: unknown } };
  const given = [
    ...Object.keys(config.kwargs ?? {}),
    ...Object.keys(config.kwargsAtRunTime ?? {}),
    ...Object.keys(config.expand?.arguments ?? {}),
    ...[...new Set((config.expand?.kwargs ?? []).flatMap(Object.keys))],
  ];
  const byName = new Map(fn.parameters.map((parameter) => [parameter.name, parameter]));
  const anyKeyword = fn.parameters.some((parameter) => parameter.kind === "var-keyword");
  const signature = signatureOf(fn);
  const base = { ...about(task), callable: config.callable, signature, file: module.file, line: fn.line };
  const diagnostics: Diagnostic[] = [];
  for (const name of given) {
    const parameter = byName.get(name);
    if (parameter && (parameter.kind === "positional" || parameter.kind === "keyword-only")) continue;
    if (!parameter && anyKeyword) continue;
    if (parameter?.kind === "var-keyword" || parameter?.kind === "var-positional") {
      if (anyKeyword) continue;
    }
    const names = fn.parameters.filter((item) => item.kind === "positional" || item.kind === "keyword-only").map((item) => item.name);
    const suggestion = closest(name, names, 2);
    diagnostics.push(diagnose("DW307", { where: about(task), ...base, unknown: name, ...(suggestion && !given.includes(suggestion) ? { suggestion } : {}) }, optionAt(task.ir.location, config.kwargs && name in config.kwargs ? "kwargs" : "expand", ...(config.kwargs && name in config.kwargs ? [name] : []))));
  }
  // Mapped over sets of arguments known only when the task runs: which are given is not known.
  if (config.expand?.kwargsFrom !== undefined) return diagnostics;
  const positional = config.args?.length ?? 0;
  let seen = 0;
  const missing = fn.parameters.filter((parameter) => {
    const byPosition = parameter.kind === "positional" || parameter.kind === "positional-only";
    if (byPosition && seen++ < positional) return false;
    if (parameter.default !== undefined || parameter.kind === "var-positional" || parameter.kind === "var-keyword") return false;
    // A positional-only parameter cannot be given by keyword (that keyword is reported above).
    return (parameter.kind === "positional-only" || !given.includes(parameter.name)) && !CONTEXT.has(parameter.name);
  });
  if (missing.length > 0) {
    const at = config.kwargs !== undefined ? optionAt(task.ir.location, "kwargs") : optionAt(task.ir.location, "callable");
    diagnostics.push(diagnose("DW307", { where: about(task), ...base, missing: missing.map((parameter) => parameter.name) }, at));
  }
  return diagnostics;
}

/** The job's local files that do not exist in the project (DW414). */
function checkSparkPaths(task: ResolvedTask, exists: Readonly<Record<string, boolean>>): Diagnostic[] {
  const job = task.spark!.job;
  const own = task.ir.config.kind === "spark" ? task.ir.config.settings : undefined;
  const diagnostics: Diagnostic[] = [];
  if (exists[job.application] === false) diagnostics.push(diagnose("DW414", { ...about(task), field: "application", path: job.application }, optionAt(task.ir.location, "application")));
  for (const field of ["pyFiles", "files"] as const) {
    for (const item of job[field]) {
      if (exists[item] !== false) continue;
      const at = own?.[field]?.indexOf(item) ?? -1;
      diagnostics.push(diagnose("DW414", { ...about(task), field, path: item }, at >= 0 ? writtenAt(task.ir.location, item, field, at) : task.ir.location));
    }
  }
  return diagnostics;
}
