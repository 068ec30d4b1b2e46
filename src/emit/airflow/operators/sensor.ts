/** What every sensor writes: how it waits, and which class defers on the target line. */
import type { Capabilities, PythonName } from "../../../capabilities/index.js";
import type { SensorKind } from "../../../ir/kinds/index.js";
import type { SENSOR_FIELDS } from "../../../ir/kinds/sensor.js";
import type { ResolvedTaskOf } from "../../../ir/resolved.js";
import { optionalLiteral, optionalTimedelta } from "../context.js";
import { kw, type KeywordTable } from "../keywords.js";

export function sensorKeywords(): KeywordTable<ResolvedTaskOf<SensorKind>, (typeof SENSOR_FIELDS)[number]> {
  return {
    mode: (t) => kw("mode", optionalLiteral(t.ir.config.mode)),
    // Only a class that takes the argument gets it; an async class defers by being chosen, and a
    // sensor that cannot defer is refused deferrable: true (DW123), so false is its behaviour.
    deferrable: (t, c) => (c.capabilities.deferrable[t.ir.config.kind] === "argument" ? kw("deferrable", optionalLiteral(t.ir.config.deferrable)) : []),
    pokeInterval: (t, c) => kw("poke_interval", optionalTimedelta(t.ir.config.pokeInterval, c)),
    timeout: (t, c) => kw("timeout", optionalTimedelta(t.ir.config.timeout, c)),
    softFail: (t) => kw("soft_fail", optionalLiteral(t.ir.config.softFail)),
  };
}

/** The sensor's class: its async variant when it defers and that is how the line defers. */
export function sensorClass(task: ResolvedTaskOf<SensorKind>, capabilities: Capabilities, plain: PythonName): PythonName {
  const deferral = capabilities.deferrable[task.ir.config.kind];
  return task.ir.config.deferrable && typeof deferral === "object" ? deferral.async : plain;
}

