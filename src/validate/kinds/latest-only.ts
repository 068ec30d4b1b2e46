/** A latest-only task has nothing of its own to check. */
import type { KindRule } from "../context.js";

export const checkLatestOnly: KindRule<"latest_only"> = () => [];
