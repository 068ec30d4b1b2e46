/** What every sensor builder shares: how it waits. */
import type { SensorOptions } from "../types.js";
import type { Complete } from "../conformance.js";
import { defined, type OwnOptions } from "./types.js";

type Own = OwnOptions<SensorOptions>;
export const SENSOR_KEYS = ["mode", "deferrable", "pokeInterval", "timeout", "softFail"] as const;
const complete: Complete<(typeof SENSOR_KEYS)[number], Own> = true;
void complete;

export function sensorConfig(options: Own): Own {
  return defined({ mode: options.mode, deferrable: options.deferrable, pokeInterval: options.pokeInterval, timeout: options.timeout, softFail: options.softFail });
}
