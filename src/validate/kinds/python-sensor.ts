/** A Python sensor: its callable, and whether it can defer. */
import { checkCallable } from "../callables.js";
import { about, type KindRule } from "../context.js";
import { checkSensor } from "./sensor.js";

export const checkPythonSensor: KindRule<"python_sensor"> = (task, context) => [
  ...checkCallable(about(task), task.ir.config.callable, task.ir.location),
  ...checkSensor(task, context),
];
