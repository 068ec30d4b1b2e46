/**
 * A team's policy over the compile's diagnostics: the team rules' findings become diagnostics
 * under their own codes, the config's `severity` sets how serious each code is, and each
 * task's and DAG's `suppress` silences what it names there, with a reason the manifest keeps.
 */
import { CATALOGUE, diagnose, isCode, optionAt, type Diagnostic } from "../diagnostics/index.js";
import type { Location } from "../ir/common.js";
import type { ResolvedProject } from "../ir/resolved.js";
import type { Subject } from "../diagnostics/subjects.js";
import type { PlacedFinding, RuleInfo, SeveritySetting } from "../ir/rules.js";

/** A diagnostic a `suppress` silenced, and why. */
export interface Suppression {
  /** The code reports would have shown: a team rule's own, or dagwright's. */
  code: string;
  diagnostic: Diagnostic;
  dag: string;
  task?: string;
  reason: string;
}

export interface PolicyInput {
  rules: readonly RuleInfo[];
  findings: readonly PlacedFinding[];
  severity: Readonly<Record<string, SeveritySetting>>;
  /** Where the config's `severity` names a code, for a code no rule defines. */
  severityLocation: (code: string) => Location | undefined;
  /** The config file, relative to the project root, for messages about it. */
  configFile: string;
}

export interface PolicyResult {
  diagnostics: Diagnostic[];
  suppressed: Suppression[];
  /** The rules that ran, each with the severity in force ("off" when the config silences it). */
  rules: Array<Omit<RuleInfo, "severity"> & { severity: SeveritySetting }>;
}

/** The code reports show: a team rule's own (ACME001), else dagwright's. */
function shownCode(diagnostic: Diagnostic): string {
  return diagnostic.code === "DW015" && diagnostic.toolCode ? diagnostic.toolCode : diagnostic.code;
}

export function applyPolicy(project: ResolvedProject, diagnostics: readonly Diagnostic[], input: PolicyInput): PolicyResult {
  const rulesByCode = new Map(input.rules.map((rule) => [rule.code, rule]));
  const settingOf = (code: string): SeveritySetting | undefined => input.severity[code] ?? rulesByCode.get(code)?.severity;
  const all: Diagnostic[] = [];

  // The config names a team rule's code that no rule defines: a typo, or a rule module not listed.
  for (const code of Object.keys(input.severity)) {
    if (isCode(code) || rulesByCode.has(code)) continue;
    all.push(diagnose("DW016", { file: input.configFile, code, notDefined: true }, input.severityLocation(code)));
  }

  for (const diagnostic of diagnostics) {
    const setting = diagnostic.code === "DW015" ? undefined : input.severity[diagnostic.code];
    if (setting === "off") continue;
    all.push(setting === undefined ? diagnostic : { ...diagnostic, severity: setting });
  }

  for (const finding of input.findings) {
    const setting = settingOf(finding.code) ?? "error";
    if (setting === "off") continue;
    const location = findingLocation(project, finding);
    const base = diagnose("DW015", { rule: finding.code, message: finding.message }, location);
    const hint = finding.hint ?? rulesByCode.get(finding.code)?.hint;
    all.push({ ...base, severity: setting, toolCode: finding.code, subject: { dag: finding.dag, ...(finding.task === undefined ? {} : { task: finding.task }) }, ...(hint ? { hint } : {}) });
  }

  const { kept, suppressed } = suppress(project, all, (code) => settingOf(code) === "off");
  const rules = input.rules.map((rule) => ({ ...rule, severity: settingOf(rule.code) ?? rule.severity }));
  return { diagnostics: kept, suppressed, rules };
}

/** Where a finding points: the task's or DAG's call, or the option's value there when it names one. */
function findingLocation(project: ResolvedProject, finding: PlacedFinding): Location | undefined {
  const dag = project.dag(finding.dag);
  const at = finding.task === undefined ? dag?.ir.location : dag?.task(finding.task)?.ir.location;
  if (!at) return undefined;
  if (finding.option === undefined) return at;
  return optionAt(at, ...finding.option.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part)));
}

/** One `suppress` entry, and whether it silenced anything. */
interface Entry {
  where: Subject;
  code: string;
  reason: string;
  location: Location;
  used: boolean;
}

/**
 * Apply every `suppress`: a diagnostic about a task (or about a DAG itself) whose code that task
 * (or DAG) suppresses with a reason is taken out and recorded. A suppression without a reason or
 * of an error dagwright found is refused (DW017); one that silences nothing is reported (DW018),
 * unless the config turned its code off, when there is nothing to find.
 */
function suppress(project: ResolvedProject, diagnostics: readonly Diagnostic[], isOff: (code: string) => boolean): { kept: Diagnostic[]; suppressed: Suppression[] } {
  const entries = new Map<string, Entry>();
  const key = (dag: string, task: string | undefined, code: string) => `${dag}\0${task ?? ""}\0${code}`;
  for (const dag of project.dags) {
    for (const [code, reason] of Object.entries(dag.ir.suppress ?? {})) entries.set(key(dag.id, undefined, code), { where: { dag: dag.id }, code, reason, location: dag.ir.location, used: false });
    for (const task of dag.tasks) {
      for (const [code, reason] of Object.entries(task.ir.suppress ?? {})) {
        entries.set(key(dag.id, task.id, code), { where: { dag: dag.id, task: task.id }, code, reason, location: task.ir.location, used: false });
      }
    }
  }
  const refused: Diagnostic[] = [];
  for (const entry of entries.values()) {
    if (entry.reason.trim() === "") refused.push(diagnose("DW017", { where: entry.where, code: entry.code, noReason: true }, optionAt(entry.location, "suppress", entry.code)));
  }

  const kept: Diagnostic[] = [];
  const suppressed: Suppression[] = [];
  for (const diagnostic of diagnostics) {
    const code = shownCode(diagnostic);
    const entry = diagnostic.subject && entries.get(key(diagnostic.subject.dag, diagnostic.subject.task, code));
    if (!entry || entry.reason.trim() === "") {
      kept.push(diagnostic);
      continue;
    }
    entry.used = true;
    // A team rule's finding, or what dagwright reports as a warning, may be silenced; its own errors not.
    const silenceable = diagnostic.code === "DW015" || (isCode(diagnostic.code) && CATALOGUE[diagnostic.code].severity === "warning");
    if (!silenceable) {
      kept.push(diagnostic);
      refused.push(diagnose("DW017", { where: entry.where, code, error: true }, optionAt(entry.location, "suppress", code)));
      continue;
    }
    const { dag, task } = diagnostic.subject!;
    suppressed.push({ code, diagnostic, dag, ...(task === undefined ? {} : { task }), reason: entry.reason });
  }
  for (const entry of entries.values()) {
    if (entry.used || entry.reason.trim() === "" || isOff(entry.code)) continue;
    kept.push(diagnose("DW018", { where: entry.where, code: entry.code }, optionAt(entry.location, "suppress", entry.code)));
  }
  return { kept: [...kept, ...refused], suppressed };
}
