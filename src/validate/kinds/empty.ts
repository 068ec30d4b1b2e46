/** An empty task has nothing of its own to check. */
import type { KindRule } from "../context.js";

export const checkEmpty: KindRule<"empty"> = () => [];
