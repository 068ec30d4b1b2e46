/**
 * The type-check's persistent cache: a check that found no error is remembered with the hash of
 * every file its program read (the modules, what they import, the declarations of the packages
 * they use), the listing of every folder those files sit in (so a new file that an import
 * would now resolve to is noticed), and the TypeScript, dagwright and tsconfig chain that
 * checked them. A later compile whose files all hash the same skips the check.
 *
 * The entry is re-verified against the disk every time, so a corrupt, stale or foreign entry
 * (another project, another version) is a miss, never trusted. Checks with errors are not
 * cached: an unresolved import could resolve tomorrow in a place no listing covers.
 */
import fs from "node:fs";
import path from "node:path";
import { listingFingerprint, sha256 } from "../fingerprint.js";
import { tsconfigChain } from "../tsconfig.js";
import { writeIfChanged } from "./config.js";

const FORMAT = 1;

interface Entry {
  format: typeof FORMAT;
  key: string;
  /** Absolute path -> sha256 of the content. */
  files: Record<string, string>;
  /** Absolute folder -> sha256 of its sorted listing. */
  folders: Record<string, string>;
}

export interface CacheKeyParts {
  dagwrightVersion: string;
  checker: string;
  /** The generated tsconfig the checker opens. */
  checkConfig: string;
  /** The project's own tsconfig, whose `extends` chain is part of the key. */
  projectConfig?: string;
}

/** The key of everything that is not a program file: versions and the tsconfig files in force. */
export function cacheKey(parts: CacheKeyParts): string {
  const configs = [parts.checkConfig, ...(parts.projectConfig ? tsconfigChain(parts.projectConfig) : [])];
  const texts = configs.map((file) => `${file}\n${readOrEmpty(file)}`);
  return sha256([`format ${FORMAT}`, parts.dagwrightVersion, parts.checker, ...texts].join("\0"));
}

function readOrEmpty(file: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

/** The entry for a clean check of `programFiles` (files that are not on disk, the bundled lib files, are covered by the key). */
function entryFor(key: string, programFiles: readonly string[]): Entry {
  const files: Record<string, string> = {};
  const folders: Record<string, string> = {};
  for (const file of [...programFiles].sort()) {
    let content: Buffer;
    try {
      content = fs.readFileSync(file);
    } catch {
      continue;
    }
    files[file] = sha256(content);
    const folder = path.dirname(file);
    folders[folder] ??= listingFingerprint(folder, "resolvable");
  }
  return { format: FORMAT, key, files, folders };
}

export class TypecheckCache {
  readonly #file: string;

  constructor(cacheDir: string) {
    this.#file = path.join(cacheDir, "typecheck-result.json");
  }

  /** Whether a clean check of exactly these inputs is remembered. */
  isClean(key: string): boolean {
    let entry: Entry;
    try {
      entry = JSON.parse(fs.readFileSync(this.#file, "utf8")) as Entry;
    } catch {
      return false;
    }
    if (entry?.format !== FORMAT || entry.key !== key || typeof entry.files !== "object" || typeof entry.folders !== "object") return false;
    for (const [file, hash] of Object.entries(entry.files)) {
      try {
        if (sha256(fs.readFileSync(file)) !== hash) return false;
      } catch {
        return false;
      }
    }
    return Object.entries(entry.folders).every(([folder, hash]) => listingFingerprint(folder, "resolvable") === hash);
  }

  rememberClean(key: string, programFiles: readonly string[]): void {
    fs.mkdirSync(path.dirname(this.#file), { recursive: true });
    writeIfChanged(this.#file, `${JSON.stringify(entryFor(key, programFiles))}\n`);
  }

  forget(): void {
    fs.rmSync(this.#file, { force: true });
  }
}
