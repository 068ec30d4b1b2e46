/**
 * The synthetic project the benchmarks compile: N DAG modules of M tasks each (waves of four
 * bash tasks between an empty start and end), a config, and a tsconfig.json that every tool in
 * the comparison reads, with dagwright linked into node_modules as a user's install would be.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const REPO_ROOT = path.resolve(import.meta.dirname, "..");

export function dagModule(index: number, taskCount: number, variant = 0): string {
  const id = `bench_${String(index).padStart(5, "0")}`;
  return `import { dag } from "dagwright";

export default dag("${id}", {
  schedule: "${index % 60} ${index % 24} * * *",
  startDate: "2026-01-01",
  owner: "bench${variant ? `_${variant}` : ""}",
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

export function modulePath(root: string, index: number): string {
  return path.join(root, "dags-src", `dag_${String(index).padStart(5, "0")}.ts`);
}

/** A fresh project folder with `dags` modules of `tasks` tasks. */
export function syntheticProject(dags: number, tasks: number): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "dagwright-bench-"));
  fs.writeFileSync(path.join(root, "dagwright.config.ts"), `import { defineConfig } from "dagwright";\nexport default defineConfig({ airflow: "3.3" });\n`);
  fs.writeFileSync(
    path.join(root, "tsconfig.json"),
    JSON.stringify(
      {
        compilerOptions: { target: "ES2022", module: "ESNext", moduleResolution: "Bundler", lib: ["ES2022"], strict: true, skipLibCheck: true, types: ["node"], noEmit: true },
        include: ["dagwright.config.ts", "dags-src/**/*.ts"],
      },
      null,
      2,
    ) + "\n",
  );
  fs.mkdirSync(path.join(root, "node_modules", "@types"), { recursive: true });
  fs.symlinkSync(REPO_ROOT, path.join(root, "node_modules", "dagwright"), "dir");
  fs.symlinkSync(path.join(REPO_ROOT, "node_modules", "@types", "node"), path.join(root, "node_modules", "@types", "node"), "dir");
  fs.mkdirSync(path.join(root, "dags-src"));
  for (let index = 0; index < dags; index++) fs.writeFileSync(modulePath(root, index), dagModule(index, tasks));
  return root;
}
