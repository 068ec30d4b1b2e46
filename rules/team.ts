/**
 * This repository's team rules: what every DAG here is held to beyond what Airflow needs.
 * dagwright.config.ts lists this module under `rules`; compile and validate run each rule.
 */
import { defineRule } from "dagwright";

/** Whoever is paged needs to know whose DAG it is, and the UI's filters need a tag. */
export const ownedAndTagged = defineRule({
  code: "ACME001",
  description: "every DAG has an owner and at least one tag",
  hint: "set owner (on the DAG, or in the config's defaults) and tags on the DAG",
  check(project, report) {
    for (const dag of project.dags) {
      if (!dag.defaultArgs.owner) report({ dag, message: `DAG "${dag.id}" has no owner` });
      if (dag.tags.length === 0) report({ dag, message: `DAG "${dag.id}" has no tag`, option: "tags" });
    }
  },
});

const ML_STEPS = new Set(["features", "train", "evaluate", "predict", "publish"]);

/** A model's steps are expensive to rerun from the start after a flaky failure: each retries once at least. */
export const mlStepsRetry = defineRule({
  code: "ACME002",
  description: "ML pipeline steps (stage features, train, evaluate, predict or publish) retry at least once",
  severity: "warning",
  check(project, report) {
    for (const task of project.dags.flatMap((dag) => dag.tasks)) {
      if (task.stage !== undefined && ML_STEPS.has(task.stage) && (task.options.retries ?? 0) < 1) {
        report({ task, option: "retries", message: `${task.stage} step "${task.id}" of DAG "${task.dagId}" never retries`, hint: "give it retries: 1 or more, or say why not with suppress" });
      }
    }
  },
});

const MIB_PER_UNIT: Record<string, number> = { k: 1 / 1024, m: 1, g: 1024, t: 1024 * 1024 };

/** The cluster's nodes have 24 GiB: an executor asking for more than 16g never gets scheduled beside the daemons. */
export const executorsFit = defineRule({
  code: "ACME003",
  description: "Spark executors ask for at most 16g of memory",
  check(project, report) {
    for (const task of project.dags.flatMap((dag) => dag.tasks)) {
      const memory = task.spark?.job.executor.memory;
      const match = memory === undefined ? null : /^(\d+)([kmgt])$/i.exec(memory);
      if (match && Number(match[1]) * MIB_PER_UNIT[match[2]!.toLowerCase()]! > 16 * 1024) {
        report({ task, option: "executor.memory", message: `Spark task "${task.id}" of DAG "${task.dagId}" asks for ${memory} per executor, above 16g`, hint: "use a smaller executor and more of them" });
      }
    }
  },
});
