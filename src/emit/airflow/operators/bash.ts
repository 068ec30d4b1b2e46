/** BashOperator, mapped over commands or environments with partial().expand(). */
import { literal } from "../../python/expr.js";
import { optionalLiteral } from "../context.js";
import { kw } from "../keywords.js";
import { outputOf } from "./lazy-call.js";
import type { OperatorEmitter } from "./types.js";

/** Airflow reads a bash_command ending in .sh or .bash as a template file; a trailing space keeps it a command. */
export function bashCommand(command: string): string {
  return /\.(sh|bash)$/.test(command) ? command + " " : command;
}

export const bash: OperatorEmitter<"bash"> = {
  operator: () => "BashOperator",
  fields: {
    command: (t) => kw("bash_command", t.ir.config.expand?.command === undefined ? literal(bashCommand(t.ir.config.command)) : undefined),
    env: ({ ir: { config } }) => [
      ...kw("env", config.env === undefined || config.expand?.env !== undefined ? undefined : literal(config.env)),
    ],
    // Without append_env, Airflow would replace the worker's whole environment with `env`: dagwright adds to it unless told not to.
    appendEnv: ({ ir: { config } }) =>
      kw("append_env", config.appendEnv !== undefined ? literal(config.appendEnv) : config.env === undefined && config.expand?.env === undefined ? undefined : literal(true)),
    cwd: (t) => kw("cwd", optionalLiteral(t.ir.config.cwd)),
    expand: ({ ir: { config } }, context) => {
      const commands = config.expand?.command;
      return [
        ...kw(
          "bash_command",
          commands === undefined ? undefined : Array.isArray(commands) ? literal(commands.map(bashCommand)) : outputOf(commands, context),
          true,
        ),
        ...kw("env", config.expand?.env === undefined ? undefined : literal(config.expand.env), true),
      ];
    },
  },
};
