/** `d.pythonVirtualenv` and `d.branchPythonVirtualenv`: the function, and the environment Airflow builds for it. */
import type { FieldsOf } from "../../ir/kinds/index.js";
import type { PythonVirtualenvOptions } from "../types.js";
import type { Complete, Conforms } from "../conformance.js";
import { OTHER_INTERPRETER_KEYS, otherInterpreterConfig, type OtherInterpreterOwn } from "./other-interpreter.js";
import { defined, type KindBuilder, type OwnOptions } from "./types.js";

type Own = OwnOptions<PythonVirtualenvOptions> & OtherInterpreterOwn;
const KEYS = [...OTHER_INTERPRETER_KEYS, "requirements", "pythonVersion", "systemSitePackages", "pipInstallOptions", "indexUrls", "venvCacheDir"] as const;
const complete: Complete<(typeof KEYS)[number], Own> = true;
const conforms: Conforms<Own, FieldsOf<"python_virtualenv">> = true;
void complete, conforms;

export const pythonVirtualenv: KindBuilder<"python_virtualenv", Own> = {
  keys: KEYS,
  config: (own) => ({
    config: {
      kind: "python_virtualenv",
      ...otherInterpreterConfig(own),
      ...defined({
        requirements: own.requirements && [...own.requirements],
        pythonVersion: own.pythonVersion,
        systemSitePackages: own.systemSitePackages,
        pipInstallOptions: own.pipInstallOptions && [...own.pipInstallOptions],
        indexUrls: own.indexUrls && [...own.indexUrls],
        venvCacheDir: own.venvCacheDir,
      }),
    },
  }),
};
