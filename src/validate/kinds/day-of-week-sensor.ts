/** A day-of-week sensor: whether it can defer (it cannot, on any line). */
import type { KindRule } from "../context.js";
import { checkSensor } from "./sensor.js";

export const checkDayOfWeekSensor: KindRule<"day_of_week_sensor"> = (task, context) => checkSensor(task, context);
