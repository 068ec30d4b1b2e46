/** Which function of the project's Python a task calls, once per task (for the manifest and lineage). */
import type { PythonIndex, PythonSource } from "../ir/python.js";
import type { Task } from "../ir/schema.js";
import { PYTHON_CALLABLE } from "../values/names.js";

/** The function a task's callable names, when it is one of the project's that dagwright read. */
export function pythonSource(index: PythonIndex | undefined, task: Task): PythonSource | undefined {
  const callable = (task.config as { callable?: unknown }).callable;
  if (!index || typeof callable !== "string" || !PYTHON_CALLABLE.test(callable)) return undefined;
  const [name, fn] = callable.split(":") as [string, string];
  const module = index.modules.find((candidate) => candidate.module === name);
  const found = module?.functions.find((candidate) => candidate.name === fn);
  return module && found ? { module: name, function: fn, file: module.file, line: found.line, sha256: found.sha256 } : undefined;
}
