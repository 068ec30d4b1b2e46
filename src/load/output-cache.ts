/**
 * The last compile, remembered, for a make-style up-to-date check: when nothing that compile
 * read has changed (the config and every module with all they read, the list of modules, the
 * templates, the type-check's inputs, dagwright itself) and the output folder still holds
 * exactly the files it wrote, a compile has nothing to do. It then reports what that compile
 * reported, without type-checking, evaluating, resolving or emitting anything.
 *
 * Like the other caches, the record is checked against the disk on every use and is a miss
 * when anything differs, when it does not parse, or when its digest does not match.
 */
import fs from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/index.js";
import type { AirflowTarget } from "../ir/schema.js";
import { apiTypesEntry } from "./api-types.js";
import { findConfig } from "./config.js";
import { discoverModules } from "./discover.js";
import { evaluationKey } from "./evaluation-cache.js";
import { cacheRoot, fileFingerprint, listingFingerprint, ownCode, readsTheSame, sha256 } from "./fingerprint.js";
import type { Dependencies } from "./modules.js";
import { projectTsconfig, writeIfChanged } from "./typecheck/config.js";
import { compareText } from "../values/names.js";
import { DAGWRIGHT_VERSION } from "../version.js";

const FORMAT = 1;

/** What decides the output besides the files read: the options, and the environment the output depends on. */
export interface CompileKeyParts {
  root: string;
  /** `--airflow`, when given. */
  airflow?: AirflowTarget;
  typecheck: boolean;
}

/** What the remembered compile reported and wrote. */
export interface RememberedCompile {
  airflow: AirflowTarget;
  dags: number;
  tasks: number;
  outDir: string;
  srcDir: string;
  diagnostics: Diagnostic[];
  checker: { version: string; source: "project" | "bundled" } | null;
}

interface Entry extends RememberedCompile {
  format: typeof FORMAT;
  key: string;
  modules: string[];
  /** The team-rule modules, type-checked with the DAG modules. */
  rules?: string[];
  inputs: Dependencies;
  templatesDir?: string;
  templates: Record<string, string>;
  /** Every file in the output folder, with its sha256. */
  outputs: Array<{ path: string; sha256: string }>;
  digest: string;
}

function entryFile(root: string): string {
  return path.join(cacheRoot(root), "last-compile.json");
}

/** The key: dagwright's own code (its files, not only its version), the options, and what the evaluation key covers. */
function compileKey(parts: CompileKeyParts): string {
  const own = ownCode();
  const tsconfig = projectTsconfig(parts.root);
  return sha256(
    [
      `format ${FORMAT}`,
      evaluationKey({ root: parts.root, dagwrightVersion: DAGWRIGHT_VERSION, ...(tsconfig ? { tsconfig } : {}) }),
      `airflow ${parts.airflow ?? "-"}`,
      `typecheck ${parts.typecheck}`,
      // The OpenLineage events' time comes from the environment.
      `epoch ${process.env.SOURCE_DATE_EPOCH ?? "-"}`,
      ...own,
    ].join("\0"),
  );
}

/** Each file of the templates folder (recursively), with its content hash. */
function templateFiles(dir: string | undefined): Record<string, string> {
  const found: Record<string, string> = {};
  if (dir === undefined) return found;
  const walk = (current: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      found[current] = "missing";
      return;
    }
    found[current] = listingFingerprint(current, "all");
    for (const entry of entries.sort((a, b) => compareText(a.name, b.name))) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else found[full] = fileFingerprint(full);
    }
  };
  walk(dir);
  return found;
}


/**
 * The remembered compile, when nothing it read has changed and `outputMatches` finds the output
 * folder as it left it. The type-check is asked of its own cache, which loads no TypeScript.
 */
export async function upToDate(parts: CompileKeyParts, outputMatches: (outDir: string, files: Entry["outputs"]) => boolean): Promise<RememberedCompile | undefined> {
  let entry: Entry;
  try {
    entry = JSON.parse(fs.readFileSync(entryFile(parts.root), "utf8")) as Entry;
  } catch {
    return undefined;
  }
  const { digest, ...rest } = entry ?? {};
  if (entry?.format !== FORMAT || digest !== sha256(JSON.stringify(rest)) || entry.key !== compileKey(parts)) return undefined;
  if (!readsTheSame(entry.inputs)) return undefined;
  if (JSON.stringify(templateFiles(entry.templatesDir)) !== JSON.stringify(entry.templates)) return undefined;
  const discovered = discoverModules(parts.root, entry.srcDir);
  if (discovered.diagnostics.length > 0 || discovered.files.join("\n") !== entry.modules.join("\n")) return undefined;
  if (parts.typecheck) {
    const configFile = findConfig(parts.root);
    if (!configFile) return undefined;
    const { rememberedClean } = await import("./typecheck/index.js");
    const checker = rememberedClean({ root: parts.root, files: [configFile, ...(entry.rules ?? []), ...entry.modules], apiTypes: apiTypesEntry() });
    if (!checker || checker.version !== entry.checker?.version || checker.source !== entry.checker.source) return undefined;
  }
  if (!outputMatches(entry.outDir, entry.outputs)) return undefined;
  const { airflow, dags, tasks, outDir, srcDir, diagnostics, checker } = entry;
  return { airflow, dags, tasks, outDir, srcDir, diagnostics, checker };
}

/** Remember a compile that wrote (or found current) `outputs`, read `inputs` and reported `compiled`. */
export function rememberCompile(
  parts: CompileKeyParts,
  compiled: RememberedCompile & { modules: string[]; rules?: string[]; inputs: Dependencies; templatesDir?: string; outputs: Entry["outputs"] },
): void {
  const entry = { format: FORMAT, key: compileKey(parts), ...compiled, templates: templateFiles(compiled.templatesDir) };
  const file = entryFile(parts.root);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeIfChanged(file, `${JSON.stringify({ ...entry, digest: sha256(JSON.stringify(entry)) })}\n`);
}

/** Forget the last compile (this one failed, or its inputs cannot be trusted). */
export function forgetCompile(root: string): void {
  fs.rmSync(entryFile(root), { force: true });
}
