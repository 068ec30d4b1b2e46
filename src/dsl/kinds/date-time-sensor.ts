/** `d.dateTimeSensor`: its own fields and how it waits. */
import type { FieldsOf } from "../../ir/kinds/index.js";
import type { DateTimeSensorOptions } from "../types.js";
import type { Complete, Conforms } from "../conformance.js";
import { SENSOR_KEYS, sensorConfig } from "./sensor.js";
import { defined, type KindBuilder, type OwnOptions } from "./types.js";

type Own = OwnOptions<DateTimeSensorOptions>;
const KEYS = ["targetTime", ...SENSOR_KEYS] as const;
const complete: Complete<(typeof KEYS)[number], Own> = true;
const conforms: Conforms<Own, FieldsOf<"date_time_sensor">> = true;
void complete, conforms;

export const dateTimeSensor: KindBuilder<"date_time_sensor", Own> = {
  keys: KEYS,
  config: (own) => ({ config: { kind: "date_time_sensor", targetTime: own.targetTime, ...sensorConfig(own) } }),
};
