/** PythonOperator through the lazy `_call` helper; mapped over sets of keyword arguments with partial().expand(). */
import { code } from "../../python/expr.js";
import { elsewhere, kw } from "../keywords.js";
import { lazyKwargs } from "./lazy-call.js";
import type { OperatorEmitter } from "./types.js";

export const python: OperatorEmitter<"python"> = {
  operator: () => "PythonOperator",
  helpers: ["call_python"],
  fields: {
    callable: () => kw("python_callable", code("_call")),
    kwargs: ({ ir: { config } }, { names }) =>
      config.expand
        ? kw(
            "op_kwargs",
            { kind: "list", items: config.expand.kwargs.map((entry) => lazyKwargs(config.callable, config.kwargs, config.kwargsFromOutputs, names, entry)) },
            true,
          )
        : kw("op_kwargs", lazyKwargs(config.callable, config.kwargs, config.kwargsFromOutputs, names)),
    kwargsFromOutputs: elsewhere("XComArgs inside op_kwargs, written with kwargs (and in every mapped instance)"),
    expand: elsewhere("the mapped op_kwargs of expand(), written with kwargs"),
  },
};
