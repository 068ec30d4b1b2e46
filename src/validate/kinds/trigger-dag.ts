/** A DAG trigger: the DAG it starts. */
import type { KindRule } from "../context.js";
import { checkOtherDag } from "./other-dag.js";

export const checkTriggerDag: KindRule<"trigger_dag"> = (task, context) => {
  const { config } = task.ir;
  return checkOtherDag(task, { dag: config.targetDag, ...(config.external ? { external: true } : {}), verb: "triggers" }, context);
};
