/** DW120-DW121: a branch's callable, its targets right after it, and joins that a skipped path would skip. */
import { checkCallable } from "../callables.js";
import { about, type KindRule } from "../context.js";
import { checkBranchTargets } from "./branch-targets.js";

export const checkBranch: KindRule<"branch"> = (branch, context) => [
  ...checkCallable(about(branch), branch.ir.config.callable, branch.ir.location),
  ...checkBranchTargets(branch, branch.ir.config.targets, context),
];
