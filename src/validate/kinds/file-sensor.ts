/** A file sensor: whether it can defer on the target. */
import type { KindRule } from "../context.js";
import { checkSensor } from "./sensor.js";

export const checkFileSensor: KindRule<"file_sensor"> = (task, context) => checkSensor(task, context);
