/** TimeSensor: a time of day (TimeSensorAsync when deferred on Airflow 2). */
import { kw } from "../keywords.js";
import { sensorClass, sensorKeywords } from "./sensor.js";
import { timeOfDay } from "./time-of-day.js";
import type { OperatorEmitter } from "./types.js";

export const timeSensor: OperatorEmitter<"time_sensor"> = {
  operator: (t, c) => sensorClass(t, c.capabilities, "TimeSensor"),
  fields: {
    targetTime: (t, c) => kw("target_time", timeOfDay(t.ir.config.targetTime, c)),
    ...sensorKeywords(),
  },
};
