/** EmptyOperator: no arguments of its own. */
import type { OperatorEmitter } from "./types.js";

export const empty: OperatorEmitter<"empty"> = { operator: () => "EmptyOperator", fields: {} };
