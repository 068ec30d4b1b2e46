/** `d.spark`: the application and, nested as `settings`, what the job overrides of the project's Spark defaults. */
import type { FieldsOf } from "../../ir/kinds/index.js";
import type { SparkSettings as IrSparkSettings } from "../../ir/spark.js";
import type { SparkSettings, SparkTaskOptions } from "../types.js";
import type { Complete, Conforms } from "../conformance.js";
import { copy, defined, type KindBuilder, type OwnOptions } from "./types.js";

type Own = OwnOptions<SparkTaskOptions>;
const SETTINGS = ["driver", "executor", "dynamicAllocation", "conf", "packages", "jars", "pyFiles", "files", "env", "target"] as const;
const KEYS = ["application", "mainClass", "args", "name", "profile", ...SETTINGS] as const;
const complete: Complete<(typeof KEYS)[number], Own> = true;
const settingsComplete: Complete<(typeof SETTINGS)[number], IrSparkSettings> = true;
const dslSettingsComplete: Complete<(typeof SETTINGS)[number], SparkSettings> = true;
const conforms: Conforms<Omit<Own, (typeof SETTINGS)[number]>, FieldsOf<"spark">, {}, "settings"> = true;
void complete, settingsComplete, dslSettingsComplete, conforms;

export const spark: KindBuilder<"spark", Own> = {
  keys: KEYS,
  config: (own) => {
    const settings = defined(Object.fromEntries(SETTINGS.map((key) => [key, own[key]]))) as IrSparkSettings;
    return {
      config: {
        kind: "spark",
        application: own.application,
        ...defined({ mainClass: own.mainClass, args: own.args && [...own.args], name: own.name, profile: own.profile }),
        settings: copy(settings),
      },
    };
  },
};
