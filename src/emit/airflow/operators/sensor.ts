/** What every sensor writes: how it waits. */
import type { SensorKind } from "../../../ir/kinds/index.js";
import type { SENSOR_FIELDS } from "../../../ir/kinds/sensor.js";
import type { ResolvedTaskOf } from "../../../ir/resolved.js";
import { optionalLiteral, optionalTimedelta } from "../context.js";
import { kw, type KeywordTable } from "../keywords.js";

export function sensorKeywords(): KeywordTable<ResolvedTaskOf<SensorKind>, (typeof SENSOR_FIELDS)[number]> {
  return {
    mode: (t) => kw("mode", optionalLiteral(t.ir.config.mode)),
    deferrable: (t) => kw("deferrable", optionalLiteral(t.ir.config.deferrable)),
    pokeInterval: (t, c) => kw("poke_interval", optionalTimedelta(t.ir.config.pokeInterval, c)),
    timeout: (t, c) => kw("timeout", optionalTimedelta(t.ir.config.timeout, c)),
    softFail: (t) => kw("soft_fail", optionalLiteral(t.ir.config.softFail)),
  };
}
