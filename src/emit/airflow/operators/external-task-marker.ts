/** ExternalTaskMarker: the task of another DAG that clearing this one clears too. */
import { literal } from "../../python/expr.js";
import { optionalLiteral } from "../context.js";
import { elsewhere, kw } from "../keywords.js";
import type { OperatorEmitter } from "./types.js";

export const externalTaskMarker: OperatorEmitter<"external_task_marker"> = {
  operator: () => "ExternalTaskMarker",
  fields: {
    externalDag: (t) => kw("external_dag_id", literal(t.ir.config.externalDag)),
    externalTask: (t) => kw("external_task_id", literal(t.ir.config.externalTask)),
    external: elsewhere("tells validation the DAG is outside the project; Airflow needs only its id"),
    // Airflow 2 calls it execution_date, Airflow 3 logical_date.
    logicalDate: (t, c) => kw(c.capabilities.markerDateArgument, optionalLiteral(t.ir.config.logicalDate)),
    recursionDepth: (t) => kw("recursion_depth", optionalLiteral(t.ir.config.recursionDepth)),
  },
};
