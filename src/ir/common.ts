/** The building blocks every IR schema shares: locations, durations, JSON values, task outputs. */
import { z } from "zod";

/** Where something was defined in the user's sources; `file` is relative to the project root, POSIX separators. */
export const Location = z.object({
  file: z.string(),
  line: z.number().int().min(1),
  column: z.number().int().min(1),
});
export type Location = z.infer<typeof Location>;

/** A duration as written: a whole number and a unit, for example "30s", "5m", "2h", "1d". */
export const DurationText = z.string();

/** A value that survives JSON, as Python task keyword arguments must. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export const JsonValue: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(JsonValue), z.record(z.string(), JsonValue)]),
);

export const JsonObject = z.record(z.string(), JsonValue);

/**
 * The output (XCom) of an upstream task, by its id: its return value, or with `key` one key of
 * the dict it returned with `multipleOutputs`.
 */
export const TaskOutput = z.object({ output: z.string(), key: z.string().optional() }).strict();
export type TaskOutput = z.infer<typeof TaskOutput>;

/** One argument of the mapped task group around a task: each group instance gets one value. */
export const GroupArgument = z.object({ group: z.string(), argument: z.string() }).strict();
export type GroupArgument = z.infer<typeof GroupArgument>;

/** A value that exists only when the task runs: an upstream output, or a mapped group's argument. */
export const RunTimeValue = z.union([TaskOutput, GroupArgument]);
export type RunTimeValue = z.infer<typeof RunTimeValue>;

/**
 * What one mapped argument takes its values from: a literal list, one upstream output that is a
 * list, several such outputs one after the other (Airflow's `concat`), or the mapped group's argument.
 */
export const MappedValues = z.union([
  z.object({ values: z.array(JsonValue) }).strict(),
  z.object({ outputs: z.array(TaskOutput).min(1) }).strict(),
]);
export type MappedValues = z.infer<typeof MappedValues>;

/** A Python function as "package.module:function", imported when it is called. */
export const Callable = z.string();

/** The id of the DAG a sensor, marker or trigger names; the author gives a DAG, not its id. */
export const DagReference = z.string({ error: "expected a DAG: a dag(...) of this project, or external(\"id\") for one defined elsewhere" });
