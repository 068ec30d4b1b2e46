/** PythonVirtualenvOperator (BranchPythonVirtualenvOperator with targets) through a generated caller function. */
import { optionalLiteral } from "../context.js";
import { kw } from "../keywords.js";
import { callerLines, otherInterpreterKeywords } from "./other-interpreter.js";
import type { OperatorEmitter } from "./types.js";

export const pythonVirtualenv: OperatorEmitter<"python_virtualenv"> = {
  operator: (t) => (t.ir.config.targets ? "BranchPythonVirtualenvOperator" : "PythonVirtualenvOperator"),
  prelude: callerLines,
  fields: {
    ...otherInterpreterKeywords(),
    requirements: (t) => kw("requirements", optionalLiteral(t.ir.config.requirements)),
    pythonVersion: (t) => kw("python_version", optionalLiteral(t.ir.config.pythonVersion)),
    systemSitePackages: (t) => kw("system_site_packages", optionalLiteral(t.ir.config.systemSitePackages)),
    pipInstallOptions: (t) => kw("pip_install_options", optionalLiteral(t.ir.config.pipInstallOptions)),
    indexUrls: (t) => kw("index_urls", optionalLiteral(t.ir.config.indexUrls)),
    venvCacheDir: (t) => kw("venv_cache_path", optionalLiteral(t.ir.config.venvCacheDir)),
  },
};
