/** A latest-only task: only the warning its module raises on some lines. */
import type { KindRule } from "../context.js";
import { checkImportWarning } from "./import-warning.js";

export const checkLatestOnly: KindRule<"latest_only"> = (task, context) => checkImportWarning(task, "LatestOnlyOperator", context);
