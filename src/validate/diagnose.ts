import type { Diagnostic, RelatedLocation } from "../ir/diagnostic.js";
import type { Location } from "../ir/schema.js";
import { CODES, type Code } from "./codes.js";

/** A diagnostic of a catalogued code, with the code's severity and, unless given, its fix as the hint. */
export function diagnose(
  code: Code,
  message: string,
  location: Location | undefined,
  extra: { hint?: string; related?: RelatedLocation[] } = {},
): Diagnostic {
  return {
    code,
    severity: CODES[code].severity,
    message,
    ...(location ? { location } : {}),
    ...(extra.related?.length ? { related: extra.related } : {}),
    hint: extra.hint ?? CODES[code].fix,
  };
}
