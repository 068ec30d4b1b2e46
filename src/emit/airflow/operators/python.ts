/**
 * PythonOperator through the lazy `_Callable` helper; mapped over sets of keyword arguments with
 * partial().expand(op_kwargs=...). Upstream outputs of a mapped task travel in partial()'s op_args
 * (Airflow would take an output inside the mapped list for a list to map over), and the helper
 * hands them to the function by name.
 */
import { elsewhere, kw } from "../keywords.js";
import { callableKeywords, kwargsDict, lazyCallable, outputOf } from "./lazy-call.js";
import type { OperatorEmitter } from "./types.js";

export const python: OperatorEmitter<"python"> = {
  operator: () => "PythonOperator",
  helpers: ["python_callable"],
  fields: {
    callable: ({ ir: { config } }, context) => {
      if (!config.expand) return callableKeywords(config.callable, config.kwargs, context, config.kwargsFromOutputs);
      const carried = Object.entries(config.kwargsFromOutputs ?? {});
      return [
        ...kw("python_callable", lazyCallable(config.callable, carried.map(([name]) => name))),
        ...kw("op_args", carried.length ? { kind: "list", items: carried.map(([, source]) => outputOf(source, context)) } : undefined),
        ...kw("op_kwargs", { kind: "list", items: config.expand.kwargs.map((entry) => kwargsDict(config.kwargs, undefined, context, entry)) }, true),
      ];
    },
    kwargs: elsewhere("op_kwargs, written with the callable (in every mapped instance when mapped)"),
    kwargsFromOutputs: elsewhere("XComArgs in op_kwargs, or for a mapped task in partial()'s op_args, written with the callable"),
    expand: elsewhere("the mapped op_kwargs of expand(), written with the callable"),
  },
};
