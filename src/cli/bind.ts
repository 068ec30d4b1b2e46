/** `dagwright bind`: write the typed bindings of the project's Python, without compiling. */
import path from "node:path";
import type { Command } from "commander";
import { hasErrors, isDiagnostic, type Diagnostic } from "../diagnostics/index.js";
import { EXIT, printReport, projectRoot, seconds, type CommonOptions } from "./context.js";
import { summarize } from "./formats.js";
import { addReportingOptions, rootOption, type ReportingOptions } from "./options.js";

interface BindOptions extends CommonOptions, ReportingOptions {
  check?: boolean;
}

export function registerBind(program: Command): void {
  const command = program
    .command("bind")
    .description("Read the project's Python (python.roots, default python/) without running it and write typed bindings of its functions to <srcDir>/.python/")
    .option("--check", "write nothing; exit 1 if the bindings on disk are not what bind would write")
    .addOption(rootOption());
  addReportingOptions(command)
    .addHelpText(
      "after",
      "\nOne module per Python package: dags-src/.python/churn.ts exports `churn`, and index.ts all of them, so a DAG module writes" +
        '\n  import * as py from "./.python/index.js";' +
        "\n  d.python(\"train\", { callable: py.churn.train.train_model, kwargs: { run_dir, epochs: 10 } });" +
        "\nand TypeScript checks the kwargs against the function's signature and types the task's .output from its return annotation." +
        "\n`dagwright compile` refreshes the bindings before it type-checks; `compile --check` fails while they are stale." +
        "\nThe Python is parsed by the interpreter python.interpreter names (default python3 on PATH), with its standard library's ast; nothing is imported." +
        "\nExit codes: 0 success, 1 errors in the project (or stale bindings with --check), 2 bad usage.",
    )
    .action(async (options: BindOptions) => {
      process.exitCode = await runBind(options);
    });
}

async function runBind(options: BindOptions): Promise<number> {
  const started = performance.now();
  const root = projectRoot(options);
  const [{ loadConfig }, { inspectPython }, { bindingsStatus }] = await Promise.all([import("../load/index.js"), import("../python/inspect.js"), import("../python/bindings.js")]);
  const config = await loadConfig(root);
  const fail = (diagnostics: Diagnostic[]) => {
    printReport(options.format, { command: "bind", ok: false, summary: summarize(diagnostics, 0, 0), diagnostics }, root, {});
    return EXIT.userErrors;
  };
  if (isDiagnostic(config)) return fail([config]);
  if (config.python.roots.length === 0) {
    printReport(options.format, { command: "bind", ok: true, summary: summarize([], 0, 0), diagnostics: [] }, root, { stdout: "no Python to bind: the project has no python/ folder and its config names no python.roots\n" });
    return EXIT.ok;
  }
  const read = inspectPython(root, config.python);
  if (!read.index || hasErrors(read.diagnostics)) return fail(read.diagnostics);
  const status = bindingsStatus(root, config, read.index, options.check ? "check" : "write");
  const diagnostics = [...read.diagnostics, ...status.diagnostics];
  const shown = path.relative(root, config.python.bindingsDir).split(path.sep).join("/");
  const functions = status.files.reduce((sum, file) => sum + (file.contents.match(/: pythonFunction</g)?.length ?? 0), 0);
  const ok = !hasErrors(diagnostics);
  const what = options.check
    ? ok
      ? `${shown}/: ${status.files.length} binding files up to date`
      : undefined
    : `bound ${functions} function${functions === 1 ? "" : "s"} of ${read.index.modules.length} Python module${read.index.modules.length === 1 ? "" : "s"} into ${shown}/ (${status.written.length} written, ${status.removed.length} removed)`;
  printReport(options.format, { command: "bind", ok, summary: summarize(diagnostics, 0, 0), diagnostics }, root, what ? { stdout: `${what} in ${seconds(performance.now() - started)}\n` } : {});
  return ok ? EXIT.ok : EXIT.userErrors;
}
