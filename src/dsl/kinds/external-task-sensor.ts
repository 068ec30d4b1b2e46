/** `d.externalTaskSensor`: the DAG (`dag`, kept as `externalDag`) and task (`task`, kept as `externalTask`) it waits for. */
import type { FieldsOf } from "../../ir/kinds/index.js";
import type { ExternalTaskSensorOptions } from "../types.js";
import type { Complete, Conforms } from "../conformance.js";
import { SENSOR_KEYS, sensorConfig } from "./sensor.js";
import { defined, type KindBuilder, type OwnOptions } from "./types.js";
import { isExternal } from "./other-dag.js";

type Own = OwnOptions<ExternalTaskSensorOptions>;
const KEYS = ["dag", "task", "executionDelta", "taskGroup", "allowedStates", "failedStates", "skippedStates", ...SENSOR_KEYS] as const;
const complete: Complete<(typeof KEYS)[number], Own> = true;
const RENAMES = { dag: "externalDag", task: "externalTask", taskGroup: "externalTaskGroup" } as const;
const conforms: Conforms<Own, FieldsOf<"external_task_sensor">, typeof RENAMES, "external"> = true;
void complete, conforms;

export const externalTaskSensor: KindBuilder<"external_task_sensor", Own> = {
  keys: KEYS,
  renames: RENAMES,
  config: (own) => ({
    config: {
      kind: "external_task_sensor",
      externalDag: own.dag?.id,
      ...defined({
        externalTask: own.task,
        executionDelta: own.executionDelta,
        externalTaskGroup: own.taskGroup,
        allowedStates: own.allowedStates && [...own.allowedStates],
        failedStates: own.failedStates && [...own.failedStates],
        skippedStates: own.skippedStates && [...own.skippedStates],
        external: isExternal(own.dag) || undefined,
      }),
      ...sensorConfig(own),
    },
  }),
};
