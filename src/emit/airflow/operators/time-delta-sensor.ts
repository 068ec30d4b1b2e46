/** TimeDeltaSensor: a time after the run's data interval. */
import { timedelta } from "../context.js";
import { kw } from "../keywords.js";
import { sensorClass, sensorKeywords } from "./sensor.js";
import type { OperatorEmitter } from "./types.js";

export const timeDeltaSensor: OperatorEmitter<"time_delta_sensor"> = {
  operator: (t, c) => sensorClass(t, c.capabilities, "TimeDeltaSensor"),
  fields: {
    delta: (t, c) => kw("delta", timedelta(t.ir.config.delta, c)),
    ...sensorKeywords(),
  },
};
