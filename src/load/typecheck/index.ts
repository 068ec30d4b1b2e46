/**
 * Type-checking the DAG modules as `tsc --noEmit -p` would, with the project's tsconfig.json:
 * with the project's own TypeScript when it pins one, else with the TypeScript 7 that
 * dagwright bundles.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Diagnostic } from "../../diagnostics/index.js";
import { DAGWRIGHT_VERSION } from "../../version.js";
import { checkClassic } from "./classic.js";
import { writeCheckConfig } from "./config.js";
import { cacheKey, TypecheckCache } from "./cache.js";
import { cacheRoot } from "../fingerprint.js";
import { toDiagnostics, type CheckFindings } from "./diagnostics.js";
import { NativeSession, type NativeModule } from "./native.js";

export interface TypecheckOptions {
  root: string;
  files: string[];
  /** The declaration entry of the authoring API that `"dagwright"` resolves to in a project without dagwright installed. */
  apiTypes: string;
  /** The project's tsconfig, relative to the root, instead of tsconfig.json. */
  tsconfig?: string;
  /** Remember clean checks, and skip a check whose inputs are unchanged (the default); false for --no-cache. */
  cache?: boolean;
}

export interface TypecheckResult {
  diagnostics: Diagnostic[];
  /** Which TypeScript checked the code, for --verbose and the manifest. */
  checker: { version: string; source: "project" | "bundled" };
  /** Whether the persistent cache answered, so nothing was checked. */
  cached: boolean;
}

/** A type-checker that may check many times: it keeps TypeScript 7's server running between checks. */
export interface Typechecker {
  check(options: TypecheckOptions): TypecheckResult;
  close(): void;
}

/** Check once, as one compile does. */
export function typecheck(options: TypecheckOptions): TypecheckResult {
  const checker = openTypechecker();
  try {
    return checker.check(options);
  } finally {
    checker.close();
  }
}

/**
 * A checker to keep: each check still uses the TypeScript its project calls for (see
 * chooseChecker); TypeScript 7 servers are started once per version and reused.
 */
export function openTypechecker(): Typechecker {
  const sessions = new Map<string, NativeSession>();
  return {
    check(options) {
      const { config, checker, key } = prepareCheck(options);
      const used = { version: checker.version, source: checker.source };
      const cache = options.cache === false ? undefined : new TypecheckCache(cacheRoot(options.root));
      if (cache?.isClean(key)) return { diagnostics: [], checker: used, cached: true };
      let checked: CheckFindings;
      if (checker.kind === "native") {
        let session = sessions.get(checker.manifest);
        if (!session) sessions.set(checker.manifest, (session = new NativeSession(checker.load(), checker.exe, options.root, path.dirname(config.file))));
        checked = session.check(config.file);
      } else {
        checked = checkClassic(checker.load(), config.file);
      }
      const diagnostics = toDiagnostics(options.root, checked.findings);
      if (cache) {
        if (checked.findings.length === 0) cache.rememberClean(key, checked.files);
        else cache.forget();
      }
      return { diagnostics, checker: used, cached: false };
    },
    close() {
      for (const session of sessions.values()) session.close();
      sessions.clear();
    },
  };
}

/** The tsconfig to check, the TypeScript to check with, and the cache key of that check. */
function prepareCheck(options: TypecheckOptions) {
  const config = writeCheckConfig(options.root, options.files, options.apiTypes, options.tsconfig);
  const checker = chooseChecker(options.root);
  const key = cacheKey({
    dagwrightVersion: DAGWRIGHT_VERSION,
    checker: `${checker.kind} ${checker.source} ${checker.version} ${checker.manifest}`,
    checkConfig: config.file,
    ...(config.projectConfig ? { projectConfig: config.projectConfig } : {}),
  });
  return { config, checker, key };
}

/**
 * The TypeScript that would check these files, when the cache remembers them checking clean
 * with it; undefined when a check would have to run. Loads no TypeScript.
 */
export function rememberedClean(options: TypecheckOptions): TypecheckResult["checker"] | undefined {
  const { checker, key } = prepareCheck(options);
  return new TypecheckCache(cacheRoot(options.root)).isClean(key) ? { version: checker.version, source: checker.source } : undefined;
}

/** Which TypeScript would check the project in `root`, found without loading it (for `doctor`). */
export function checkerFor(root: string): TypecheckResult["checker"] {
  const { version, source } = chooseChecker(root);
  return { version, source };
}

/** A TypeScript to check with, found without loading it: `load` does that, only on a cache miss. */
type Checker =
  | { kind: "native"; load: () => NativeModule; manifest: string; exe: string | undefined; version: string; source: "project" | "bundled" }
  | { kind: "classic"; load: () => typeof import("typescript"); manifest: string; version: string; source: "project" };

/** The project's own TypeScript (resolved from its folder, as its editor would), else the bundled TypeScript 7. */
function chooseChecker(root: string): Checker {
  const own = projectTypescript(root);
  if (own) return own;
  const bundled = createRequire(import.meta.url);
  const manifest = bundled.resolve("typescript7/package.json");
  return { kind: "native", load: () => bundled("typescript7/unstable/sync") as NativeModule, manifest, exe: nativeExe(manifest), version: version(manifest), source: "bundled" };
}

/** The TypeScript the project's package.json depends on (any kind of dependency), when it is installed. */
function projectTypescript(root: string): Checker | undefined {
  let declared: Record<string, Record<string, string> | undefined>;
  try {
    declared = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as typeof declared;
  } catch {
    return undefined;
  }
  const pins = ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"].some((field) => declared[field]?.typescript !== undefined);
  if (!pins) return undefined;
  const fromProject = createRequire(path.join(root, "package.json"));
  let manifest: string;
  try {
    manifest = fromProject.resolve("typescript/package.json");
  } catch {
    return undefined;
  }
  const installed = version(manifest);
  if (Number(installed.split(".")[0]) >= 7) {
    return { kind: "native", load: () => fromProject("typescript/unstable/sync") as NativeModule, manifest, exe: nativeExe(manifest), version: installed, source: "project" };
  }
  return { kind: "classic", load: () => fromProject("typescript") as typeof import("typescript"), manifest, version: installed, source: "project" };
}

/** The native compiler a TypeScript 7 package runs: its platform package's `lib/tsc`. */
function nativeExe(manifest: string): string | undefined {
  const fromPackage = createRequire(manifest);
  try {
    const platform = fromPackage.resolve(`@typescript/typescript-${process.platform}-${process.arch}/package.json`);
    const exe = path.join(path.dirname(platform), "lib", process.platform === "win32" ? "tsc.exe" : "tsc");
    return fs.existsSync(exe) ? exe : undefined;
  } catch {
    return undefined;
  }
}

function version(manifest: string): string {
  return (JSON.parse(fs.readFileSync(manifest, "utf8")) as { version: string }).version;
}
