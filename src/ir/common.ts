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

/** The output (XCom return value) of an upstream task, for mapping over. */
export const TaskOutput = z.object({ output: z.string() }).strict();

/** A Python function as "package.module:function", imported when it is called. */
export const Callable = z.string();
