/** LatestOnlyOperator: no arguments of its own. */
import type { OperatorEmitter } from "./types.js";

export const latestOnly: OperatorEmitter<"latest_only"> = { operator: () => "LatestOnlyOperator", fields: {} };
