/** A time delta sensor: whether it can defer on the target. */
import type { KindRule } from "../context.js";
import { checkSensor } from "./sensor.js";

export const checkTimeDeltaSensor: KindRule<"time_delta_sensor"> = (task, context) => checkSensor(task, context);
