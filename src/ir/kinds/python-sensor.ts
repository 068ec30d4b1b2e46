/** Wait until a Python function returns a truthy value (Airflow's PythonSensor). */
import { z } from "zod";
import { Callable, JsonObject } from "../common.js";
import { SensorFields } from "./sensor.js";

export const PythonSensorConfig = z
  .object({ kind: z.literal("python_sensor"), callable: Callable, kwargs: JsonObject.optional(), templatesDict: JsonObject.optional(), ...SensorFields })
  .strict();
export type PythonSensorConfig = z.infer<typeof PythonSensorConfig>;
