/**
 * Functions run by another interpreter (PythonVirtualenvOperator, ExternalPythonOperator and
 * their branch variants). Airflow sends that interpreter the *source* of python_callable, so
 * dagwright's lazy `_Callable` object cannot travel; instead the DAG file defines a small
 * function per task that imports "module:function" inside the other interpreter and calls it.
 * Its parameters are exactly the task's keyword arguments: Airflow passes a function only the
 * context values its signature names, so none reach the user's function uninvited.
 */
import type { ResolvedTaskOf } from "../../../ir/resolved.js";
import { code, literal, stringLiteral } from "../../python/expr.js";
import { optionalLiteral, type EmitContext } from "../context.js";
import { elsewhere, kw, type KeywordTable } from "../keywords.js";
import type { OtherInterpreterFields } from "../../../ir/kinds/python-virtualenv.js";

type OtherInterpreterTask = ResolvedTaskOf<"python_virtualenv" | "external_python">;

/** The generated function's statements: a def the task passes as python_callable, formatted as ruff format leaves it. */
export function callerLines(task: OtherInterpreterTask, context: EmitContext): string[] {
  const { callable, kwargs } = task.ir.config;
  const name = context.names.get(`call:${task.id}`)!;
  const [module, fn] = [callable.slice(0, callable.indexOf(":")), callable.slice(callable.indexOf(":") + 1)];
  const names = Object.keys(kwargs ?? {});
  const importLine = `    _module = _importlib.import_module(${stringLiteral(module)})`;
  const returnLine = `    return _module.${fn}(${names.map((argument) => `${argument}=${argument}`).join(", ")})`;
  const defLine = `def ${name}(${names.join(", ")}):`;
  return [
    ...(defLine.length + BODY_INDENT <= LINE ? [defLine] : [`def ${name}(`, ...names.map((argument) => `    ${argument},`), "):"]),
    `    """${callable}, imported where Airflow runs this function's source."""`.length + BODY_INDENT <= LINE
      ? `    """${callable}, imported where Airflow runs this function's source."""`
      : `    """The task's function, imported where Airflow runs this function's source."""`,
    "    import importlib as _importlib",
    "",
    ...(importLine.length + BODY_INDENT <= LINE ? [importLine] : ["    _module = _importlib.import_module(", `        ${stringLiteral(module)}`, "    )"]),
    ...(returnLine.length + BODY_INDENT <= LINE || names.length === 0
      ? [returnLine]
      : [`    return _module.${fn}(`, ...names.map((argument) => `        ${argument}=${argument},`), "    )"]),
    "",
  ];
}

/** The generated function sits in the DAG's `with` block, one indent in; lines stay within ruff's 88. */
const BODY_INDENT = 4;
const LINE = 88;

/** The keyword table of the fields both kinds share. */
export function otherInterpreterKeywords(): KeywordTable<OtherInterpreterTask, keyof typeof OtherInterpreterFields> {
  return {
    callable: (t, c) => [
      ...kw("python_callable", code(c.names.get(`call:${t.id}`)!)),
      ...kw("op_kwargs", t.ir.config.kwargs && Object.keys(t.ir.config.kwargs).length ? literal(t.ir.config.kwargs) : undefined),
    ],
    kwargs: elsewhere("op_kwargs, written with the callable; they are the generated function's parameters"),
    targets: elsewhere("the branch operator class, whose callable returns their ids when it runs; validation checks that they follow the branch"),
    expectAirflow: (t) => kw("expect_airflow", optionalLiteral(t.ir.config.expectAirflow)),
    skipOnExitCode: (t) => kw("skip_on_exit_code", t.ir.config.skipOnExitCode && literal(t.ir.config.skipOnExitCode)),
  };
}
