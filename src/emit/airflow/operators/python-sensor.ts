/** PythonSensor through the lazy `_Callable` helper. */
import { literal } from "../../python/expr.js";
import { elsewhere, kw } from "../keywords.js";
import { callableKeywords } from "./lazy-call.js";
import { sensorKeywords } from "./sensor.js";
import type { OperatorEmitter } from "./types.js";

export const pythonSensor: OperatorEmitter<"python_sensor"> = {
  operator: () => "PythonSensor",
  helpers: ["python_callable"],
  fields: {
    callable: ({ ir: { config } }, context) => callableKeywords(config.callable, config.kwargs, context),
    kwargs: elsewhere("op_kwargs, written with the callable"),
    templatesDict: (t) => kw("templates_dict", t.ir.config.templatesDict && literal(t.ir.config.templatesDict)),
    ...sensorKeywords(),
  },
};
