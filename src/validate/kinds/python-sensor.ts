/** DW165: a Python sensor's callable, whether it can defer, and the warning its module raises on some lines. */
import { diagnose } from "../../diagnostics/index.js";
import { checkCallable } from "../callables.js";
import { about, type KindRule } from "../context.js";
import { checkSensor } from "./sensor.js";

export const checkPythonSensor: KindRule<"python_sensor"> = (task, context) => {
  const warning = context.capabilities.importWarnings.PythonSensor;
  return [
    ...checkCallable(about(task), task.ir.config.callable, task.ir.location),
    ...checkSensor(task, context),
    ...(warning ? [diagnose("DW165", { ...about(task), operator: "PythonSensor", airflow: context.capabilities.target, warning }, task.ir.location)] : []),
  ];
};
