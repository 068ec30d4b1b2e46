/**
 * What a type-check checks: exactly the files dagwright runs (the config and the DAG modules,
 * with what they import), under the project's own tsconfig.json when it has one, as `tsc -p`
 * would. The check runs from a generated tsconfig that extends the project's and names those
 * files; it lives in node_modules/.cache/dagwright/, so type roots and module resolution walk
 * up from the project as they do for the project's own tsconfig.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export interface CheckConfig {
  /** The generated tsconfig the checker opens. */
  file: string;
  /** The project's own tsconfig, when it has one. */
  projectConfig?: string;
}

/** The options of a project without a tsconfig.json: what `dagwright init` scaffolds, and Node's types. */
export function defaultCompilerOptions(root: string, apiTypes: string): Record<string, unknown> {
  return {
    target: "ES2022",
    module: "ESNext",
    moduleResolution: "Bundler",
    lib: ["ES2022"],
    strict: true,
    skipLibCheck: true,
    allowImportingTsExtensions: true,
    resolveJsonModule: true,
    esModuleInterop: true,
    // DAG modules run in Node: its types are there even when the project has not installed them.
    typeRoots: [path.join(root, "node_modules", "@types"), nodeTypesRoot()],
    types: ["node"],
    // A project that does not install dagwright (a scratch folder) still sees its types.
    ...(resolvesDagwright(root) ? {} : { paths: { dagwright: [apiTypes] } }),
  };
}

/** The project's tsconfig: the one `--project` names, else tsconfig.json in the project folder. */
export function projectTsconfig(root: string, explicit?: string): string | undefined {
  if (explicit !== undefined) return path.resolve(root, explicit);
  const file = path.join(root, "tsconfig.json");
  return fs.existsSync(file) ? file : undefined;
}

/** Write the tsconfig the checker opens, naming `files` under the project's tsconfig (or the defaults). */
export function writeCheckConfig(root: string, files: readonly string[], apiTypes: string, explicit?: string): CheckConfig {
  const dir = path.join(root, "node_modules", ".cache", "dagwright", "typecheck");
  fs.mkdirSync(dir, { recursive: true });
  const projectConfig = projectTsconfig(root, explicit);
  const config = {
    ...(projectConfig ? { extends: projectConfig } : {}),
    compilerOptions: { ...(projectConfig ? {} : defaultCompilerOptions(root, apiTypes)), noEmit: true },
    files: [...files],
    include: [],
  };
  const text = JSON.stringify(config, null, 2) + "\n";
  // Named by its content: TypeScript 7's server never re-reads a tsconfig under node_modules, so
  // a server kept across checks (watch mode) must see a new file when the module list changes.
  const file = path.join(dir, `tsconfig.${createHash("sha256").update(text).digest("hex").slice(0, 12)}.json`);
  writeIfChanged(file, text);
  removeStaleConfigs(dir, file);
  return { file, ...(projectConfig ? { projectConfig } : {}) };
}

/** Other module lists' tsconfigs, once no compile running beside this one can still be reading them. */
function removeStaleConfigs(dir: string, current: string): void {
  const cutoff = Date.now() - 60_000;
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    if (file === current || !/^tsconfig\.[0-9a-f]{12}\.json$/.test(name)) continue;
    try {
      if (fs.statSync(file).mtimeMs < cutoff) fs.rmSync(file, { force: true });
    } catch {
      // gone already
    }
  }
}

/**
 * Write a file only when its content changes (so a checker that watches it is not woken for
 * nothing), through a rename, so a compile running beside this one never reads half of it.
 */
export function writeIfChanged(file: string, text: string, mode = 0o644): void {
  if (fs.existsSync(file) && fs.readFileSync(file, "utf8") === text) return;
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  fs.writeFileSync(temporary, text, { mode });
  fs.renameSync(temporary, file);
}

/** Whether `import ... from "dagwright"` resolves from the project: installed, or the project is dagwright itself. */
function resolvesDagwright(root: string): boolean {
  if (fs.existsSync(path.join(root, "node_modules", "dagwright", "package.json"))) return true;
  try {
    return (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { name?: string }).name === "dagwright";
  } catch {
    return false;
  }
}

/** The @types folder holding the Node.js types dagwright depends on. */
function nodeTypesRoot(): string {
  const nodeTypes = createRequire(import.meta.url).resolve("@types/node/package.json");
  return path.dirname(path.dirname(nodeTypes));
}
