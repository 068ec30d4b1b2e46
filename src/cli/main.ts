/** The `dagwright` command line. */
import { Command, CommanderError } from "commander";
import { DAGWRIGHT_VERSION } from "../version.js";
import { registerBind } from "./bind.js";
import { registerCompile } from "./compile.js";
import { EXIT } from "./context.js";
import { registerDiff } from "./diff.js";
import { registerDocs } from "./docs.js";
import { registerDoctor } from "./doctor.js";
import { registerExplain } from "./explain.js";
import { registerGraph } from "./graph.js";
import { registerInit } from "./init.js";
import { registerLineage } from "./lineage.js";
import { registerList } from "./list.js";
import { registerRun } from "./run.js";
import { setColorFlag } from "./report.js";
import { registerValidate } from "./validate.js";

/** A reader that stopped reading (`dagwright list | head`) ends the command quietly, as Unix tools do. */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(process.exitCode ?? 0);
  });
}

export async function main(argv: readonly string[]): Promise<void> {
  quietOnClosedPipe(process.stdout);
  const program = new Command("dagwright")
    .description("Typed Airflow DAGs in TypeScript: check them like code, compile them to Airflow DAG files and a manifest.")
    .version(DAGWRIGHT_VERSION)
    .option("--color", "colour the output even when it is not a terminal (as FORCE_COLOR=1)")
    .option("--no-color", "never colour the output (as NO_COLOR=1)")
    .showHelpAfterError()
    .exitOverride()
    .hook("preAction", (command) => setColorFlag(command.opts<{ color?: boolean }>().color));
  registerCompile(program);
  registerValidate(program);
  registerBind(program);
  registerList(program);
  registerInit(program);
  registerExplain(program);
  registerLineage(program);
  registerGraph(program);
  registerDocs(program);
  registerDiff(program);
  registerRun(program);
  registerDoctor(program);
  for (const command of program.commands) command.exitOverride();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      const helpShown = error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help";
      process.exitCode = helpShown ? EXIT.ok : EXIT.usage;
      return;
    }
    internalError(error);
  }
}

/** A bug in dagwright, not in the user's project: say so plainly; the stack only on request. */
export function internalError(error: unknown): void {
  const detail = process.env.DAGWRIGHT_DEBUG ? `\n${(error as Error)?.stack ?? String(error)}` : "";
  process.stderr.write(
    `internal error: ${(error as Error)?.message ?? String(error)}\nthis is a bug in dagwright ${DAGWRIGHT_VERSION}; set DAGWRIGHT_DEBUG=1 for details${detail}\n`,
  );
  process.exitCode = EXIT.internal;
}
