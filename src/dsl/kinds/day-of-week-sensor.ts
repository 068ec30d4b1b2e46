/** `d.dayOfWeekSensor`: the days, and how it waits. */
import type { FieldsOf } from "../../ir/kinds/index.js";
import type { DayOfWeekSensorOptions } from "../types.js";
import type { Complete, Conforms } from "../conformance.js";
import { SENSOR_KEYS, sensorConfig } from "./sensor.js";
import { defined, type KindBuilder, type OwnOptions } from "./types.js";
import { weekDays } from "./weekday.js";

type Own = OwnOptions<DayOfWeekSensorOptions>;
const KEYS = ["weekDay", "useTaskLogicalDate", ...SENSOR_KEYS] as const;
const complete: Complete<(typeof KEYS)[number], Own> = true;
const conforms: Conforms<Own, FieldsOf<"day_of_week_sensor">> = true;
void complete, conforms;

export const dayOfWeekSensor: KindBuilder<"day_of_week_sensor", Own> = {
  keys: KEYS,
  config: (own) => ({
    config: { kind: "day_of_week_sensor", weekDay: weekDays(own.weekDay), ...defined({ useTaskLogicalDate: own.useTaskLogicalDate }), ...sensorConfig(own) },
  }),
};
