/**
 * Every public member carries JSDoc, so an editor's hover and completions explain it; the walk
 * over the entry points is in helpers/public-docs.ts.
 */
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { publicMembers } from "./helpers/public-docs.js";

/**
 * Members that may be bare for now, by the name the walk gives them, each with the reason. Keep
 * it short: an entry is a hover without help.
 */
const ALLOWED_UNDOCUMENTED: ReadonlyArray<{ member: RegExp; reason: string }> = [];

/** The types whose properties are options users write: each option also shows an `@example`. */
const OPTION_TYPES = /^(\w+Options|DagwrightConfig|CronSchedule|PeriodSchedule|CronsSchedule|EventsSchedule|AssetsOrTimeSchedule|Deadline|PodOverride|ExecutorConfig|Spark\w+|AssetWatcher|TimedeltaParts)$/;

describe("the public API's documentation", () => {
  const { findings, checked, checker } = publicMembers();
  const doc = (member: string) => ts.displayPartsToString(checked.get(member)!.getDocumentationComment(checker));

  it("documents every public member", () => {
    const bare = findings.filter((finding) => !ALLOWED_UNDOCUMENTED.some((allowed) => allowed.member.test(finding.member)));
    expect(bare.map((finding) => `${finding.where} ${finding.member}`)).toEqual([]);
  });

  it("shows an example of every option", () => {
    const missing = [...checked]
      .filter(([member, symbol]) => {
        const declaration = symbol.valueDeclaration;
        if (!declaration || !ts.isPropertySignature(declaration) || declaration.type?.kind === ts.SyntaxKind.NeverKeyword) return false;
        if (!OPTION_TYPES.test(member.split(".")[0]!) || ALLOWED_UNDOCUMENTED.some((allowed) => allowed.member.test(member))) return false;
        return !symbol.getJsDocTags(checker).some((tag) => tag.name === "example");
      })
      .map(([member]) => member);
    expect(missing).toEqual([]);
  });

  it("walks the whole surface: the DAG builder's methods, the options they take, the API's and the test kit's results", () => {
    for (const member of ["DagContext.bash", "BashTaskOptions.command", "CommonTaskOptions.retries", "SparkExecutorResources.memory", "DagwrightConfig.spark", "CompileOptions.airflow", "TaskPlan.upstreamAll", "RuleTask.upstream", "Rule.check", "RuleFinding.message"]) {
      expect(checked.has(member), member).toBe(true);
    }
  });

  it("gives the executor's settings their own text, not the driver's", () => {
    for (const key of ["memory", "cores", "memoryOverhead"]) {
      expect(doc(`SparkExecutorResources.${key}`)).toContain("executor");
      expect(doc(`SparkExecutorResources.${key}`)).not.toContain("driver");
    }
  });
});
