/** `d.timeSensor`: the time of day, and how it waits. */
import type { FieldsOf } from "../../ir/kinds/index.js";
import type { TimeSensorOptions } from "../types.js";
import type { Complete, Conforms } from "../conformance.js";
import { SENSOR_KEYS, sensorConfig } from "./sensor.js";
import type { KindBuilder, OwnOptions } from "./types.js";

type Own = OwnOptions<TimeSensorOptions>;
const KEYS = ["targetTime", ...SENSOR_KEYS] as const;
const complete: Complete<(typeof KEYS)[number], Own> = true;
const conforms: Conforms<Own, FieldsOf<"time_sensor">> = true;
void complete, conforms;

export const timeSensor: KindBuilder<"time_sensor", Own> = {
  keys: KEYS,
  config: (own) => ({ config: { kind: "time_sensor", targetTime: own.targetTime, ...sensorConfig(own) } }),
};
