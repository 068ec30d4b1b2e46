/** ShortCircuitOperator through the lazy `_call` helper. */
import { code } from "../../python/expr.js";
import { optionalLiteral } from "../context.js";
import { elsewhere, kw } from "../keywords.js";
import { lazyKwargs } from "./lazy-call.js";
import type { OperatorEmitter } from "./types.js";

export const shortCircuit: OperatorEmitter<"short_circuit"> = {
  operator: () => "ShortCircuitOperator",
  helpers: ["call_python"],
  fields: {
    callable: ({ ir: { config } }, { names }) => [...kw("python_callable", code("_call")), ...kw("op_kwargs", lazyKwargs(config.callable, config.kwargs, undefined, names))],
    kwargs: elsewhere("inside op_kwargs, written with the callable"),
    ignoreDownstreamTriggerRules: (t) => kw("ignore_downstream_trigger_rules", optionalLiteral(t.ir.config.ignoreDownstreamTriggerRules)),
  },
};
