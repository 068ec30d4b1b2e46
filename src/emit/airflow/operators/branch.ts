/** BranchPythonOperator through the lazy `_call` helper. */
import { elsewhere, kw } from "../keywords.js";
import { callableKeywords } from "./lazy-call.js";
import type { OperatorEmitter } from "./types.js";

export const branch: OperatorEmitter<"branch"> = {
  operator: () => "BranchPythonOperator",
  helpers: ["python_callable"],
  fields: {
    callable: ({ ir: { config } }, context) => callableKeywords(config.callable, config.kwargs, context),
    kwargs: elsewhere("op_kwargs, written with the callable"),
    targets: elsewhere("the callable returns their ids when it runs; validation checks that they follow the branch"),
  },
};
