/** BashSensor: a command whose exit 0 ends the wait. */
import { literal } from "../../python/expr.js";
import { optionalLiteral } from "../context.js";
import { kw } from "../keywords.js";
import { sensorKeywords } from "./sensor.js";
import type { OperatorEmitter } from "./types.js";

export const bashSensor: OperatorEmitter<"bash_sensor"> = {
  operator: () => "BashSensor",
  fields: {
    command: (t) => kw("bash_command", literal(t.ir.config.command)),
    env: (t) => kw("env", t.ir.config.env && literal(t.ir.config.env)),
    outputEncoding: (t) => kw("output_encoding", optionalLiteral(t.ir.config.outputEncoding)),
    retryExitCode: (t) => kw("retry_exit_code", optionalLiteral(t.ir.config.retryExitCode)),
    ...sensorKeywords(),
  },
};
