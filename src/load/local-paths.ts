/**
 * Which local paths the Spark jobs name exist in the project: their application, pyFiles and
 * files, on the tasks, in the project's Spark defaults and in its profiles. A URL (a scheme such
 * as local://, s3a://, hdfs://), an absolute path or a Jinja template is not the project's and is
 * not looked at. Validation reports the missing ones (DW414).
 */
import fs from "node:fs";
import path from "node:path";
import type { Dag, Project } from "../ir/schema.js";
import type { SparkSettings } from "../ir/spark.js";
import { compareText } from "../values/names.js";

/** Whether dagwright reads `value` as a path inside the project. */
export function isProjectPath(value: string): boolean {
  return value.length > 0 && !/^[A-Za-z][\w+.-]*:/.test(value) && !value.startsWith("/") && !value.startsWith("~") && !value.includes("{{") && !value.includes("{%");
}

function settingsPaths(settings: SparkSettings | undefined): string[] {
  return [...(settings?.pyFiles ?? []), ...(settings?.files ?? [])];
}

/** Each project path the Spark jobs name, sorted, and whether it exists under `root`. */
export function localPaths(root: string, dags: readonly Dag[], spark: Project["spark"]): Record<string, boolean> | undefined {
  const named = new Set<string>([...settingsPaths(spark?.defaults), ...Object.values(spark?.profiles ?? {}).flatMap(settingsPaths)]);
  const visit = (tasks: Dag["tasks"]) => {
    for (const task of tasks) {
      if (task.config.kind !== "spark") continue;
      named.add(task.config.application);
      for (const item of settingsPaths(task.config.settings)) named.add(item);
    }
  };
  for (const dag of dags) visit(dag.tasks);
  const intoProject = (item: string) => {
    const first = item.replace(/^\.\//, "").split("/")[0]!;
    return item.includes("/") && first !== ".." && fs.existsSync(path.resolve(root, first));
  };
  const checked = [...named].filter((item) => isProjectPath(item) && intoProject(item)).sort(compareText);
  if (checked.length === 0) return undefined;
  return Object.fromEntries(checked.map((item) => [item, fs.existsSync(path.resolve(root, item))]));
}
