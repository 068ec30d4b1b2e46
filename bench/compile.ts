/**
 * The compile benchmark: the inner loop's figures on a synthetic project, each beside its goal
 * and a pass/fail column. Times are compared with baselines measured in the same run on the
 * same sources (bare tsc, esbuild, `node -e 0`), because these machines are noisy; absolute
 * figures are printed too.
 *
 *   npm run bench -- [--dags 1000] [--tasks 50] [--edits 10] [--large-dags 4000] [--no-large]
 *
 * Writes bench/results/compile.json.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { dagModule, modulePath, REPO_ROOT, syntheticProject } from "./synthetic.js";

const { values } = parseArgs({
  options: {
    dags: { type: "string", default: "1000" },
    tasks: { type: "string", default: "50" },
    edits: { type: "string", default: "10" },
    "large-dags": { type: "string", default: "4000" },
    "no-large": { type: "boolean", default: false },
  },
});
const dagCount = Number(values.dags);
const taskCount = Number(values.tasks);
const editCount = Number(values.edits);

const CLI = path.join(REPO_ROOT, "bin", "dagwright.js");
const TSC5 = path.join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc");
const TSC7 = path.join(REPO_ROOT, "node_modules", "typescript7", "bin", "tsc");
/** GNU time reports the peak resident memory of the biggest process a command ran. */
const GNU_TIME = fs.existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

interface Run {
  ms: number;
  /** Peak RSS of the biggest process, in MiB, when GNU time is there to tell. */
  peakMib?: number;
  status: number | null;
  output: string;
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Run {
  const timed = GNU_TIME ? [GNU_TIME, ["-f", "peak-kib %M", command, ...args]] as const : [command, args] as const;
  const started = performance.now();
  const result = spawnSync(timed[0], [...timed[1]], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", ...env }, maxBuffer: 1 << 28 });
  const ms = performance.now() - started;
  const peak = /peak-kib (\d+)/.exec(result.stderr ?? "");
  return { ms, status: result.status, output: `${result.stdout}${result.stderr}`, ...(peak ? { peakMib: Number(peak[1]) / 1024 } : {}) };
}

function must(result: Run, what: string): Run {
  if (result.status !== 0) throw new Error(`${what} failed (${result.status}):\n${result.output.slice(-2000)}`);
  return result;
}

function median(numbers: number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function medianRun(times: number, work: () => Run): number {
  return median(Array.from({ length: times }, () => work().ms));
}

const dagwright = (root: string, ...args: string[]) => must(run(process.execPath, [CLI, ...args, "-C", root], root), `dagwright ${args.join(" ")}`);
const clean = (root: string) => {
  fs.rmSync(path.join(root, "generated"), { recursive: true, force: true });
  fs.rmSync(path.join(root, "node_modules", ".cache"), { recursive: true, force: true });
};

/** Milliseconds from each edit to the rebuild's "Watching for file changes." line. */
async function watchEdits(root: string, edits: number): Promise<number[]> {
  const child = spawn(process.execPath, [CLI, "compile", "--watch", "-C", root], { cwd: root, env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] });
  child.stderr.resume();
  const lines = createInterface({ input: child.stdout });
  const waiters: Array<() => void> = [];
  lines.on("line", (line) => {
    if (line.includes("Watching for file changes.")) waiters.shift()?.();
  });
  const built = () => new Promise<void>((resolve) => waiters.push(resolve));
  await built();
  const times: number[] = [];
  for (let edit = 1; edit <= edits; edit++) {
    const index = (edit * 7) % dagCount;
    const rebuilt = built();
    const started = performance.now();
    fs.writeFileSync(modulePath(root, index), dagModule(index, taskCount, 100 + edit));
    await rebuilt;
    times.push(performance.now() - started);
  }
  child.kill();
  return times;
}

interface Figure {
  figure: string;
  value: string;
  goal: string;
  pass: boolean;
  /** The measurements behind it, in ms (or MiB). */
  measured: Record<string, number>;
}
const figures: Figure[] = [];
const ratio = (a: number, b: number) => a / b;
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const times = (r: number) => `${r.toFixed(2)}x`;

function report(figure: Figure): void {
  figures.push(figure);
  console.error(`  ${figure.pass ? "pass" : "FAIL"}  ${figure.figure}: ${figure.value} (goal ${figure.goal})`);
}

console.error(`bench: ${dagCount} DAGs x ${taskCount} tasks, node ${process.version}, ${os.cpus().length} cpus`);
const root = syntheticProject(dagCount, taskCount);
try {
  // Baselines, on the same sources and tsconfig.
  const nodeStart = medianRun(10, () => must(run(process.execPath, ["-e", "0"], root), "node -e 0"));
  const tsc5 = Math.min(...[0, 1].map(() => must(run(process.execPath, [TSC5, "-p", "tsconfig.json"], root), "tsc 5.9").ms));
  const tsc7 = medianRun(3, () => must(run(TSC7, ["-p", "tsconfig.json"], root), "tsc 7"));
  const esbuildScript = `const fs=require("fs"),path=require("path"),{transformSync}=require(${JSON.stringify(path.join(REPO_ROOT, "node_modules", "esbuild"))});for(const f of fs.readdirSync("dags-src"))transformSync(fs.readFileSync(path.join("dags-src",f),"utf8"),{loader:"ts",format:"esm",sourcemap:"inline"});`;
  const esbuild = medianRun(3, () => must(run(process.execPath, ["-e", esbuildScript], root), "esbuild"));

  clean(root);
  const cold = dagwright(root, "compile");
  clean(root);
  const coldAgain = dagwright(root, "compile");
  const coldMs = Math.min(cold.ms, coldAgain.ms);
  report({ figure: "cold compile / tsc 5.9 --noEmit", value: `${times(ratio(coldMs, tsc5))} (${sec(coldMs)} / ${sec(tsc5)})`, goal: "<= 1.00x", pass: coldMs <= tsc5, measured: { compile: coldMs, tsc5 } });
  report({ figure: "cold compile / tsc 7 --noEmit", value: `${times(ratio(coldMs, tsc7))} (${sec(coldMs)} / ${sec(tsc7)})`, goal: "<= 3.00x", pass: coldMs <= 3 * tsc7, measured: { compile: coldMs, tsc7 } });

  clean(root);
  const noTypecheck = dagwright(root, "compile", "--no-typecheck").ms;
  report({ figure: "compile --no-typecheck / esbuild transform", value: `${times(ratio(noTypecheck, esbuild))} (${sec(noTypecheck)} / ${sec(esbuild)})`, goal: "<= 2.00x", pass: noTypecheck <= 2 * esbuild, measured: { compile: noTypecheck, esbuild } });

  clean(root);
  dagwright(root, "compile");
  const unchanged = medianRun(3, () => dagwright(root, "compile"));
  report({ figure: "compile, nothing changed", value: sec(unchanged), goal: "<= 1.00 s", pass: unchanged <= 1000, measured: { compile: unchanged } });

  const fresh: number[] = [];
  let recompilePeak = 0;
  for (let edit = 1; edit <= editCount; edit++) {
    const index = (edit * 13) % dagCount;
    fs.writeFileSync(modulePath(root, index), dagModule(index, taskCount, edit));
    const result = dagwright(root, "compile");
    fresh.push(result.ms);
    recompilePeak = Math.max(recompilePeak, result.peakMib ?? 0);
  }
  const freshMedian = median(fresh);
  report({ figure: `one module changed, fresh process with the cache (median of ${editCount})`, value: sec(freshMedian), goal: "<= 1.50 s", pass: freshMedian <= 1500, measured: { median: freshMedian } });

  const watched = median(await watchEdits(root, editCount));
  report({ figure: `one module changed, watch mode (median of ${editCount})`, value: sec(watched), goal: "<= 0.30 s", pass: watched <= 300, measured: { median: watched } });

  const version = medianRun(10, () => must(run(process.execPath, [CLI, "--version"], root), "--version"));
  report({ figure: "dagwright --version", value: `${(version).toFixed(0)} ms, ${times(ratio(version, nodeStart))} node -e 0 (${nodeStart.toFixed(0)} ms)`, goal: "<= 150 ms", pass: version <= 150, measured: { version, nodeStart } });

  const tiny = syntheticProject(1, 2);
  const tinyCold = medianRun(5, () => {
    clean(tiny);
    return dagwright(tiny, "compile");
  });
  fs.rmSync(tiny, { recursive: true, force: true });
  report({ figure: "one-DAG project, cold compile", value: `${sec(tinyCold)}, ${times(ratio(tinyCold, nodeStart))} node -e 0`, goal: "<= 1.00 s", pass: tinyCold <= 1000, measured: { compile: tinyCold, nodeStart } });

  if (GNU_TIME) {
    const firstPeak = Math.max(cold.peakMib ?? 0, coldAgain.peakMib ?? 0);
    const peak = Math.max(firstPeak, recompilePeak);
    const tasks = dagCount * taskCount;
    report({ figure: `peak RSS at ${tasks} tasks (first compile ${firstPeak.toFixed(0)} MiB, recompiles ${recompilePeak.toFixed(0)} MiB)`, value: `${peak.toFixed(0)} MiB`, goal: "<= 1024 MiB", pass: peak <= 1024, measured: { firstPeak, recompilePeak } });
  }

  if (!values["no-large"]) {
    const largeDags = Number(values["large-dags"]);
    const large = syntheticProject(largeDags, taskCount);
    try {
      const result = run(process.execPath, [CLI, "compile", "-C", large], large);
      report({
        figure: `${largeDags} DAGs x ${taskCount} tasks (${largeDags * taskCount} tasks) compiles`,
        value: `${result.status === 0 ? "compiled" : `exit ${result.status}`} in ${sec(result.ms)}${result.peakMib ? `, peak ${result.peakMib.toFixed(0)} MiB` : ""}`,
        goal: "compiles",
        pass: result.status === 0,
        measured: { ms: result.ms, ...(result.peakMib ? { peakMib: result.peakMib } : {}) },
      });
    } finally {
      fs.rmSync(large, { recursive: true, force: true });
    }
  }
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}

const width = Math.max(...figures.map((f) => f.figure.length));
const valueWidth = Math.max(...figures.map((f) => f.value.length));
console.log(`\n${"figure".padEnd(width)}  ${"measured".padEnd(valueWidth)}  ${"goal".padEnd(12)}  result`);
for (const f of figures) console.log(`${f.figure.padEnd(width)}  ${f.value.padEnd(valueWidth)}  ${f.goal.padEnd(12)}  ${f.pass ? "pass" : "FAIL"}`);
const results = { dags: dagCount, tasks: taskCount, node: process.version, cpus: os.cpus().length, figures };
fs.mkdirSync(path.join(REPO_ROOT, "bench", "results"), { recursive: true });
fs.writeFileSync(path.join(REPO_ROOT, "bench", "results", "compile.json"), JSON.stringify(results, null, 2) + "\n");
console.log(`\nwrote bench/results/compile.json`);
