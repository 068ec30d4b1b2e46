/**
 * Type-checking the DAG modules as `tsc --noEmit -p` would, with the project's tsconfig.json:
 * with the project's own TypeScript when it pins one, else with the TypeScript 7 that
 * dagwright bundles.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Diagnostic } from "../../diagnostics/index.js";
import { checkClassic } from "./classic.js";
import { writeCheckConfig } from "./config.js";
import { toDiagnostics, type TsFinding } from "./diagnostics.js";
import { checkNative, type NativeModule } from "./native.js";

export interface TypecheckOptions {
  root: string;
  files: string[];
  /** The declaration entry of the authoring API that `"dagwright"` resolves to in a project without dagwright installed. */
  apiTypes: string;
  /** The project's tsconfig, relative to the root, instead of tsconfig.json. */
  tsconfig?: string;
}

export interface TypecheckResult {
  diagnostics: Diagnostic[];
  /** Which TypeScript checked the code, for --verbose and the manifest. */
  checker: { version: string; source: "project" | "bundled" };
}

export function typecheck(options: TypecheckOptions): TypecheckResult {
  const config = writeCheckConfig(options.root, options.files, options.apiTypes, options.tsconfig);
  const checker = chooseChecker(options.root);
  const findings: TsFinding[] =
    checker.kind === "native" ? checkNative(checker.module, checker.exe, options.root, config.file) : checkClassic(checker.module, config.file);
  return { diagnostics: toDiagnostics(options.root, findings), checker: { version: checker.version, source: checker.source } };
}

type Checker =
  | { kind: "native"; module: NativeModule; exe: string | undefined; version: string; source: "project" | "bundled" }
  | { kind: "classic"; module: typeof import("typescript"); version: string; source: "project" };

/** The project's own TypeScript (resolved from its folder, as its editor would), else the bundled TypeScript 7. */
function chooseChecker(root: string): Checker {
  const own = projectTypescript(root);
  if (own) return own;
  const bundled = createRequire(import.meta.url);
  const manifest = bundled.resolve("typescript7/package.json");
  return { kind: "native", module: bundled("typescript7/unstable/sync") as NativeModule, exe: nativeExe(manifest), version: version(manifest), source: "bundled" };
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
    return { kind: "native", module: fromProject("typescript/unstable/sync") as NativeModule, exe: nativeExe(manifest), version: installed, source: "project" };
  }
  return { kind: "classic", module: fromProject("typescript") as typeof import("typescript"), version: installed, source: "project" };
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
