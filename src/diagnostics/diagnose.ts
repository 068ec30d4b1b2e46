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
  const about = subjectOf(args);
  return {
    code,
    severity: entry.severity,
    message: entry.message(args),
    ...(location ? { location } : {}),
    ...(related?.length ? { related: [...related] } : {}),
    ...(about ? { subject: about } : {}),
    hint: entry.hint?.(args) ?? entry.fix,
  };
}

/** The DAG and task a message's arguments are about: `{ dag, task }` itself, or its `where` or `reader`. */
function subjectOf(args: unknown): Diagnostic["subject"] {
  if (typeof args !== "object" || args === null) return undefined;
  const { where, reader } = args as { where?: unknown; reader?: unknown };
  const about = (typeof where === "object" && where !== null ? where : typeof reader === "object" && reader !== null ? reader : args) as { dag?: unknown; task?: unknown };
  if (typeof about.dag !== "string") return undefined;
  return typeof about.task === "string" ? { dag: about.dag, task: about.task } : { dag: about.dag };
}
