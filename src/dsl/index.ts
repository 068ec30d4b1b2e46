/**
 * dagwright's authoring API: what DAG modules import as `from "dagwright"`.
 */
export { dag, DagContext, GroupHandle, TaskHandle, TaskList } from "./dag.js";
export type { EdgeOptions, Linkable, Next } from "./dag.js";
export { defineConfig } from "./config.js";
export type { AirflowVersion, DagwrightConfig } from "./config.js";
export { asset, assetAlias, external, metric, model, param } from "./params.js";
export { py } from "./py.js";
export { pythonFunction } from "./bindings.js";
export { defineRule } from "./rules.js";
export type { Rule, RuleDag, RuleFinding, RuleProject, RuleSparkJob, RuleTask } from "./rules.js";
export type { OperatorArg, PyValue, TimedeltaParts, TimeZone } from "./py.js";
export type * from "./types.js";
