/** ExternalTaskSensor: a task, or a whole run, of another DAG. */
import { literal } from "../../python/expr.js";
import { optionalLiteral, optionalTimedelta } from "../context.js";
import { elsewhere, kw } from "../keywords.js";
import { sensorKeywords } from "./sensor.js";
import type { OperatorEmitter } from "./types.js";

export const externalTaskSensor: OperatorEmitter<"external_task_sensor"> = {
  operator: () => "ExternalTaskSensor",
  fields: {
    externalDag: (t) => kw("external_dag_id", literal(t.ir.config.externalDag)),
    externalTask: (t) => kw("external_task_id", optionalLiteral(t.ir.config.externalTask)),
    executionDelta: (t, c) => kw("execution_delta", optionalTimedelta(t.ir.config.executionDelta, c)),
    externalTaskGroup: (t) => kw("external_task_group_id", optionalLiteral(t.ir.config.externalTaskGroup)),
    allowedStates: (t) => kw("allowed_states", optionalLiteral(t.ir.config.allowedStates)),
    failedStates: (t) => kw("failed_states", optionalLiteral(t.ir.config.failedStates)),
    skippedStates: (t) => kw("skipped_states", optionalLiteral(t.ir.config.skippedStates)),
    external: elsewhere("tells validation the DAG is outside the project; Airflow needs only its id"),
    ...sensorKeywords(),
  },
};
