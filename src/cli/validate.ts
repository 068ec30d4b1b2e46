import type { Command } from "commander";
import type { Typechecker } from "../load/typecheck/index.js";
import type { AirflowTarget } from "../ir/schema.js";
import { EXIT, printReport, printTimings, projectRoot, seconds, type CommonOptions } from "./context.js";
import { summarize } from "./formats.js";
import { progressLine } from "./progress.js";
import { addReportingOptions, airflowOption, moduleTimeoutOption, noCacheOption, type ReportingOptions, rootOption, selectOptions, type SelectOptions, tooManyWarnings, verboseOption, warningLimit } from "./options.js";

interface ValidateOptions extends CommonOptions, ReportingOptions, SelectOptions {
  airflow?: AirflowTarget;
  moduleTimeout: number;
  cache: boolean;
  verbose?: boolean;
  watch?: boolean;
}

export function registerValidate(program: Command): void {
  const command = program
    .command("validate")
    .description("Check the DAG modules and report problems; writes nothing")
    .addOption(airflowOption())
    .addOption(moduleTimeoutOption())
    .addOption(noCacheOption())
    .addOption(verboseOption())
    .option("-w, --watch", "validate, then again after every change in the project folder, until interrupted")
    .addOption(rootOption());
  selectOptions(command);
  addReportingOptions(command)
    .addHelpText("after", "\nExit codes: 0 no errors (warnings allowed unless --strict or --max-warnings), 1 errors found, 2 bad usage.")
    .action(async (options: ValidateOptions) => {
      if (options.watch) {
        const { watchProject } = await import("./watch.js");
        await watchProject({ root: projectRoot(options), build: (typechecker) => runValidate(options, typechecker) });
        return;
      }
      await runValidate(options);
    });
}

/** One validation; its errors (for --watch's count) and the output folder. Sets the exit code. */
async function runValidate(options: ValidateOptions, typechecker?: Typechecker): Promise<{ errors: number; outDir?: string }> {
  const started = performance.now();
  const root = projectRoot(options);
  const { compileProject } = await import("../compiler.js");
  const progress = progressLine(process.stderr, options.format === "pretty");
  const result = await compileProject(root, { ...(progress.onProgress ? { onProgress: progress.onProgress } : {}), ...(typechecker ? { typechecker } : {}), ...(options.airflow ? { airflow: options.airflow } : {}), moduleTimeoutMs: Math.round(options.moduleTimeout * 1000), cache: options.cache, emit: false, bindings: "check" });
  progress.clear();
  if (options.verbose) printTimings(result);
  let dags = result.project?.dags ?? [];
  let diagnostics = result.diagnostics;
  // The whole project is checked (what DAGs share needs all of it); what concerns the selection is reported.
  if ((options.select?.length || options.exclude?.length) && result.resolved) {
    const { concerningSelection, selectIn } = await import("./list.js");
    const selected = selectIn(result.resolved, options);
    if ("error" in selected) {
      process.stderr.write(`error: ${selected.error}\n`);
      process.exitCode = EXIT.usage;
      return { errors: 0 };
    }
    dags = dags.filter((dag) => selected.dags.includes(dag.id));
    diagnostics = concerningSelection(result.resolved, selected, diagnostics);
  }
  const summary = summarize(diagnostics, dags.length, dags.reduce((sum, dag) => sum + dag.tasks.length, 0));
  const warningsFail = tooManyWarnings(summary.warnings, options);
  const ok = summary.errors === 0 && result.project !== undefined && !warningsFail;
  printReport(options.format, { command: "validate", ok, summary, diagnostics }, root, {
    ...(warningsFail ? { stderr: `${warningLimit(summary.warnings, options)}\n` } : {}),
    ...(ok ? { stdout: `${summary.dags} DAGs, ${summary.tasks} tasks: no errors (${seconds(performance.now() - started)})\n` } : {}),
  });
  process.exitCode = ok ? EXIT.ok : EXIT.userErrors;
  return { errors: summary.errors, ...(result.config ? { outDir: result.config.outDir } : {}) };
}
