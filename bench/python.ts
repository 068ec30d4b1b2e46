/**
 * The Python bindings benchmark: reading the project's Python (one Python subprocess parsing
 * every module with `ast` and extracting signatures) and writing the typed bindings, against the
 * bare parse of the same files by the same Python in the same run (one subprocess that only calls
 * `ast.parse` on each), for the examples' python/ folder and for 1,000 generated modules. Each
 * figure sits beside its goal and a pass/fail column.
 *
 *   npm run bench:python -- [--modules 1000] [--runs 5]
 *
 * Writes bench/results/python.json.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { bindingFiles } from "../src/python/bindings.js";
import { findModules, inspectPython, runInspector } from "../src/python/inspect.js";
import { REPO_ROOT } from "./synthetic.js";

const { values } = parseArgs({ options: { modules: { type: "string", default: "1000" }, runs: { type: "string", default: "5" } } });
const moduleCount = Number(values.modules);
const runs = Number(values.runs);
const PYTHON = process.env.PYTHON ?? "python3";

function median(numbers: number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timed(action: () => void): number {
  const started = performance.now();
  action();
  return performance.now() - started;
}

/** A module of the generated corpus: ten functions of a few annotated parameters, a TypedDict and a dataclass. */
function pythonModule(index: number): string {
  const functions = Array.from({ length: 10 }, (_, fn) => `
def step_${fn}(run_dir: str, rows: int, rate: float = 0.5, *, labels: list[str] | None = None, options: dict[str, int] | None = None) -> Stats:
    """Step ${fn} of module ${index}: reads rows, writes a summary.

    Returns its statistics."""
    total = 0
    for row in range(rows):
        total += row * rate
    return {"rows": rows, "total": total}
`).join("\n");
  return `"""Generated module ${index}."""
from dataclasses import dataclass
from typing import TypedDict


class Stats(TypedDict):
    rows: int
    total: float


@dataclass
class Settings:
    day: str
    retries: int = 2
${functions}`;
}

function corpus(count: number): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "dagwright-bench-python-"));
  for (let index = 0; index < count; index++) {
    const dir = path.join(root, "python", `pkg_${String(Math.floor(index / 50)).padStart(3, "0")}`);
    fs.mkdirSync(dir, { recursive: true });
    if (!fs.existsSync(path.join(dir, "__init__.py"))) fs.writeFileSync(path.join(dir, "__init__.py"), "");
    fs.writeFileSync(path.join(dir, `mod_${String(index).padStart(4, "0")}.py`), pythonModule(index));
  }
  return root;
}

interface Figure {
  figure: string;
  value: string;
  goal: string;
  pass: boolean;
  measured: Record<string, number>;
}
const figures: Figure[] = [];
const report = (figure: Figure) => {
  figures.push(figure);
  console.error(`  ${figure.pass ? "pass" : "FAIL"}  ${figure.figure}: ${figure.value} (goal ${figure.goal})`);
};
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Median times of the whole bind (read, extract, generate) and of the bare parse, for one project. */
function measure(root: string): { bind: number; parse: number; modules: number; functions: number } {
  const roots = [path.join(root, "python")];
  const requests = findModules(roots);
  let functions = 0;
  const bind = median(
    Array.from({ length: runs }, () =>
      timed(() => {
        const { index, diagnostics } = inspectPython(root, { roots, interpreter: PYTHON });
        if (!index || diagnostics.length > 0) throw new Error(`bind failed: ${JSON.stringify(diagnostics)}`);
        const files = bindingFiles(index);
        functions = files.reduce((sum, file) => sum + (file.contents.match(/: pythonFunction</g)?.length ?? 0), 0);
      }),
    ),
  );
  const parse = median(
    Array.from({ length: runs }, () =>
      timed(() => {
        const ran = runInspector(PYTHON, requests, ["--parse-only"]);
        if ("problem" in ran) throw new Error(`bare parse failed: ${ran.problem}`);
      }),
    ),
  );
  return { bind, parse, modules: requests.length, functions };
}

const python = spawnSync(PYTHON, ["--version"], { encoding: "utf8" });
console.error(`${(python.stdout || python.stderr).trim()}, ${runs} runs each, medians`);

const examples = measure(REPO_ROOT);
report({
  figure: `bind the examples (${examples.modules} modules, ${examples.functions} functions)`,
  value: `${sec(examples.bind)}, ${(examples.bind / examples.parse).toFixed(2)}x bare parse (${sec(examples.parse)})`,
  goal: "< 1.00 s",
  pass: examples.bind < 1000,
  measured: examples,
});

const cli = median(
  Array.from({ length: runs }, () =>
    timed(() => {
      const run = spawnSync(process.execPath, [path.join(REPO_ROOT, "bin", "dagwright.js"), "bind", "--check"], { cwd: REPO_ROOT, encoding: "utf8" });
      if (run.status !== 0) throw new Error(`dagwright bind --check failed: ${run.stderr}`);
    }),
  ),
);
report({ figure: "dagwright bind --check on the examples (whole command)", value: sec(cli), goal: "< 1.00 s", pass: cli < 1000, measured: { cli } });

const root = corpus(moduleCount);
try {
  const generated = measure(root);
  report({
    figure: `bind ${generated.modules} generated modules (${generated.functions} functions)`,
    value: `${sec(generated.bind)}, ${(generated.bind / generated.parse).toFixed(2)}x bare parse (${sec(generated.parse)})`,
    goal: "< 10.00 s",
    pass: generated.bind < 10_000,
    measured: generated,
  });
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}

const width = Math.max(...figures.map((f) => f.figure.length));
const valueWidth = Math.max(...figures.map((f) => f.value.length));
console.log(`\n${"figure".padEnd(width)}  ${"measured".padEnd(valueWidth)}  ${"goal".padEnd(10)}  result`);
for (const f of figures) console.log(`${f.figure.padEnd(width)}  ${f.value.padEnd(valueWidth)}  ${f.goal.padEnd(10)}  ${f.pass ? "pass" : "FAIL"}`);
const results = { modules: moduleCount, runs, python: (python.stdout || python.stderr).trim(), node: process.version, cpus: os.cpus().length, figures };
fs.mkdirSync(path.join(REPO_ROOT, "bench", "results"), { recursive: true });
fs.writeFileSync(path.join(REPO_ROOT, "bench", "results", "python.json"), JSON.stringify(results, null, 2) + "\n");
console.log(`\nwrote bench/results/python.json`);
