/** DW163: a bash sensor's retry exit code is an exit code; and whether it can defer. */
import { diagnose } from "../../diagnostics/index.js";
import { about, type KindRule } from "../context.js";
import { checkSensor } from "./sensor.js";

export const checkBashSensor: KindRule<"bash_sensor"> = (task, context) => {
  const code = task.ir.config.retryExitCode;
  const bad = code !== undefined && !(Number.isInteger(code) && code >= 0 && code <= 255);
  return [...(bad ? [diagnose("DW163", { ...about(task), option: "retryExitCode", value: code }, task.ir.location)] : []), ...checkSensor(task, context)];
};
