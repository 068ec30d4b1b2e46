import type { Location } from "./schema.js";

export type Severity = "error" | "warning";

/** Another place that matters to a diagnostic: the other definition of a duplicate, an edge of a cycle. */
export interface RelatedLocation {
  message: string;
  location: Location;
}

/** One finding about the user's project. Every stage reports through this shape. */
export interface Diagnostic {
  /** Stable code, `DWnnn`; `dagwright explain` documents it. */
  code: string;
  severity: Severity;
  /** What is wrong, naming the DAGs and tasks involved. */
  message: string;
  /** Where, in the user's sources; absent only for project-wide problems. */
  location?: Location;
  related?: RelatedLocation[];
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

/** Code-point order, independent of the locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
