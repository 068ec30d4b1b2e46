import path from "node:path";
import type { Command } from "commander";
import type { CompileResult } from "../compiler.js";
import type { CompileKeyParts, RememberedCompile } from "../load/output-cache.js";
import type { Typechecker } from "../load/typecheck/index.js";
import type { DagOutputCache } from "../load/dag-output-cache.js";
import { compareText } from "../values/names.js";
import type { OutputStatus } from "../emit/writer.js";
import { diagnose, type Diagnostic } from "../diagnostics/index.js";
import type { AirflowTarget } from "../ir/schema.js";
import { EXIT, printReport, printTimings, projectRoot, seconds, type CommonOptions } from "./context.js";
import { summarize, type Report } from "./formats.js";
import { progressLine } from "./progress.js";
import { addReportingOptions, airflowOption, moduleTimeoutOption, noCacheOption, type ReportingOptions, rootOption, tooManyWarnings, verboseOption, warningLimit } from "./options.js";

interface CompileOptions extends CommonOptions, ReportingOptions {
  check?: boolean;
  watch?: boolean;
  allowEmpty?: boolean;
  airflow?: AirflowTarget;
  typecheck: boolean;
  cache: boolean;
  verbose?: boolean;
  moduleTimeout: number;
}

export function registerCompile(program: Command): void {
  const command = program
    .command("compile")
    .description(
      "Check the DAG modules and write Airflow DAG files, Spark job specs, OpenLineage job events and the manifest to the output folder",
    )
    .option("--check", "write nothing; exit 1 if the output folder, or the Python bindings under <srcDir>/.python/, are not what compile would write")
    .option("-w, --watch", "compile, then compile again after every change in the project folder, until interrupted")
    .option("--allow-empty", "let a compile that finds no DAG remove the DAGs a previous compile wrote")
    .addOption(airflowOption())
    .option("--no-typecheck", "skip type-checking the DAG modules (faster, less safe)")
    .addOption(noCacheOption())
    .addOption(verboseOption())
    .addOption(moduleTimeoutOption())
    .addOption(rootOption());
  addReportingOptions(command)
    .addHelpText(
      "after",
      "\nOpenLineage events carry a fixed eventTime (1970-01-01T00:00:00Z, or SOURCE_DATE_EPOCH when set), so output is reproducible." +
        "\nExit codes: 0 success, 1 errors in the project (or stale output with --check, or too many warnings), 2 bad usage.",
    )
    .action(async (options: CompileOptions, command: Command) => {
      if (options.watch) {
        if (options.check) command.error("error: --watch and --check do not go together: --check compiles once, for CI", { exitCode: EXIT.usage });
        const [{ watchProject }, { DagOutputCache }] = await Promise.all([import("./watch.js"), import("../load/dag-output-cache.js")]);
        const root = projectRoot(options);
        // Kept across builds: a rebuild renders only the DAGs whose back ends' inputs changed.
        const outputs = new DagOutputCache(root, { persistent: options.cache });
        await watchProject({ root, build: (typechecker) => runCompile(options, typechecker, outputs) });
        return;
      }
      process.exitCode = (await runCompile(options)).exitCode;
    });
}

/** What one compile ended with: its exit code, its errors (for --watch's count) and the output folder. */
interface CompileOutcome {
  exitCode: number;
  errors: number;
  outDir?: string;
}

async function runCompile(options: CompileOptions, typechecker?: Typechecker, outputs?: DagOutputCache): Promise<CompileOutcome> {
  const started = performance.now();
  const root = projectRoot(options);
  const keyParts: CompileKeyParts = { root, ...(options.airflow ? { airflow: options.airflow } : {}), typecheck: options.typecheck };
  // Nothing the last compile read has changed and its output is as it left it: nothing to do.
  // (Watch mode builds because something changed, so it does not ask.)
  if (options.cache && !typechecker) {
    const [{ upToDate }, { outputMatches }] = await Promise.all([import("../load/output-cache.js"), import("../emit/writer.js")]);
    const remembered = await upToDate(keyParts, outputMatches);
    if (remembered) return reportRemembered(remembered, options, root, started);
  }
  // Loaded here, not at start, so `--help` and `--version` load neither TypeScript nor esbuild.
  const [{ compileProject }, { checkOutput, previousDagCount, writeOutput }] = await Promise.all([import("../compiler.js"), import("../emit/writer.js")]);
  const progress = progressLine(process.stderr, options.format === "pretty");
  const result = await compileProject(root, {
    ...(options.airflow ? { airflow: options.airflow } : {}),
    ...(progress.onProgress ? { onProgress: progress.onProgress } : {}),
    ...(typechecker ? { typechecker } : {}),
    ...(outputs ? { outputs } : {}),
    skipTypecheck: !options.typecheck,
    cache: options.cache,
    // The typed bindings of the project's Python are refreshed before the type-check reads them; --check only compares.
    bindings: options.check ? "check" : "write",
    moduleTimeoutMs: Math.round(options.moduleTimeout * 1000),
  });
  progress.clear();
  if (options.verbose) printTimings(result);
  const dags = result.project?.dags ?? [];
  const summary = summarize(result.diagnostics, dags.length, dags.reduce((sum, dag) => sum + dag.tasks.length, 0));
  const counts = `${summary.dags} DAG${summary.dags === 1 ? "" : "s"}, ${summary.tasks} task${summary.tasks === 1 ? "" : "s"}`;
  const report = (ok: boolean, extra: Partial<Report> = {}): Report => ({ command: "compile", ok, summary, diagnostics: result.diagnostics, ...extra });
  const finish = (exitCode: number, moreErrors = 0): CompileOutcome => ({
    exitCode,
    errors: summary.errors + moreErrors,
    ...(result.config ? { outDir: result.config.outDir } : {}),
  });

  if (summary.errors > 0 || !result.files || !result.config || !result.project) {
    printReport(options.format, report(false), root, {});
    return finish(EXIT.userErrors);
  }
  if (tooManyWarnings(summary.warnings, options)) {
    printReport(options.format, report(false), root, { stderr: `${warningLimit(summary.warnings, options)}; nothing written\n` });
    return finish(EXIT.userErrors);
  }
  const { outDir } = result.config;
  const shownOut = path.relative(root, outDir).split(path.sep).join("/") || ".";

  if (options.check) {
    const status = checkOutput(outDir, result.files);
    const stale = staleDiagnostics(status, shownOut);
    if (stale.length > 0) {
      const listing = [
        ...status.stale.map((file) => `  stale:   ${shownOut}/${file}`),
        ...status.missing.map((file) => `  missing: ${shownOut}/${file}`),
        ...status.extra.map((file) => `  extra:   ${shownOut}/${file}`),
      ].join("\n");
      // People get the compact listing below; machine formats get one DW008 per file.
      const diagnostics = options.format === "pretty" ? result.diagnostics : [...result.diagnostics, ...stale];
      printReport(options.format, { ...report(false), diagnostics, output: prefixed(status, shownOut) }, root, {
        stderr: `${shownOut}/ is out of date (${counts}):\n${listing}\nrun \`dagwright compile\` and commit the result\n`,
      });
      return finish(EXIT.userErrors);
    }
    if (status.foreign.length === 0) await remember(keyParts, result, options);
    printReport(options.format, report(true, { output: prefixed(status, shownOut) }), root, {
      stdout: `${shownOut}/ is up to date (${counts}) in ${seconds(performance.now() - started)}\n`,
    });
    return finish(EXIT.ok);
  }

  const previous = dags.length === 0 && !options.allowEmpty ? previousDagCount(outDir) : 0;
  if (previous > 0) {
    // Deleting every deployed DAG takes an explicit flag: a typo in srcDir must not do it.
    const srcDir = path.relative(root, result.config.srcDir).split(path.sep).join("/");
    const refused = diagnose("DW011", { srcDir, outDir: `${shownOut}/`, previous });
    const diagnostics = [...result.diagnostics, refused];
    printReport(options.format, { ...report(false), diagnostics, summary: summarize(diagnostics, 0, 0) }, root, {});
    return finish(EXIT.userErrors, 1);
  }
  const written = writeOutput(outDir, result.files);
  if (written.foreign.length === 0) await remember(keyParts, result, options);
  const detail = written.changed.length + written.removed.length === 0 ? "no changes" : `${written.changed.length} written, ${written.removed.length} removed`;
  printReport(options.format, report(true, { output: prefixed(written, shownOut) }), root, {
    stderr: written.foreign.map((file) => `warning: ${shownOut}/${file} was not written by dagwright; left as it is\n`).join(""),
    stdout: `compiled ${counts} for Airflow ${result.project.airflow} in ${seconds(performance.now() - started)} (${shownOut}/: ${detail})\n`,
  });
  return finish(EXIT.ok);
}

/** Remember a compile whose output folder now holds exactly its files, when what it read may be trusted later. */
async function remember(keyParts: CompileKeyParts, result: CompileResult, options: CompileOptions): Promise<void> {
  if (!options.cache || !result.inputs || !result.config || !result.project || !result.files) return;
  const [{ rememberCompile }, { contentHash }] = await Promise.all([import("../load/output-cache.js"), import("../emit/files.js")]);
  rememberCompile(keyParts, {
    airflow: result.project.airflow,
    dags: result.project.dags.length,
    tasks: result.project.dags.reduce((sum, dag) => sum + dag.tasks.length, 0),
    outDir: result.config.outDir,
    srcDir: result.config.srcDir,
    diagnostics: result.diagnostics,
    checker: result.checker ? { version: result.checker.version, source: result.checker.source } : null,
    modules: result.modules ?? [],
    ...(result.config.rules.files.length ? { rules: result.config.rules.files } : {}),
    inputs: result.inputs,
    ...(result.config.templatesDir ? { templatesDir: result.config.templatesDir } : {}),
    outputs: result.files.map((file) => ({ path: file.path, sha256: contentHash(file) })).sort((a, b) => compareText(a.path, b.path)),
  });
}

/** Report a compile that had nothing to do, as the remembered one reported itself. */
function reportRemembered(remembered: RememberedCompile, options: CompileOptions, root: string, started: number): CompileOutcome {
  const summary = summarize(remembered.diagnostics, remembered.dags, remembered.tasks);
  const counts = `${summary.dags} DAG${summary.dags === 1 ? "" : "s"}, ${summary.tasks} task${summary.tasks === 1 ? "" : "s"}`;
  const report = (ok: boolean, extra: Partial<Report> = {}): Report => ({ command: "compile", ok, summary, diagnostics: remembered.diagnostics, ...extra });
  const finish = (exitCode: number): CompileOutcome => ({ exitCode, errors: 0, outDir: remembered.outDir });
  if (options.verbose) {
    const checked = remembered.checker ? `, type-checked by TypeScript ${remembered.checker.version} (${remembered.checker.source === "project" ? "the project's" : "bundled"})` : "";
    process.stderr.write(`up to date: nothing the last compile read has changed${checked}; type-check, evaluation and emit skipped\n`);
  }
  if (tooManyWarnings(summary.warnings, options)) {
    printReport(options.format, report(false), root, { stderr: `${warningLimit(summary.warnings, options)}; nothing written\n` });
    return finish(EXIT.userErrors);
  }
  const shownOut = path.relative(root, remembered.outDir).split(path.sep).join("/") || ".";
  const took = seconds(performance.now() - started);
  if (options.check) {
    printReport(options.format, report(true, { output: prefixed({ stale: [], missing: [], extra: [], foreign: [] }, shownOut) }), root, {
      stdout: `${shownOut}/ is up to date (${counts}) in ${took}\n`,
    });
  } else {
    printReport(options.format, report(true, { output: prefixed({ changed: [], removed: [], foreign: [] }, shownOut) }), root, {
      stdout: `compiled ${counts} for Airflow ${remembered.airflow} in ${took} (${shownOut}/: no changes)\n`,
    });
  }
  return finish(EXIT.ok);
}

/** One DW008 per file that `--check` finds out of date, so every format can report it. */
function staleDiagnostics(status: OutputStatus, shownOut: string): Diagnostic[] {
  const entries: Array<[string[], "stale" | "missing" | "extra"]> = [
    [status.stale, "stale"],
    [status.missing, "missing"],
    [status.extra, "extra"],
  ];
  return entries.flatMap(([files, state]) =>
    files.map((file) => diagnose("DW008", { file: `${shownOut}/${file}`, state }, { file: `${shownOut}/${file}`, line: 1, column: 1 })),
  );
}

function prefixed<T extends object>(lists: T, shownOut: string): Record<string, string[]> {
  return Object.fromEntries(Object.entries(lists).map(([key, files]) => [key, (files as string[]).map((file) => `${shownOut}/${file}`)]));
}
