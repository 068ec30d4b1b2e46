/** An external task sensor: the DAG and task it waits for, and whether it can defer. */
import type { KindRule } from "../context.js";
import { checkOtherDag } from "./other-dag.js";
import { checkSensor } from "./sensor.js";

export const checkExternalTaskSensor: KindRule<"external_task_sensor"> = (task, context) => {
  const { config } = task.ir;
  return [
    ...checkOtherDag(
      task,
      { dag: config.externalDag, ...(config.externalTask === undefined ? {} : { task: config.externalTask }), ...(config.external ? { external: true } : {}), verb: "waits for" },
      context,
    ),
    ...checkSensor(task, context),
  ];
};
