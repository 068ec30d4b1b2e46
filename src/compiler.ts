/**
 * The whole pipeline, load -> resolve -> validate -> emit, without touching the disk: commands,
 * tests and benchmarks drive dagwright through this. Writing is left to the caller and the writer.
 */
import path from "node:path";
import { diagnose, hasErrors, sortDiagnostics, type Diagnostic } from "./diagnostics/index.js";
import type { OutputFile } from "./emit/files.js";
import type { ResolvedProject } from "./ir/resolved.js";
import type { Project } from "./ir/schema.js";
import { loadProject, runTeamRules, type LoadOptions, type LoadResult, type ResolvedConfig } from "./load/index.js";
import { configKeyLocation } from "./load/config.js";
import { Inputs } from "./load/inputs.js";
import { DagOutputCache } from "./load/dag-output-cache.js";
import { ownCode, sha256 } from "./load/fingerprint.js";
import type { Dependencies } from "./load/modules.js";
import { applyPolicy, type PolicyResult, type Suppression } from "./policy/apply.js";
import { ruleProjectOf } from "./policy/view.js";
import { pointAtValues } from "./load/value-locations.js";
import { resolve } from "./resolve/index.js";
import { validate } from "./validate/index.js";
import { DAGWRIGHT_VERSION } from "./version.js";

export interface CompileResult {
  config?: ResolvedConfig;
  project?: Project;
  /** The project with every derived fact, when it loaded. */
  resolved?: ResolvedProject;
  diagnostics: Diagnostic[];
  /** The files to write, present only when there are no errors. */
  files?: OutputFile[];
  /** Milliseconds per stage. */
  timings: { typecheck: number; evaluate: number; resolve: number; validate: number; emit: number };
  /** Which TypeScript checked the modules (absent when nothing was checked), and whether the cache answered. */
  checker?: LoadResult["checker"];
  /** How many modules (the config among them) ran, and how many the cache answered for. */
  evaluation?: LoadResult["evaluation"];
  /** Everything the config and the modules read, when a later compile may trust it (see LoadResult). */
  inputs?: LoadResult["inputs"];
  /** The DAG modules found, absolute paths in discovery order. */
  modules?: string[];
  /** The team rules that ran (with the severity in force) and the diagnostics `suppress` silenced, once the project resolved. */
  policy?: { rules: PolicyResult["rules"]; suppressed: Suppression[] };
}

function relativeTo(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join("/");
}

/** Two sets of reads as one; undefined when they disagree about a file (it changed in between). */
function union(a: Dependencies, b: Dependencies): Dependencies | undefined {
  const inputs = new Inputs();
  inputs.add(a);
  inputs.add(b);
  return inputs.dependencies();
}

export { DAGWRIGHT_VERSION };

export interface CompileOptions extends LoadOptions {
  /** False: stop after validation. */
  emit?: boolean;
  /** Each DAG's output remembered from earlier builds (watch mode keeps one); else one is made per compile, on disk unless `cache` is false. */
  outputs?: DagOutputCache;
}

/** dagwright's own code, hashed: remembered output is keyed by it, not only by the version. */
let codeHash: string | undefined;

export async function compileProject(given: string, options: CompileOptions = {}): Promise<CompileResult> {
  // Every stage works with absolute paths (TypeScript 7's server refuses others).
  const root = path.resolve(given);
  const loaded = await loadProject(root, options);
  const timings = { ...loaded.timings, resolve: 0, validate: 0, emit: 0 };
  const base = { ...(loaded.config ? { config: loaded.config } : {}), ...(loaded.checker ? { checker: loaded.checker } : {}), ...(loaded.evaluation ? { evaluation: loaded.evaluation } : {}), ...(loaded.inputs ? { inputs: loaded.inputs } : {}), modules: loaded.modules, timings };
  if (!loaded.project || !loaded.config || hasErrors(loaded.diagnostics)) {
    return { ...base, diagnostics: sortDiagnostics(loaded.diagnostics) };
  }
  const { project } = loaded;
  let started = performance.now();
  const resolved = resolve(project);
  timings.resolve = performance.now() - started;
  started = performance.now();
  options.onProgress?.({ stage: "validate" });
  const found = [...loaded.diagnostics, ...validate(resolved)];
  const { config } = loaded;
  const ran = config.rules.files.length > 0 ? await runTeamRules(root, config, ruleProjectOf(resolved, relativeTo(root, config.srcDir)), options) : undefined;
  const policy = applyPolicy(resolved, [...found, ...(ran?.diagnostics ?? [])], {
    rules: ran?.rules ?? [],
    findings: ran?.findings ?? [],
    severity: config.severity,
    severityLocation: (code) => configKeyLocation(root, config.configFile, code),
    configFile: relativeTo(root, config.configFile),
  });
  // Findings about an option's value move from the call to the value, where it is written there.
  const placed = await pointAtValues(root, [...policy.diagnostics, ...policy.suppressed.map((suppression) => suppression.diagnostic)]);
  const diagnostics = sortDiagnostics(placed.slice(0, policy.diagnostics.length));
  // Listed in the manifest in the diagnostics' order: by file, line, column and code.
  const byDiagnostic = new Map(policy.suppressed.map((suppression, index) => [placed[policy.diagnostics.length + index]!, suppression]));
  const suppressed = sortDiagnostics([...byDiagnostic.keys()]).map((diagnostic) => ({ ...byDiagnostic.get(diagnostic)!, diagnostic }));
  timings.validate = performance.now() - started;
  // What the rule modules read joins what the compile read; untrusted when either cannot be trusted.
  const inputs = ran ? (loaded.inputs && ran.inputs ? union(loaded.inputs, ran.inputs) : undefined) : loaded.inputs;
  const checked = { ...base, inputs, project, resolved, policy: { rules: policy.rules, suppressed } };
  if (hasErrors(diagnostics) || options.emit === false) return { ...checked, diagnostics };

  options.onProgress?.({ stage: "emit" });
  const { emitAll, eventTimeFrom, TemplateError, Templates } = await import("./emit/all.js");
  const eventTime = eventTimeFrom(process.env);
  if (typeof eventTime !== "string") return { ...checked, diagnostics: sortDiagnostics([...diagnostics, eventTime]) };
  started = performance.now();
  let files: OutputFile[];
  try {
    const typecheck = loaded.checker ? { typescript: loaded.checker.version, source: loaded.checker.source } : null;
    const outputs = options.outputs ?? new DagOutputCache(root, { persistent: options.cache !== false });
    const memo = { store: outputs, code: (codeHash ??= sha256(ownCode().join("\n"))) };
    files = emitAll(resolved, { templates: new Templates(loaded.config.templatesDir), eventTime, dagwrightVersion: DAGWRIGHT_VERSION, typecheck, warnings: diagnostics, policy: checked.policy, memo });
    outputs.save();
  } catch (thrown) {
    if (!(thrown instanceof TemplateError)) throw thrown;
    const file = relativeTo(root, thrown.file);
    return { ...checked, diagnostics: sortDiagnostics([...diagnostics, diagnose("DW014", { file, problem: thrown.problem }, { file, line: thrown.line, column: thrown.column })]) };
  }
  timings.emit = performance.now() - started;
  return { ...checked, diagnostics, files };
}
