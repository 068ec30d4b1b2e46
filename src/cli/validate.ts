import type { Command } from "commander";
import { compileProject } from "../compiler.js";
import { hasErrors } from "../ir/diagnostic.js";
import type { AirflowTarget } from "../ir/schema.js";
import { EXIT, printDiagnostics, projectRoot, seconds, type CommonOptions } from "./context.js";
import { airflowOption } from "./options.js";

interface ValidateOptions extends CommonOptions {
  airflow?: AirflowTarget;
}

export function registerValidate(program: Command): void {
  program
    .command("validate")
    .description("Check the DAG modules and report problems; writes nothing")
    .addOption(airflowOption())
    .option("-C, --root <dir>", "the project folder, holding dagwright.config.ts", ".")
    .addHelpText("after", "\nExit codes: 0 no errors (warnings allowed), 1 errors found, 2 bad usage.")
    .action(async (options: ValidateOptions) => {
      const started = performance.now();
      const root = projectRoot(options);
      const result = await compileProject(root, { ...(options.airflow ? { airflow: options.airflow } : {}), emit: false });
      printDiagnostics(result.diagnostics, root);
      if (hasErrors(result.diagnostics) || !result.project) {
        process.exitCode = EXIT.userErrors;
        return;
      }
      const dags = result.project.dags;
      const tasks = dags.reduce((sum, dag) => sum + dag.tasks.length, 0);
      process.stdout.write(`${dags.length} DAGs, ${tasks} tasks: no errors (${seconds(performance.now() - started)})\n`);
    });
}
