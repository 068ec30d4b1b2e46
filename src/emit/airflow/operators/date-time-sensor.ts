/** DateTimeSensor: a moment, Jinja allowed. */
import { literal } from "../../python/expr.js";
import { kw } from "../keywords.js";
import { sensorClass, sensorKeywords } from "./sensor.js";
import type { OperatorEmitter } from "./types.js";

export const dateTimeSensor: OperatorEmitter<"date_time_sensor"> = {
  operator: (t, c) => sensorClass(t, c.capabilities, "DateTimeSensor"),
  fields: {
    targetTime: (t) => kw("target_time", literal(t.ir.config.targetTime)),
    ...sensorKeywords(),
  },
};
