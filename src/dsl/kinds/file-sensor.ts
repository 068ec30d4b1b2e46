/** `d.fileSensor`: its own fields and how it waits. */
import type { FieldsOf } from "../../ir/kinds/index.js";
import type { FileSensorOptions } from "../types.js";
import type { Complete, Conforms } from "../conformance.js";
import { SENSOR_KEYS, sensorConfig } from "./sensor.js";
import { defined, type KindBuilder, type OwnOptions } from "./types.js";

type Own = OwnOptions<FileSensorOptions>;
const KEYS = ["filepath", "fsConnId", "recursive", ...SENSOR_KEYS] as const;
const complete: Complete<(typeof KEYS)[number], Own> = true;
const conforms: Conforms<Own, FieldsOf<"file_sensor">> = true;
void complete, conforms;

export const fileSensor: KindBuilder<"file_sensor", Own> = {
  keys: KEYS,
  config: (own) => ({ config: { kind: "file_sensor", filepath: own.filepath, ...defined({ fsConnId: own.fsConnId, recursive: own.recursive }), ...sensorConfig(own) } }),
};
