import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { DAGWRIGHT_VERSION } from "../version.js";
import { EXIT, projectRoot, type CommonOptions } from "./context.js";
import { rootOption } from "./options.js";

type Line = { name: string; value: string; problem?: { level: "error" | "warning"; hint: string } };

export function registerDoctor(program: Command): void {
  program
    .command("doctor")
    .description("Check the setup: Node, dagwright, the project and its config, sources, tsconfig, the TypeScript that checks the code, a Python with Airflow, the cache")
    .addOption(rootOption())
    .addHelpText("after", "\nExit codes: 0 nothing wrong (warnings aside), 1 something to fix.")
    .action(async (options: CommonOptions) => {
      const root = projectRoot(options);
      const lines = await examine(root);
      const width = Math.max(...lines.map((line) => line.name.length));
      for (const line of lines) {
        process.stdout.write(`${line.name.padEnd(width)}  ${line.value}\n`);
        if (line.problem) process.stdout.write(`${" ".repeat(width)}  ${line.problem.level}: ${line.problem.hint}\n`);
      }
      const errors = lines.filter((line) => line.problem?.level === "error").length;
      const warnings = lines.filter((line) => line.problem?.level === "warning").length;
      process.stdout.write(`\n${errors === 0 && warnings === 0 ? "everything looks right" : `${errors} problem${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`}\n`);
      if (errors > 0) process.exitCode = EXIT.userErrors;
    });
}

async function examine(root: string): Promise<Line[]> {
  const lines: Line[] = [];
  const major = Number(process.versions.node.split(".")[0]);
  lines.push({ name: "node", value: process.version, ...(major < 20 ? { problem: { level: "error", hint: "dagwright needs Node.js 20 or later" } } : {}) });
  lines.push({ name: "dagwright", value: `${DAGWRIGHT_VERSION} (${path.resolve(new URL("../..", import.meta.url).pathname)})` });
  const config = path.join(root, "dagwright.config.ts");
  if (!fs.existsSync(config)) {
    lines.push({ name: "project", value: `no dagwright.config.ts in ${root} or above`, problem: { level: "error", hint: "run `npx dagwright init` to start one, or -C <dir> to point at one" } });
    return lines;
  }
  lines.push({ name: "project", value: `${root} (dagwright.config.ts)` });
  const { loadProject } = await import("../load/index.js");
  const loaded = await loadProject(root, { skipTypecheck: true });
  const errors = loaded.diagnostics.filter((d) => d.severity === "error");
  if (loaded.config) {
    const relative = (file: string) => path.relative(root, file).split(path.sep).join("/") || ".";
    lines.push({ name: "target", value: `Airflow ${loaded.config.airflow}` });
    lines.push({ name: "sources", value: `${relative(loaded.config.srcDir)}/ (${loaded.modules.length} module${loaded.modules.length === 1 ? "" : "s"}, ${loaded.project?.dags.length ?? 0} DAGs)`, ...(errors.length ? { problem: { level: "error", hint: `${errors.length} error${errors.length === 1 ? "" : "s"} loading them, the first: ${errors[0]!.code} ${errors[0]!.message} (run \`dagwright validate\`)` } } : {}) });
    const rules = loaded.config.rules.files;
    if (rules.length > 0) lines.push({ name: "rules", value: `${rules.map(relative).join(", ")} (the config's rules; compile and validate run them)` });
    lines.push({ name: "output", value: `${relative(loaded.config.outDir)}/${fs.existsSync(loaded.config.outDir) ? "" : " (not written yet: run `dagwright compile`)"}` });
  } else {
    lines.push({ name: "config", value: "does not load", problem: { level: "error", hint: errors[0] ? `${errors[0].code} ${errors[0].message}` : "see `dagwright validate`" } });
  }
  const tsconfig = path.join(root, "tsconfig.json");
  lines.push({ name: "tsconfig", value: fs.existsSync(tsconfig) ? "tsconfig.json" : "none: dagwright's defaults (strict, ES2022, Node's types)" });
  const { checkerFor } = await import("../load/typecheck/index.js");
  const checker = checkerFor(root);
  lines.push({ name: "typescript", value: `${checker.version}, ${checker.source === "project" ? "the project's own (package.json depends on it)" : "the one dagwright ships (TypeScript 7)"}` });
  lines.push(pythonLine(loaded.config?.airflow));
  const cache = path.join(root, "node_modules", ".cache", "dagwright");
  lines.push({ name: "cache", value: fs.existsSync(cache) ? `${path.relative(root, cache)}/` : "empty (the first compile fills it)" });
  return lines;
}

/** The Python on PATH, and the Airflow it imports, against the target. */
function pythonLine(target: string | undefined): Line {
  const probe = spawnSync("python3", ["-c", "import sys\nprint(sys.version.split()[0])\ntry:\n    import importlib.metadata as m\n    print(m.version('apache-airflow'))\nexcept Exception:\n    print('')"], { encoding: "utf8", timeout: 20_000 });
  if (probe.error || probe.status !== 0) return { name: "python", value: "no python3 on PATH", problem: { level: "warning", hint: "compile needs none; to load or run the generated DAGs locally, install Python 3 with apache-airflow" } };
  const [python, airflow] = probe.stdout.trim().split("\n");
  if (!airflow) return { name: "python", value: `python3 ${python}, without Airflow`, problem: { level: "warning", hint: "compile needs none; to load the generated DAGs locally, pip install apache-airflow" } };
  const line = airflow.split(".").slice(0, 2).join(".");
  const matches = target === undefined || line === target;
  return {
    name: "python",
    value: `python3 ${python}, Airflow ${airflow}`,
    ...(matches ? {} : { problem: { level: "warning", hint: `the project compiles for Airflow ${target}: DAGs written for it may not load in ${airflow} (compile with --airflow ${line} to check them against this one)` } }),
  };
}
