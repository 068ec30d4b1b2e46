/** `d.bashSensor`: the command, its environment, and how it waits. */
import type { FieldsOf } from "../../ir/kinds/index.js";
import type { BashSensorOptions } from "../types.js";
import type { Complete, Conforms } from "../conformance.js";
import { SENSOR_KEYS, sensorConfig } from "./sensor.js";
import { copy, defined, type KindBuilder, type OwnOptions } from "./types.js";

type Own = OwnOptions<BashSensorOptions>;
const KEYS = ["command", "env", "outputEncoding", "retryExitCode", ...SENSOR_KEYS] as const;
const complete: Complete<(typeof KEYS)[number], Own> = true;
const conforms: Conforms<Own, FieldsOf<"bash_sensor">> = true;
void complete, conforms;

export const bashSensor: KindBuilder<"bash_sensor", Own> = {
  keys: KEYS,
  config: (own) => ({
    config: {
      kind: "bash_sensor",
      command: own.command,
      ...defined({ env: own.env && copy(own.env), outputEncoding: own.outputEncoding, retryExitCode: own.retryExitCode }),
      ...sensorConfig(own),
    },
  }),
};
