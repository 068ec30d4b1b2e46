import type { Diagnostic } from "../diagnostics/index.js";

const BRAND = Symbol.for("dagwright.usage-error");

/**
 * A misuse of the authoring API that cannot be expressed in the IR (for example `chain` over
 * lists of different lengths). It carries the diagnostic, located at the raw V8 position of the
 * call; the loader maps that to the user's file:line:col.
 */
export class DagwrightUsageError extends Error {
  readonly [BRAND] = true;
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
    this.name = "DagwrightUsageError";
  }
}

export function isUsageError(value: unknown): value is DagwrightUsageError {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}
