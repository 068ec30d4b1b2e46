/** DayOfWeekSensor: days of the week by name. */
import { literal } from "../../python/expr.js";
import { optionalLiteral } from "../context.js";
import { kw } from "../keywords.js";
import { sensorKeywords } from "./sensor.js";
import type { OperatorEmitter } from "./types.js";

export const dayOfWeekSensor: OperatorEmitter<"day_of_week_sensor"> = {
  operator: () => "DayOfWeekSensor",
  fields: {
    weekDay: (t) => kw("week_day", literal(t.ir.config.weekDay)),
    useTaskLogicalDate: (t) => kw("use_task_logical_date", optionalLiteral(t.ir.config.useTaskLogicalDate)),
    ...sensorKeywords(),
  },
};
