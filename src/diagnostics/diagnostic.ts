/** The one shape every stage reports findings in, and their stable order. */
import type { Location } from "../ir/common.js";
import { compareText } from "../values/names.js";
import type { Code } from "./catalogue.js";

export type Severity = "error" | "warning";

/** Another place that matters to a diagnostic: the other definition of a duplicate, an edge of a cycle. */
export interface RelatedLocation {
  message: string;
  location: Location;
}

/** A path to a value inside the options object of a call: `["schedule"]`, `["executor", "memory"]`, `["schedule", 2]`. */
export type OptionPath = ReadonlyArray<string | number>;

/**
 * A call's location that also names one of its options. The compiler moves a diagnostic at such
 * a location to where that option's value is written, when it is written in the call itself
 * (see load/value-locations.ts), and keeps the call's location otherwise.
 */
export type OptionLocation = Location & { option?: OptionPath; written?: string | number };

/**
 * The same, for a value that may come from elsewhere (a Spark profile, the config's defaults):
 * moved only when the call writes exactly `value` there.
 */
export function writtenAt(location: Location, value: string | number, ...path: ReadonlyArray<string | number>): OptionLocation {
  return { ...optionAt(location, ...path), written: value };
}

/** The location of `path` among the options of the call at `location`. */
export function optionAt(location: Location, ...path: ReadonlyArray<string | number>): OptionLocation {
  const prefix = (location as OptionLocation).option ?? [];
  return { file: location.file, line: location.line, column: location.column, option: [...prefix, ...path] };
}

/** One finding about the user's project. Make one with `diagnose`, never by hand. */
export interface Diagnostic {
  /** Stable code, `DWnnn`; `dagwright explain` documents it. */
  code: Code;
  severity: Severity;
  /** What is wrong, naming the DAGs and tasks involved. */
  message: string;
  /**
   * The code of the tool that found the problem, when another tool did: TypeScript's `TS2322`
   * for a type error (filed under DW001). Reports lead with it, as that tool prints it.
   */
  toolCode?: string;
  /** Where, in the user's sources; absent only for project-wide problems. */
  location?: OptionLocation;
  /** Where the offending range ends (1-based, just past its last character), when the reporter knows a range: TypeScript's errors. */
  end?: { line: number; column: number };
  related?: RelatedLocation[];
  /** The DAG, and the task, it is about, when it is about one: what a `suppress` on them can silence. */
  subject?: { dag: string; task?: string };
  /** What to do about it. */
  hint?: string;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === "error");
}

/** Diagnostics in a stable order: by file, line, column and code; the rules' own order after that. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) => [d.location?.file ?? "", d.location?.line ?? 0, d.location?.column ?? 0] as const;
  return [...diagnostics].sort((a, b) => {
    const [fa, la, ca] = key(a);
    const [fb, lb, cb] = key(b);
    return compareText(fa, fb) || la - lb || ca - cb || compareText(a.code, b.code);
  });
}

/** Whether a value is a diagnostic (for failures that travel as thrown values). */
export function isDiagnostic(value: unknown): value is Diagnostic {
  return typeof value === "object" && value !== null && "code" in value && "severity" in value && "message" in value;
}
