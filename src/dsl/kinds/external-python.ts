/** `d.externalPython` and `d.branchExternalPython`: the interpreter, and the function it runs. */
import type { FieldsOf } from "../../ir/kinds/index.js";
import type { ExternalPythonOptions } from "../types.js";
import type { Complete, Conforms } from "../conformance.js";
import { OTHER_INTERPRETER_KEYS, otherInterpreterConfig, type OtherInterpreterOwn } from "./other-interpreter.js";
import type { KindBuilder, OwnOptions } from "./types.js";

type Own = OwnOptions<ExternalPythonOptions> & OtherInterpreterOwn;
const KEYS = ["python", ...OTHER_INTERPRETER_KEYS] as const;
const complete: Complete<(typeof KEYS)[number], Own> = true;
const conforms: Conforms<Own, FieldsOf<"external_python">> = true;
void complete, conforms;

export const externalPython: KindBuilder<"external_python", Own> = {
  keys: KEYS,
  config: (own) => ({ config: { kind: "external_python", python: own.python, ...otherInterpreterConfig(own) } }),
};
