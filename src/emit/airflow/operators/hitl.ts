/** The human-in-the-loop operators (Airflow 3.1+), by variant. */
import { literal } from "../../python/expr.js";
import { optionalLiteral, optionalTimedelta } from "../context.js";
import { elsewhere, kw } from "../keywords.js";
import { HITL_OPERATORS } from "../../../capabilities/index.js";
import type { OperatorEmitter } from "./types.js";

export const hitl: OperatorEmitter<"hitl"> = {
  operator: (t) => HITL_OPERATORS[t.ir.config.variant],
  fields: {
    variant: elsewhere("the operator class"),
    subject: (t) => kw("subject", literal(t.ir.config.subject)),
    body: (t) => kw("body", optionalLiteral(t.ir.config.body)),
    // ApprovalOperator's are fixed ("Approve", "Reject"); validation refuses options there (DW166).
    options: (t) => kw("options", optionalLiteral(t.ir.config.options)),
    optionsMapping: (t) => kw("options_mapping", t.ir.config.optionsMapping && literal(t.ir.config.optionsMapping)),
    defaults: (t) => kw("defaults", optionalLiteral(t.ir.config.defaults)),
    multiple: (t) => kw("multiple", optionalLiteral(t.ir.config.multiple)),
    params: (t) => kw("params", t.ir.config.params && literal(t.ir.config.params)),
    responseTimeout: (t, c) => kw("response_timeout", optionalTimedelta(t.ir.config.responseTimeout, c)),
    ignoreDownstreamTriggerRules: (t) => kw("ignore_downstream_trigger_rules", optionalLiteral(t.ir.config.ignoreDownstreamTriggerRules)),
    failOnReject: (t) => kw("fail_on_reject", optionalLiteral(t.ir.config.failOnReject)),
  },
};
