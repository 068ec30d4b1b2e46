/** ShortCircuitOperator through the lazy `_call` helper. */
import { optionalLiteral } from "../context.js";
import { elsewhere, kw } from "../keywords.js";
import { callableKeywords } from "./lazy-call.js";
import type { OperatorEmitter } from "./types.js";

export const shortCircuit: OperatorEmitter<"short_circuit"> = {
  operator: () => "ShortCircuitOperator",
  helpers: ["python_callable"],
  fields: {
    callable: ({ ir: { config } }, context) => callableKeywords(config.callable, config.kwargs, context),
    kwargs: elsewhere("op_kwargs, written with the callable"),
    ignoreDownstreamTriggerRules: (t) => kw("ignore_downstream_trigger_rules", optionalLiteral(t.ir.config.ignoreDownstreamTriggerRules)),
  },
};
