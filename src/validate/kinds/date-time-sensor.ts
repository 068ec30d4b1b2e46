/** A date time sensor: whether it can defer on the target. */
import type { KindRule } from "../context.js";
import { checkSensor } from "./sensor.js";

export const checkDateTimeSensor: KindRule<"date_time_sensor"> = (task, context) => checkSensor(task, context);
