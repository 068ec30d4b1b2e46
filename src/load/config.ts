/** Reading `dagwright.config.ts`: evaluated like a DAG module, checked with zod. */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { diagnose, type Diagnostic } from "../diagnostics/index.js";
import { AirflowTarget, OpenLineageConfig, TaskDefaults, Timetable, type Location } from "../ir/schema.js";
import { SparkProjectConfig } from "../ir/spark.js";
import { CONFIG_FILE } from "../values/names.js";
import { escapeRegExp, positionAt } from "./source-text.js";
import { findRuleFiles } from "./rule-files.js";
import { CATALOGUE, isCode } from "../diagnostics/catalogue.js";
import { RULE_CODE } from "../dsl/rules.js";
import { SEVERITY_SETTINGS, type SeveritySetting } from "../ir/rules.js";

/** Options as the DSL writes them: `email` may be one address in the config, always a list in the IR. */
const EmailAsList = z.preprocess((value) => {
  if (value && typeof value === "object" && typeof (value as { email?: unknown }).email === "string") {
    return { ...(value as object), email: [(value as { email: string }).email] };
  }
  return value;
}, TaskDefaults);

const ConfigSchema = z
  .object({
    srcDir: z.string().min(1).default("dags-src"),
    outDir: z.string().min(1).default("generated"),
    airflow: AirflowTarget,
    timetable: Timetable.optional(),
    templates: z.string().min(1).optional(),
    defaults: EmailAsList.optional(),
    folders: z.record(z.string(), EmailAsList).optional(),
    spark: SparkProjectConfig.optional(),
    openLineage: OpenLineageConfig.optional(),
    rules: z.array(z.string().min(1)).optional(),
    severity: z.record(z.string(), z.enum(SEVERITY_SETTINGS)).optional(),
    python: z
      .object({ roots: z.array(z.string().min(1)).min(1).optional(), interpreter: z.string().min(1).optional() })
      .strict()
      .optional(),
  })
  .strict();

/** The Python source root when the config names none: the folder the examples keep theirs in. */
export const DEFAULT_PYTHON_ROOTS = ["python"] as const;

/** The configuration with defaults applied and folders made absolute. */
export interface ResolvedConfig {
  root: string;
  configFile: string;
  srcDir: string;
  outDir: string;
  airflow: AirflowTarget;
  timetable?: Timetable;
  templatesDir?: string;
  spark?: SparkProjectConfig;
  openLineage?: OpenLineageConfig;
  defaults?: TaskDefaults;
  folders?: Record<string, TaskDefaults>;
  /** The team-rule modules `rules` names, absolute and sorted, and the listings of the folders searched. */
  rules: { files: string[]; listings: Record<string, string> };
  /** The configured severity of codes, by code. */
  severity: Record<string, SeveritySetting>;
  /** The project's Python: absolute roots that exist (sorted as written), the interpreter, and the bindings' folder. */
  python: { roots: string[]; interpreter: string; bindingsDir: string };
}

export function findConfig(root: string): string | undefined {
  const file = path.join(root, CONFIG_FILE);
  return fs.existsSync(file) ? file : undefined;
}

/** DW005 for a folder without a configuration. */
export function missingConfig(root: string): Diagnostic {
  return diagnose("DW005", { missing: root });
}

/** Check a config module's default export; a diagnostic explains what is wrong. */
export function resolveConfig(root: string, configFile: string, value: unknown): ResolvedConfig | Diagnostic {
  const file = path.relative(root, configFile).split(path.sep).join("/");
  const parsed = ConfigSchema.safeParse(value);
  if (!parsed.success) {
    const location = { file, ...locateIssue(fs.readFileSync(configFile, "utf8"), parsed.error.issues[0]) };
    const problems = parsed.error.issues.map((issue) =>
      issue.code === "unrecognized_keys"
        ? `unknown option${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}`
        : `${issue.path.join(".") || "config"}: ${issue.message}`,
    );
    const versions = AirflowTarget.options;
    return diagnose("DW005", value === undefined ? { noDefaultExport: { versions } } : { invalid: { problems, versions } }, location);
  }
  const config = parsed.data;
  /** Where the config writes the string `value` (when given), else `key:`; 1:1 when it spells out neither. */
  const whereWritten = (key: string, value?: string) => {
    const source = fs.readFileSync(configFile, "utf8");
    return { file, ...((value === undefined ? undefined : valuePosition(source, value)) ?? keyPosition(source, key) ?? { line: 1, column: 1 }) };
  };
  const severityProblem = checkSeverity(config.severity ?? {});
  if (severityProblem) return diagnose("DW005", { severity: severityProblem.problem }, whereWritten(severityProblem.key));
  const rules = findRuleFiles(root, config.rules ?? []);
  if (rules.unmatched.length > 0) {
    const [first] = rules.unmatched as [string];
    return diagnose("DW005", { rules: { pattern: first } }, whereWritten("rules", first));
  }
  const missingRoot = (config.python?.roots ?? []).find((folder) => !isFolder(path.resolve(root, folder)));
  if (missingRoot !== undefined) return diagnose("DW005", { pythonRoot: missingRoot }, whereWritten("roots", missingRoot));
  const folderProblem = checkFolders(root, config);
  if (folderProblem) return diagnose("DW005", { folder: folderProblem.problem }, whereWritten(folderProblem.key));
  return {
    root,
    configFile,
    srcDir: path.resolve(root, config.srcDir),
    outDir: path.resolve(root, config.outDir),
    airflow: config.airflow,
    ...(config.timetable ? { timetable: config.timetable } : {}),
    ...(config.templates ? { templatesDir: path.resolve(root, config.templates) } : {}),
    ...(config.spark ? { spark: config.spark } : {}),
    ...(config.openLineage ? { openLineage: config.openLineage } : {}),
    ...(config.defaults ? { defaults: config.defaults } : {}),
    ...(config.folders ? { folders: config.folders } : {}),
    rules: { files: rules.files, listings: rules.listings },
    severity: { ...config.severity },
    python: {
      roots: (config.python?.roots ?? DEFAULT_PYTHON_ROOTS).map((folder) => path.resolve(root, folder)).filter(isFolder),
      interpreter: interpreterOf(root, config.python?.interpreter),
      bindingsDir: path.join(path.resolve(root, config.srcDir), ".python"),
    },
  };
}

function isFolder(full: string): boolean {
  return fs.existsSync(full) && fs.statSync(full).isDirectory();
}

/** A command name stays one (found on PATH); anything with a slash is a path from the project root. */
function interpreterOf(root: string, interpreter: string | undefined): string {
  if (interpreter === undefined) return "python3";
  return /[\\/]/.test(interpreter) ? path.resolve(root, interpreter) : interpreter;
}

/**
 * A severity may lower or silence a team rule's code or a built-in warning, or raise either to
 * an error; a built-in error stays one, since what it refuses would not load in Airflow.
 */
function checkSeverity(severity: Record<string, SeveritySetting>): { key: string; problem: string } | undefined {
  for (const [code, setting] of Object.entries(severity)) {
    if (/^DW\d/.test(code)) {
      if (!isCode(code)) return { key: code, problem: `severity: ${code} is not one of dagwright's codes (\`dagwright explain\` lists them)` };
      if (CATALOGUE[code].severity === "error" && setting !== "error") return { key: code, problem: `severity: ${code} is an error, which dagwright does not lower: ${CATALOGUE[code].title.toLowerCase()} would not compile to a DAG Airflow runs as written` };
    } else if (!RULE_CODE.test(code)) {
      return { key: code, problem: `severity: ${JSON.stringify(code)} is not a code: a team rule's code is capital letters then digits, such as "ACME001"` };
    }
  }
  return undefined;
}

/** Where the config's source writes `key:` (a code under `severity`, say), when it spells it out. */
export function configKeyLocation(root: string, configFile: string, key: string): Location | undefined {
  return keyLocation(path.relative(root, configFile).split(path.sep).join("/"), fs.readFileSync(configFile, "utf8"), key);
}

function keyLocation(file: string, source: string, key: string): Location | undefined {
  const position = keyPosition(source, key);
  return position ? { file, ...position } : undefined;
}

/**
 * Where the config writes `defaults` and each folder of `folders`, found in its source as
 * locateIssue finds options; absent when the source does not spell them out.
 */
export function configLocations(root: string, configFile: string, folders: readonly string[]): { defaults?: Location; folders?: Record<string, Location> } {
  const file = path.relative(root, configFile).split(path.sep).join("/");
  const source = fs.readFileSync(configFile, "utf8");
  const at = (key: string) => keyLocation(file, source, key);
  const defaults = at("defaults");
  const located = folders.flatMap((folder) => {
    const where = at(folder);
    return where ? [[folder, where] as const] : [];
  });
  return { ...(defaults ? { defaults } : {}), ...(located.length > 0 ? { folders: Object.fromEntries(located) } : {}) };
}

/**
 * The folders must be folders, and the output folder one dagwright may replace whole: never
 * the project itself, nor a folder that holds the sources or the config.
 */
function checkFolders(root: string, config: z.infer<typeof ConfigSchema>): { key: string; problem: string } | undefined {
  const folders: Array<[key: string, value: string | undefined]> = [
    ["srcDir", config.srcDir],
    ["outDir", config.outDir],
    ["templates", config.templates],
  ];
  for (const [key, value] of folders) {
    if (value === undefined) continue;
    const full = path.resolve(root, value);
    if (fs.existsSync(full) && !fs.statSync(full).isDirectory()) return { key, problem: `${key}: ${value} is a file, not a folder` };
  }
  const outDir = path.resolve(root, config.outDir);
  const contains = (outer: string, inner: string) => inner === outer || inner.startsWith(outer + path.sep);
  if (contains(outDir, root)) return { key: "outDir", problem: `outDir: ${config.outDir} is the project folder or above it; compile replaces the output folder whole` };
  if (contains(outDir, path.resolve(root, config.srcDir))) return { key: "outDir", problem: `outDir: ${config.outDir} holds the source folder ${config.srcDir}; compile replaces the output folder whole` };
  return undefined;
}

/**
 * Where in the config's source a problem lies: at the offending option's name, where tsc would
 * put it; 1:1 when the source does not spell it out (a computed object).
 */
function locateIssue(source: string, issue: z.core.$ZodIssue | undefined): { line: number; column: number } {
  const unknownKey = issue?.code === "unrecognized_keys" ? issue.keys[0] : undefined;
  const key = unknownKey ?? [...(issue?.path ?? [])].reverse().find((part): part is string => typeof part === "string");
  return (key === undefined ? undefined : keyPosition(source, key)) ?? { line: 1, column: 1 };
}

/** Where the string literal `value` first stands in the config's source. */
function valuePosition(source: string, value: string): { line: number; column: number } | undefined {
  const match = new RegExp(`(["'\`])${escapeRegExp(value)}\\1`).exec(source);
  return match ? positionAt(source, match.index) : undefined;
}

/** Where `key:` (quoted or not) first stands in the config's source. */
function keyPosition(source: string, key: string): { line: number; column: number } | undefined {
  const boundary = /^\w/.test(key) ? "\\b" : "";
  const match = new RegExp(`(["']?)${boundary}${escapeRegExp(key)}\\1\\s*:\\s*`).exec(source);
  return match ? positionAt(source, match.index) : undefined;
}
