/** DAGs named by sensors and triggers: a DAG of the project, or `external("id")`. */
import type { Dag, ExternalDag } from "../types.js";

export function isExternal(target: Dag | ExternalDag | undefined): boolean {
  return typeof target === "object" && target !== null && (target as ExternalDag).external === true;
}
