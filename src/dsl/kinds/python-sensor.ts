/** `d.pythonSensor`: the callable, its keyword arguments, and how it waits. */
import { callableText } from "../bindings.js";
import type { JsonValue } from "../../ir/common.js";
import type { FieldsOf } from "../../ir/kinds/index.js";
import type { PythonSensorOptions } from "../types.js";
import type { Complete, Conforms } from "../conformance.js";
import { SENSOR_KEYS, sensorConfig } from "./sensor.js";
import { copy, defined, type KindBuilder, type OwnOptions } from "./types.js";

type Own = OwnOptions<PythonSensorOptions>;
const KEYS = ["callable", "kwargs", "templatesDict", ...SENSOR_KEYS] as const;
const complete: Complete<(typeof KEYS)[number], Own> = true;
const conforms: Conforms<Own, FieldsOf<"python_sensor">> = true;
void complete, conforms;

export const pythonSensor: KindBuilder<"python_sensor", Own> = {
  keys: KEYS,
  config: (own) => ({
    config: {
      kind: "python_sensor",
      callable: callableText(own.callable),
      ...defined({
        kwargs: own.kwargs && (copy(own.kwargs) as Record<string, JsonValue>),
        templatesDict: own.templatesDict && (copy(own.templatesDict) as Record<string, JsonValue>),
      }),
      ...sensorConfig(own),
    },
  }),
};
