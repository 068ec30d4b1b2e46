/**
 * Running the team's rules. The rule modules are the user's code, so they run where the DAG
 * modules run (the evaluation worker, with its time and memory limits); what leaves is plain
 * data: the rules found, their findings by DAG and task id, and what went wrong.
 */
import { isRule, RULE_CODE, type Rule, type RuleFinding, type RuleProject } from "../dsl/rules.js";
import { diagnose, type Diagnostic } from "../diagnostics/index.js";
import { ModuleError, type Dependencies, type ModuleRunner } from "./modules.js";
import { moduleDiagnostic } from "./evaluate.js";
import { escapeRegExp } from "./source-text.js";
import type { PlacedFinding, RuleInfo } from "../ir/rules.js";
import type { Location } from "../ir/schema.js";

export type { PlacedFinding, RuleInfo };

export interface RuleRun {
  rules: RuleInfo[];
  findings: PlacedFinding[];
  /** Rule modules that fail, rules that throw or report what cannot be placed (DW016, DW002, ...). */
  diagnostics: Diagnostic[];
  /** What the rule modules read, for the up-to-date check. */
  deps: Dependencies;
}

/** Run every rule the modules export over `project`; `onModule` hears of each module as it starts. */
export function runRules(runner: ModuleRunner, files: readonly string[], project: RuleProject, onModule: (file: string) => void): RuleRun {
  const rules: Array<{ rule: Rule; file: string; where: Location }> = [];
  const diagnostics: Diagnostic[] = [];
  const deps: Dependencies = { files: {}, listings: {}, folders: {} };
  const byCode = new Map<string, string>();
  for (const file of files) {
    onModule(file);
    const relative = runner.relative(file);
    let exported: unknown;
    try {
      exported = runner.run(file);
    } catch (thrown) {
      diagnostics.push(moduleDiagnostic(runner, file, thrown));
      continue;
    }
    const read = runner.dependencies(file);
    for (const kind of ["files", "listings", "folders"] as const) Object.assign(deps[kind], read[kind]);
    const found = exportedRules(exported);
    const at = { file: relative, line: 1, column: 1 };
    if (found.length === 0) diagnostics.push(diagnose("DW016", { file: relative, noRules: true }, at));
    for (const rule of found) {
      const code = String(rule.code);
      const where = runner.locateInSource(file, new RegExp(`code\\s*:\\s*["'\`]${escapeRegExp(code)}["'\`]`)) ?? at;
      if (typeof rule.code !== "string" || !RULE_CODE.test(rule.code)) {
        diagnostics.push(diagnose("DW016", { file: relative, code, badCode: true }, where));
        continue;
      }
      const first = byCode.get(rule.code);
      if (first !== undefined) {
        diagnostics.push(diagnose("DW016", { file: relative, code: rule.code, duplicateOf: first }, where));
        continue;
      }
      byCode.set(rule.code, relative);
      rules.push({ rule, file, where });
    }
  }

  // Run, and listed, in the order of their codes, whatever order the modules export them in.
  rules.sort((a, b) => (a.rule.code < b.rule.code ? -1 : a.rule.code > b.rule.code ? 1 : 0));
  const frozen = deepFreeze(project);
  const findings: PlacedFinding[] = [];
  for (const { rule, file, where } of rules) {
    onModule(file);
    const relative = runner.relative(file);
    const report = (finding: RuleFinding) => {
      const placed = placeFinding(finding, frozen);
      if (typeof placed === "string") {
        const [frame] = runner.framesOf(new Error("report"));
        diagnostics.push(diagnose("DW016", { file: relative, code: rule.code, badFinding: placed }, frame ?? { file: relative, line: 1, column: 1 }));
        return;
      }
      findings.push({ code: rule.code, ...placed, ...(typeof finding.hint === "string" ? { hint: finding.hint } : {}) });
    };
    try {
      runner.callUserCode(file, () => rule.check(frozen, report));
    } catch (thrown) {
      if (thrown instanceof ModuleError && thrown.kind === "timeout") {
        diagnostics.push(diagnose("DW006", { file: relative, rule: rule.code }, where));
        continue;
      }
      const [frame] = runner.framesOf(thrown);
      const text = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
      diagnostics.push(diagnose("DW016", { file: relative, code: rule.code, threw: text }, frame ?? { file: relative, line: 1, column: 1 }));
    }
  }
  const infos = rules.map(({ rule, file }) => ({
    code: rule.code,
    description: String(rule.description ?? ""),
    severity: rule.severity === "warning" ? ("warning" as const) : ("error" as const),
    ...(typeof rule.hint === "string" ? { hint: rule.hint } : {}),
    file: runner.relative(file),
  }));
  return { rules: infos, findings, diagnostics, deps };
}

/** The rules among a module's exports: each export may be a rule or a list of rules. */
function exportedRules(moduleExports: unknown): Rule[] {
  if (typeof moduleExports !== "object" || moduleExports === null) return [];
  const found = Object.values(moduleExports).flatMap((value) => (Array.isArray(value) ? value : [value])).filter(isRule);
  return [...new Set(found)];
}

/** The DAG and task a finding is about, by their ids (a rule may copy what it was given), or why it cannot be placed. */
export function placeFinding(finding: RuleFinding, project: RuleProject): Omit<PlacedFinding, "code" | "hint"> | string {
  const dags = new Map(project.dags.map((dag) => [dag.id, dag]));
  if (typeof finding !== "object" || finding === null) return "report() takes { task, message } or { dag, message }";
  if (typeof finding.message !== "string" || finding.message.trim() === "") return "the finding has no message";
  const option = typeof finding.option === "string" && finding.option !== "" ? { option: finding.option } : {};
  const task = finding.task as { id?: unknown; dagId?: unknown } | undefined;
  if (task !== undefined) {
    const known = typeof task?.id === "string" && typeof task.dagId === "string" && dags.get(task.dagId)?.tasks.some((each) => each.id === task.id);
    if (!known) return "its task is not one of the project's tasks";
    return { message: finding.message, dag: task!.dagId as string, task: task!.id as string, ...option };
  }
  const dag = finding.dag as { id?: unknown } | undefined;
  if (typeof dag?.id !== "string" || !dags.has(dag.id)) return "it names neither a task nor a DAG of the project";
  return { message: finding.message, dag: dag.id, ...option };
}

/** Frozen all through, so that no rule can change what the next one sees. */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
