/** TriggerDagRunOperator: a run of another DAG. */
import { durationSeconds } from "../../../values/duration.js";
import { code, literal } from "../../python/expr.js";
import { optionalLiteral } from "../context.js";
import { elsewhere, kw } from "../keywords.js";
import type { OperatorEmitter } from "./types.js";

export const triggerDag: OperatorEmitter<"trigger_dag"> = {
  operator: () => "TriggerDagRunOperator",
  fields: {
    targetDag: (t) => kw("trigger_dag_id", literal(t.ir.config.targetDag)),
    conf: (t) => kw("conf", t.ir.config.conf === undefined ? undefined : literal(t.ir.config.conf)),
    waitForCompletion: (t) => kw("wait_for_completion", optionalLiteral(t.ir.config.waitForCompletion)),
    // The operator takes the poke interval in seconds, not as a timedelta.
    pokeInterval: (t) => kw("poke_interval", t.ir.config.pokeInterval === undefined ? undefined : code(String(durationSeconds(t.ir.config.pokeInterval)))),
    external: elsewhere("tells validation the DAG is outside the project; Airflow needs only its id"),
  },
};
