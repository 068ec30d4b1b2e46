/** A Python sensor: its callable, whether it can defer, and the warning its module raises on some lines. */
import { checkCallable } from "../callables.js";
import { about, type KindRule } from "../context.js";
import { checkImportWarning } from "./import-warning.js";
import { checkSensor } from "./sensor.js";

export const checkPythonSensor: KindRule<"python_sensor"> = (task, context) => [
  ...checkCallable(about(task), task.ir.config.callable, task.ir.location),
  ...checkSensor(task, context),
  ...checkImportWarning(task, "PythonSensor", context),
];
