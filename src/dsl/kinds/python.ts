/**
 * `d.python`: the callable, its keyword arguments (values, or upstream outputs that travel as
 * XComs, renamed into `kwargsFromOutputs`) and what it maps over.
 */
import type { JsonValue } from "../../ir/common.js";
import type { FieldsOf } from "../../ir/kinds/index.js";
import type { PythonTaskOptions } from "../types.js";
import type { Complete, Conforms } from "../conformance.js";
import { copy, defined, isOutput, type KindBuilder, type OwnOptions } from "./types.js";

type Own = OwnOptions<PythonTaskOptions<Record<string, unknown>>>;
const KEYS = ["callable", "kwargs", "expand"] as const;
const complete: Complete<(typeof KEYS)[number], Own> = true;
const conforms: Conforms<Own, FieldsOf<"python">, {}, "kwargsFromOutputs"> = true;
void complete, conforms;

export const python: KindBuilder<"python", Own> = {
  keys: KEYS,
  config: ({ callable, kwargs, expand }) => {
    const entries = Object.entries((kwargs ?? {}) as Record<string, unknown>);
    const values = Object.fromEntries(entries.filter(([, value]) => !isOutput(value))) as Record<string, JsonValue>;
    const outputs = Object.fromEntries(entries.filter(([, value]) => isOutput(value)).map(([key, value]) => [key, (value as { output: string }).output]));
    return {
      config: {
        kind: "python",
        callable,
        ...defined({
          kwargs: kwargs === undefined ? undefined : copy(values),
          kwargsFromOutputs: Object.keys(outputs).length ? outputs : undefined,
          expand: expand && { kwargs: copy(expand.kwargs) as Array<Record<string, JsonValue>> },
        }),
      },
      uses: Object.values(outputs),
    };
  },
};
