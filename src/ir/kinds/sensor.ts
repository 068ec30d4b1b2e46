/** What every sensor kind has: how it waits. */
import { z } from "zod";
import { DurationText } from "../common.js";

export const SensorFields = {
  mode: z.enum(["poke", "reschedule"]).optional(),
  deferrable: z.boolean().optional(),
  pokeInterval: DurationText.optional(),
  timeout: DurationText.optional(),
  softFail: z.boolean().optional(),
};

/** The sensor fields' names, in the order their Airflow arguments are written. */
export const SENSOR_FIELDS = ["mode", "deferrable", "pokeInterval", "timeout", "softFail"] as const;
