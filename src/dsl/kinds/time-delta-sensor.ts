/** `d.timeDeltaSensor`: its own fields and how it waits. */
import type { FieldsOf } from "../../ir/kinds/index.js";
import type { TimeDeltaSensorOptions } from "../types.js";
import type { Complete, Conforms } from "../conformance.js";
import { SENSOR_KEYS, sensorConfig } from "./sensor.js";
import { defined, type KindBuilder, type OwnOptions } from "./types.js";

type Own = OwnOptions<TimeDeltaSensorOptions>;
const KEYS = ["delta", ...SENSOR_KEYS] as const;
const complete: Complete<(typeof KEYS)[number], Own> = true;
const conforms: Conforms<Own, FieldsOf<"time_delta_sensor">> = true;
void complete, conforms;

export const timeDeltaSensor: KindBuilder<"time_delta_sensor", Own> = {
  keys: KEYS,
  config: (own) => ({ config: { kind: "time_delta_sensor", delta: own.delta, ...sensorConfig(own) } }),
};
