/**
 * Reading the project's Python without running it: every module under the configured source
 * roots is parsed by Python's own `ast`, all of them in one subprocess per compile
 * (templates/python/inspect_modules.py, standard library only; the user's code is never imported).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { diagnose, type Diagnostic } from "../diagnostics/index.js";
import { PythonModule, type PythonIndex } from "../ir/python.js";
import { compareText } from "../values/names.js";

/** The script that reads the modules, shipped with dagwright. */
export const INSPECT_SCRIPT = fileURLToPath(new URL("../../templates/python/inspect_modules.py", import.meta.url));

const MODULE_NAME = /^[A-Za-z_]\w*$/;

export interface PythonSources {
  /** Absolute roots, in the config's order. */
  roots: readonly string[];
  /** The interpreter: a command on PATH or an absolute path. */
  interpreter: string;
}

export interface InspectResult {
  /** Every Python file read and every folder listed, absolute, for the caches. */
  read: { files: string[]; folders: string[] };
  /** Absent when there is nothing to read or Python could not read it. */
  index?: PythonIndex;
  /** The interpreter's version, when it ran. */
  version?: string;
  diagnostics: Diagnostic[];
}

/**
 * Every module under the roots, `[dotted name, absolute file]`, sorted by name. A folder is a
 * package when its name is an identifier (namespace packages included); a name found in two
 * roots is the first root's, as on `sys.path`. Dot folders, `__pycache__` and non-identifiers are skipped.
 */
export function findModules(roots: readonly string[], folders: string[] = []): Array<[name: string, file: string]> {
  const found = new Map<string, string>();
  const walk = (dir: string, prefix: readonly string[]) => {
    folders.push(dir);
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => compareText(a.name, b.name));
    for (const entry of entries) {
      if (entry.name.startsWith(".") || entry.name === "__pycache__" || entry.name === "node_modules") continue;
      const full = path.join(dir, entry.name);
      const stats = entry.isSymbolicLink() ? safeStat(full) : entry;
      if (!stats) continue;
      if (stats.isDirectory()) {
        if (MODULE_NAME.test(entry.name)) walk(full, [...prefix, entry.name]);
      } else if (stats.isFile() && entry.name.endsWith(".py")) {
        const stem = entry.name.slice(0, -3);
        if (stem !== "__init__" && !MODULE_NAME.test(stem)) continue;
        const parts = stem === "__init__" ? prefix : [...prefix, stem];
        if (parts.length === 0) continue;
        const name = parts.join(".");
        if (!found.has(name)) found.set(name, full);
      }
    }
  };
  for (const root of roots) walk(root, []);
  return [...found.entries()].sort(([a], [b]) => compareText(a, b));
}

function safeStat(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

const relative = (root: string, file: string) => path.relative(root, file).split(path.sep).join("/");

/** Run the interpreter on the script with the module list; its parsed stdout, or why not. */
export function runInspector(interpreter: string, requests: ReadonlyArray<readonly [string, string]>, extra: readonly string[] = []): { output: unknown } | { problem: string; missing?: true } {
  const run = spawnSync(interpreter, ["-I", "-S", INSPECT_SCRIPT, ...extra], {
    input: JSON.stringify(requests),
    encoding: "utf8",
    maxBuffer: 1 << 30,
    timeout: 120_000,
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1", PYTHONIOENCODING: "utf-8" },
  });
  if (run.error) {
    const code = (run.error as NodeJS.ErrnoException).code;
    return code === "ENOENT" ? { problem: "was not found", missing: true } : { problem: `could not run (${code ?? run.error.message})` };
  }
  if (run.status !== 0) {
    const last = run.stderr.trim().split("\n").at(-1) ?? "";
    return { problem: `exited with status ${run.status}${last ? `: ${last}` : ""}` };
  }
  try {
    return { output: JSON.parse(run.stdout) };
  } catch {
    return { problem: "printed something other than the expected JSON" };
  }
}

/** Read every module of the roots in one subprocess. */
export function inspectPython(root: string, sources: PythonSources): InspectResult {
  const folders: string[] = [];
  if (sources.roots.length === 0) return { read: { files: [], folders }, diagnostics: [] };
  const requests = findModules(sources.roots, folders);
  const read = { files: requests.map(([, file]) => file), folders };
  const roots = sources.roots.map((folder) => relative(root, folder) || ".");
  if (requests.length === 0) return { read, index: { roots, modules: [] }, diagnostics: [] };
  const ran = runInspector(sources.interpreter, requests);
  if ("problem" in ran) {
    return { read, diagnostics: [diagnose("DW019", { interpreter: sources.interpreter, problem: ran.problem, ...(ran.missing ? { missing: true } : {}) })] };
  }
  const output = ran.output as { python?: string; tooOld?: boolean; modules?: unknown[] };
  if (output.tooOld) return { read, diagnostics: [diagnose("DW019", { interpreter: sources.interpreter, problem: `is Python ${output.python}; reading the project's Python needs 3.9 or newer` })] };
  const diagnostics: Diagnostic[] = [];
  const modules: PythonIndex["modules"] = [];
  (output.modules ?? []).forEach((raw, index) => {
    const [name, file] = requests[index]!;
    const found = raw as { error?: { message: string; line: number; column: number } };
    const at = relative(root, file);
    if (found.error) {
      diagnostics.push(diagnose("DW020", { file: at, problem: found.error.message }, { file: at, line: found.error.line, column: found.error.column }));
      return;
    }
    const parsed = PythonModule.safeParse({ ...(raw as object), module: name, file: at });
    if (parsed.success) modules.push(parsed.data);
    else diagnostics.push(diagnose("DW019", { interpreter: sources.interpreter, problem: `described ${at} in a shape dagwright does not know (${parsed.error.issues[0]?.message ?? "invalid"})` }));
  });
  return { read, index: { roots, modules }, ...(output.python ? { version: output.python } : {}), diagnostics };
}
