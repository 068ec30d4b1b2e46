/** DW122, DW163: the DAG and task a marker clears exist, and its recursion depth is positive. */
import { diagnose } from "../../diagnostics/index.js";
import { about, type KindRule } from "../context.js";
import { checkOtherDag } from "./other-dag.js";

export const checkExternalTaskMarker: KindRule<"external_task_marker"> = (task, context) => {
  const { config } = task.ir;
  const depth = config.recursionDepth;
  return [
    ...checkOtherDag(task, { dag: config.externalDag, task: config.externalTask, ...(config.external ? { external: true } : {}), verb: "clears" }, context),
    ...(depth !== undefined && !(Number.isInteger(depth) && depth > 0) ? [diagnose("DW163", { ...about(task), option: "recursionDepth", value: depth }, task.ir.location)] : []),
  ];
};
