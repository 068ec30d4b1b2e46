/** What the builders of functions run by another interpreter share: the callable, its arguments, the branch targets. */
import type { JsonValue } from "../../ir/common.js";
import type { OtherInterpreterOptions, SetupHandle } from "../types.js";
import type { Complete } from "../conformance.js";
import { copy, defined, type OwnOptions } from "./types.js";

/** The shared options, and a branch's targets (d.branchPythonVirtualenv, d.branchExternalPython). */
export type OtherInterpreterOwn = OwnOptions<OtherInterpreterOptions> & { targets?: ReadonlyArray<SetupHandle> };
export const OTHER_INTERPRETER_KEYS = ["callable", "kwargs", "targets", "expectAirflow", "skipOnExitCode"] as const;
const complete: Complete<(typeof OTHER_INTERPRETER_KEYS)[number], OtherInterpreterOwn> = true;
void complete;

export function otherInterpreterConfig(own: OtherInterpreterOwn) {
  return {
    callable: own.callable,
    ...defined({
      kwargs: own.kwargs && (copy(own.kwargs) as Record<string, JsonValue>),
      targets: own.targets && own.targets.map((target) => target.id),
      expectAirflow: own.expectAirflow,
      skipOnExitCode: own.skipOnExitCode && [...own.skipOnExitCode],
    }),
  };
}
