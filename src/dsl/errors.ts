import type { Location } from "../ir/schema.js";

const BRAND = Symbol.for("dagwright.usage-error");

/**
 * A misuse of the authoring API that cannot be expressed in the IR (for example `chain` over
 * lists of different lengths). The loader turns it into a diagnostic at `location`.
 */
export class DagwrightUsageError extends Error {
  readonly [BRAND] = true;
  constructor(
    readonly code: string,
    message: string,
    readonly location: Location,
    readonly hint?: string,
  ) {
    super(message);
    this.name = "DagwrightUsageError";
  }
}

export function isUsageError(value: unknown): value is DagwrightUsageError {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}
