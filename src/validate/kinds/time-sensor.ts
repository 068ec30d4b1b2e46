/** A time sensor: its time of day, and whether it can defer. */
import type { KindRule } from "../context.js";
import { checkSensor } from "./sensor.js";
import { checkTimeOfDay } from "./time-of-day.js";

export const checkTimeSensor: KindRule<"time_sensor"> = (task, context) => [...checkTimeOfDay(task, "targetTime", task.ir.config.targetTime), ...checkSensor(task, context)];
