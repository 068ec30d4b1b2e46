/** What the team rules give the compiler: plain data, from the evaluation worker to the policy stage. */

/** How serious a rule's findings are by default. */
export type RuleSeverity = "error" | "warning";

/** A rule that ran, as the compiler knows it. */
export interface RuleInfo {
  code: string;
  description: string;
  severity: RuleSeverity;
  hint?: string;
  /** The module that defines it, relative to the project root. */
  file: string;
}

/** A rule's finding, placed on a DAG or task by id. */
export interface PlacedFinding {
  code: string;
  message: string;
  hint?: string;
  dag: string;
  task?: string;
  /** A dotted path into the task's or DAG's options ("executor.memory"). */
  option?: string;
}

/** What the config's `severity` may set a code to. */
export const SEVERITY_SETTINGS = ["error", "warning", "off"] as const;
export type SeveritySetting = (typeof SEVERITY_SETTINGS)[number];
