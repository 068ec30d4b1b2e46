/**
 * Compile-time benchmark: generates N synthetic DAGs of M tasks and reports the time of each
 * compile stage, in milliseconds and as a ratio to a baseline measured in the same run (these
 * machines are noisy, so ratios compare across runs better than raw times).
 *
 * Baseline: reading every DAG module and transforming it with esbuild, the least any
 * TypeScript-aware tool pays to look at the same sources.
 *
 *   npm run bench -- --dags 1000 --tasks 50
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { transformSync } from "esbuild";
import { compileProject } from "../src/compiler.js";
import { writeOutput } from "../src/emit/writer.js";

const { values } = parseArgs({
  options: {
    dags: { type: "string", default: "100" },
    tasks: { type: "string", default: "50" },
    out: { type: "string" },
  },
});
const dagCount = Number(values.dags);
const taskCount = Number(values.tasks);

function dagModule(index: number): string {
  const id = `bench_${String(index).padStart(5, "0")}`;
  return `import { dag } from "dagwright";

export default dag("${id}", {
  schedule: "${index % 60} ${index % 24} * * *",
  startDate: "2026-01-01",
  owner: "bench",
  tags: ["bench", "group_${index % 10}"],
  defaults: { retries: 2, retryDelay: "5m" },
}, (d) => {
  const start = d.empty("start");
  let previous = [start];
  for (let step = 0; step < ${taskCount - 2}; step += 4) {
    const wave = [0, 1, 2, 3].slice(0, Math.min(4, ${taskCount - 2} - step)).map((lane) =>
      d.bash(\`step_\${step + lane}\`, { command: \`echo step \${step + lane} for {{ ds }}\`, pool: "bench" }),
    );
    for (const task of wave) task.after(previous);
    previous = wave;
  }
  d.empty("end").after(previous);
});
`;
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), "dagwright-bench-"));
fs.writeFileSync(path.join(root, "dagwright.config.ts"), `import { defineConfig } from "dagwright";\nexport default defineConfig({ airflow: "3.3" });\n`);
fs.mkdirSync(path.join(root, "dags-src"));
for (let index = 0; index < dagCount; index++) {
  fs.writeFileSync(path.join(root, "dags-src", `dag_${String(index).padStart(5, "0")}.ts`), dagModule(index));
}

const time = async <T>(work: () => T | Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
};

const [, baseline] = await time(() => {
  for (const file of fs.readdirSync(path.join(root, "dags-src"))) {
    transformSync(fs.readFileSync(path.join(root, "dags-src", file), "utf8"), { loader: "ts", format: "cjs" });
  }
});
const [result, total] = await time(() => compileProject(root));
if (!result.files) throw new Error(`benchmark project failed to compile: ${JSON.stringify(result.diagnostics.slice(0, 3))}`);
const [, write] = await time(() => writeOutput(path.join(root, "generated"), result.files!));
const tasks = result.project!.dags.reduce((sum, dag) => sum + dag.tasks.length, 0);

const stages = { ...result.timings, write };
const report = {
  dags: result.project!.dags.length,
  tasks,
  files: result.files.length,
  baselineMs: Math.round(baseline),
  totalMs: Math.round(total + write),
  stages: Object.fromEntries(
    Object.entries(stages).map(([stage, ms]) => [stage, { ms: Math.round(ms), ratioToBaseline: Number((ms / baseline).toFixed(2)) }]),
  ),
  totalRatioToBaseline: Number(((total + write) / baseline).toFixed(2)),
  node: process.version,
  cpus: os.cpus().length,
};
console.log(JSON.stringify(report, null, 2));
if (values.out) fs.writeFileSync(values.out, JSON.stringify(report, null, 2) + "\n");
fs.rmSync(root, { recursive: true, force: true });
