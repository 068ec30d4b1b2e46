/** A Python function of the team's own package (Airflow's PythonOperator). */
import { z } from "zod";
import { Callable, JsonObject, JsonValue, MappedValues, RunTimeValue, TaskOutput } from "../common.js";

export const PythonConfig = z
  .object({
    kind: z.literal("python"),
    /** "package.module:function", imported when the task runs. */
    callable: Callable,
    /** Positional arguments, before the keyword arguments. */
    args: z.array(JsonValue).optional(),
    kwargs: JsonObject.optional(),
    /** Keyword arguments known only when the task runs: an upstream output (an XCom), or the mapped group's argument. */
    kwargsAtRunTime: z.record(z.string(), RunTimeValue).optional(),
    /** The names of Airflow's context values the function takes (ti, params, ...), as declared. */
    context: z.array(z.string()).optional(),
    /** Push each key of the returned dict as its own XCom, for `output.key("k")`. */
    multipleOutputs: z.boolean().optional(),
    /** Rendered with Jinja and handed to the function as `templates_dict`. */
    templatesDict: JsonObject.optional(),
    /** File endings whose files Airflow renders as templates when a templated value names one. */
    templatesExts: z.array(z.string()).optional(),
    /** Whether Airflow logs the return value. */
    showReturnValueInLogs: z.boolean().optional(),
    /**
     * Dynamic task mapping: one task instance per value of each mapped argument (the cross product
     * when several are), or per set of keyword arguments (a literal list, or an upstream output).
     */
    expand: z
      .union([
        z.object({ arguments: z.record(z.string(), MappedValues) }).strict(),
        z.object({ kwargs: z.array(JsonObject) }).strict(),
        z.object({ kwargsFrom: TaskOutput }).strict(),
      ])
      .optional(),
  })
  .strict();
export type PythonConfig = z.infer<typeof PythonConfig>;
