/** The only way to make a diagnostic: a catalogued code, its message's arguments, and where. */
import type { Location } from "../ir/common.js";
import { CATALOGUE, type Code, type MessageArgs } from "./catalogue.js";
import type { Diagnostic, RelatedLocation } from "./diagnostic.js";

/**
 * A diagnostic of `code`: its severity from the catalogue, its message rendered from `args` by
 * the code's template, and its hint from the template (or the code's fix).
 */
export function diagnose<C extends Code>(code: C, args: MessageArgs<C>, location?: Location, related?: readonly RelatedLocation[]): Diagnostic {
  const entry = CATALOGUE[code] as unknown as {
    severity: Diagnostic["severity"];
    fix: string;
    message: (args: MessageArgs<C>) => string;
    hint?: (args: MessageArgs<C>) => string | undefined;
  };
  return {
    code,
    severity: entry.severity,
    message: entry.message(args),
    ...(location ? { location } : {}),
    ...(related?.length ? { related: [...related] } : {}),
    hint: entry.hint?.(args) ?? entry.fix,
  };
}
