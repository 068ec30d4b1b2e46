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

/** User text in a message, quoted and escaped: a newline or quote in an id cannot forge output. */
export function q(text: string | undefined): string {
  return JSON.stringify(text ?? "");
}

/** An id as it is when Airflow would accept it, quoted and escaped otherwise (for paths like a -> b). */
export function bare(id: string): string {
  return /^[A-Za-z0-9_.-]+$/.test(id) ? id : q(id);
}
