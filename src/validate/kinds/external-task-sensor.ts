/** DW122, DW162: the DAG and task an external task sensor waits for, its states, and whether it can defer. */
import { diagnose, type Diagnostic } from "../../diagnostics/index.js";
import { about, type KindRule } from "../context.js";
import { checkOtherDag } from "./other-dag.js";
import { checkSensor } from "./sensor.js";

/** What a DAG run's state can be (Airflow's DagRunState). */
const RUN_STATES: ReadonlySet<string> = new Set(["success", "failed", "running", "queued"]);

export const checkExternalTaskSensor: KindRule<"external_task_sensor"> = (task, context) => {
  const { config } = task.ir;
  const diagnostics: Diagnostic[] = [];
  if (config.externalTask !== undefined && config.externalTaskGroup !== undefined) {
    diagnostics.push(diagnose("DW162", { ...about(task), problem: "taskAndGroup" }, task.ir.location));
  }
  const lists = [config.allowedStates, config.failedStates, config.skippedStates].map((states) => new Set(states ?? []));
  const duplicate = [...new Set(lists.flatMap((states) => [...states]))].filter((state) => lists.filter((states) => states.has(state)).length > 1);
  if (duplicate.length) diagnostics.push(diagnose("DW162", { ...about(task), problem: "duplicate", states: duplicate }, task.ir.location));
  if (config.externalTask === undefined && config.externalTaskGroup === undefined) {
    const notRun = [...new Set(lists.flatMap((states) => [...states]))].filter((state) => !RUN_STATES.has(state));
    if (notRun.length) diagnostics.push(diagnose("DW162", { ...about(task), problem: "runStates", states: notRun }, task.ir.location));
  }
  return [
    ...checkOtherDag(
      task,
      { dag: config.externalDag, ...(config.externalTask === undefined ? {} : { task: config.externalTask }), ...(config.external ? { external: true } : {}), verb: "waits for" },
      context,
    ),
    ...diagnostics,
    ...checkSensor(task, context),
  ];
};
