/** An email task has nothing of its own to check: its operator exists on every line (core on 2, SMTP provider on 3). */
import type { KindRule } from "../context.js";

export const checkEmail: KindRule<"email"> = () => [];
