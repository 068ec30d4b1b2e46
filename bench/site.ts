/**
 * The docs site's benchmark: how long Chromium (Debian's, through playwright-core) takes to
 * draw the page of a 2,000-task DAG, against opening an empty page in the same browser; and how
 * long `dagwright docs` takes to build the site of the synthetic 1,000 DAGs x 50 tasks project.
 *
 *   npm run bench:site -- [--tasks 2000] [--dags 1000]
 *
 * Writes bench/results/site.json.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { REPO_ROOT, syntheticProject } from "./synthetic.js";

const { values } = parseArgs({ options: { tasks: { type: "string", default: "2000" }, dags: { type: "string", default: "1000" } } });
const CLI = path.join(REPO_ROOT, "bin", "dagwright.js");

function docs(root: string, out: string): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, [CLI, "docs", "--out", out, "-C", root], { encoding: "utf8", maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`dagwright docs failed:\n${run.stdout}${run.stderr}`);
  return performance.now() - started;
}

const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)]!;

const big = syntheticProject(1, Number(values.tasks));
const bigSite = path.join(big, "site");
const buildBig = docs(big, bigSite);
const empty = path.join(bigSite, "empty.html");
fs.writeFileSync(empty, "<!doctype html><title>empty</title>");

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
/** From navigation to the first frame painted after load, in ms. */
async function render(file: string): Promise<{ ms: number; nodes: number }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  const started = performance.now();
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const ms = performance.now() - started;
  const nodes = await page.locator("svg.graph .node").count();
  await page.close();
  return { ms, nodes };
}
const dagPageFile = path.join(bigSite, "dags", "bench_00000.html");
await render(dagPageFile); // warm the browser's caches
const emptyRuns: number[] = [];
const pageRuns: number[] = [];
let drawn = 0;
for (let run = 0; run < 5; run++) {
  emptyRuns.push((await render(empty)).ms);
  const result = await render(dagPageFile);
  pageRuns.push(result.ms);
  drawn = result.nodes;
}
await browser.close();
const page = median(pageRuns);
const blank = median(emptyRuns);

const project = syntheticProject(Number(values.dags), 50);
const buildProject = docs(project, path.join(project, "site"));
const files = fs.readdirSync(path.join(project, "site"), { recursive: true, encoding: "utf8" });
const bytes = files.reduce((sum, file) => sum + (fs.statSync(path.join(project, "site", file)).isFile() ? fs.statSync(path.join(project, "site", file)).size : 0), 0);

const figures = [
  { figure: `page of a ${values.tasks}-task DAG drawn in Chromium (median of 5; ${drawn} nodes)`, value: `${(page / 1000).toFixed(2)} s, ${(page / blank).toFixed(1)}x an empty page (${blank.toFixed(0)} ms)`, goal: "< 2.00 s", pass: page < 2000 },
  { figure: `docs for 1 DAG x ${values.tasks} tasks (compile and build)`, value: `${(buildBig / 1000).toFixed(2)} s`, goal: "-", pass: true },
  { figure: `docs for ${values.dags} DAGs x 50 tasks (compile and build)`, value: `${(buildProject / 1000).toFixed(2)} s, ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB`, goal: "-", pass: true },
];
for (const f of figures) console.log(`${f.pass ? "pass" : "FAIL"}  ${f.figure}: ${f.value} (goal ${f.goal})`);
fs.mkdirSync(path.join(REPO_ROOT, "bench", "results"), { recursive: true });
fs.writeFileSync(path.join(REPO_ROOT, "bench", "results", "site.json"), JSON.stringify({ node: process.version, cpus: os.cpus().length, figures }, null, 2) + "\n");
for (const dir of [big, project]) fs.rmSync(dir, { recursive: true, force: true });
