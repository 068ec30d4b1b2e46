/** BranchPythonOperator through the lazy `_call` helper. */
import { code } from "../../python/expr.js";
import { elsewhere, kw } from "../keywords.js";
import { lazyKwargs } from "./lazy-call.js";
import type { OperatorEmitter } from "./types.js";

export const branch: OperatorEmitter<"branch"> = {
  operator: () => "BranchPythonOperator",
  helpers: ["call_python"],
  fields: {
    callable: ({ ir: { config } }, { names }) => [...kw("python_callable", code("_call")), ...kw("op_kwargs", lazyKwargs(config.callable, config.kwargs, undefined, names))],
    kwargs: elsewhere("inside op_kwargs, written with the callable"),
    targets: elsewhere("the callable returns their ids when it runs; validation checks that they follow the branch"),
  },
};
