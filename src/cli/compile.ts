import type { Command } from "commander";
import { compileProject } from "../compiler.js";
import { checkOutput, writeOutput } from "../emit/writer.js";
import { hasErrors } from "../ir/diagnostic.js";
import type { AirflowTarget } from "../ir/schema.js";
import { EXIT, printDiagnostics, projectRoot, seconds, type CommonOptions } from "./context.js";
import { airflowOption } from "./options.js";

interface CompileOptions extends CommonOptions {
  check?: boolean;
  airflow?: AirflowTarget;
  typecheck: boolean;
}

export function registerCompile(program: Command): void {
  program
    .command("compile")
    .description("Check the DAG modules and write Airflow DAG files and the manifest to the output folder")
    .option("--check", "write nothing; exit 1 if the output folder is not what compile would write")
    .addOption(airflowOption())
    .option("--no-typecheck", "skip type-checking the DAG modules (faster, less safe)")
    .option("-C, --root <dir>", "the project folder, holding dagwright.config.ts", ".")
    .addHelpText(
      "after",
      "\nExit codes: 0 success, 1 errors in the project (or stale output with --check), 2 bad usage.",
    )
    .action(async (options: CompileOptions) => {
      process.exitCode = await runCompile(options);
    });
}

async function runCompile(options: CompileOptions): Promise<number> {
  const started = performance.now();
  const root = projectRoot(options);
  const result = await compileProject(root, {
    ...(options.airflow ? { airflow: options.airflow } : {}),
    skipTypecheck: !options.typecheck,
  });
  printDiagnostics(result.diagnostics, root);
  if (hasErrors(result.diagnostics) || !result.files || !result.config || !result.project) return EXIT.userErrors;
  const { outDir } = result.config;
  const relativeOut = outDir.startsWith(root) ? outDir.slice(root.length + 1) || "." : outDir;
  const dagCount = result.project.dags.length;
  const taskCount = result.project.dags.reduce((sum, dag) => sum + dag.tasks.length, 0);
  const counts = `${dagCount} DAG${dagCount === 1 ? "" : "s"}, ${taskCount} task${taskCount === 1 ? "" : "s"}`;

  if (options.check) {
    const status = checkOutput(outDir, result.files);
    const problems = [
      ...status.stale.map((file) => `  stale:   ${relativeOut}/${file}`),
      ...status.missing.map((file) => `  missing: ${relativeOut}/${file}`),
      ...status.extra.map((file) => `  extra:   ${relativeOut}/${file}`),
    ];
    if (problems.length > 0) {
      process.stderr.write(`${relativeOut}/ is out of date (${counts}):\n${problems.join("\n")}\nrun \`dagwright compile\` and commit the result\n`);
      return EXIT.userErrors;
    }
    process.stdout.write(`${relativeOut}/ is up to date (${counts}) in ${seconds(performance.now() - started)}\n`);
    return EXIT.ok;
  }

  const written = writeOutput(outDir, result.files);
  for (const file of written.foreign) {
    process.stderr.write(`warning: ${relativeOut}/${file} was not written by dagwright; left as it is\n`);
  }
  const changes = written.changed.length + written.removed.length;
  const detail = changes === 0 ? "no changes" : `${written.changed.length} written, ${written.removed.length} removed`;
  process.stdout.write(`compiled ${counts} for Airflow ${result.project.airflow} in ${seconds(performance.now() - started)} (${relativeOut}/: ${detail})\n`);
  return EXIT.ok;
}
