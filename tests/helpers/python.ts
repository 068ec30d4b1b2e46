/** Running Python on generated code, to see what Python itself makes of it. */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ensureVenv } from "../airflow/venvs.mjs";

let tools: Promise<string> | undefined;

/**
 * The tools venv's bin folder (Python 3.11 with uv and ruff), built from its lock file the first
 * time a test asks for it, not when a test file is imported.
 */
export function toolsBin(): Promise<string> {
  tools ??= ensureVenv("tools");
  return tools;
}

/** Run `script` with the tools venv's Python, feeding `input` on stdin; returns stdout, throws with stderr on failure. */
export async function python(script: string, input = "", args: string[] = []): Promise<string> {
  const result = spawnSync(path.join(await toolsBin(), "python"), ["-c", script, ...args], { input, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`python failed (${result.status}):\n${result.stderr}`);
  return result.stdout;
}

/**
 * Parse Python sources with `ast` and return, for each, every call's keyword arguments whose
 * values are literals, as Python evaluated them: `{file: [{callee, keywords: {name: value}}]}`.
 */
export async function pythonCalls(files: Record<string, string>): Promise<Record<string, Array<{ callee: string; keywords: Record<string, unknown> }>>> {
  const script = `
import ast, json, sys
files = json.load(sys.stdin)
out = {}
for name, text in files.items():
    tree = ast.parse(text, filename=name)
    calls = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            keywords = {}
            for kw in node.keywords:
                try:
                    keywords[kw.arg] = ast.literal_eval(kw.value)
                except ValueError:
                    keywords[kw.arg] = {"<expr>": ast.unparse(kw.value)}
            calls.append({"callee": ast.unparse(node.func), "keywords": keywords, "line": node.lineno})
    calls.sort(key=lambda c: c["line"])
    out[name] = calls
json.dump(out, sys.stdout)
`;
  return JSON.parse(await python(script, JSON.stringify(files))) as Awaited<ReturnType<typeof pythonCalls>>;
}
