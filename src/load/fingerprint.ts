/**
 * Fingerprints of what a compile read, for the persistent caches: a file's content, a folder's
 * listing. Both caches compare them against the disk on every use, so an entry is trusted only
 * while everything it was computed from still reads the same.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Dependencies } from "./modules.js";

// Taken when this module loads, before the evaluation process starts noticing the user's reads
// (reads.ts), so the caches' own reads are never mistaken for the user's.
const { readFileSync, readdirSync, statSync } = fs;

export function sha256(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/** A file's content hash, or "directory" or "missing": what a read of it would have found. */
export function fileFingerprint(file: string): string {
  try {
    return sha256(readFileSync(file));
  } catch (failure) {
    if ((failure as NodeJS.ErrnoException).code === "EISDIR") return "directory";
    try {
      if (statSync(file).isDirectory()) return "directory";
    } catch {
      // fall through
    }
    return "missing";
  }
}

/** Names that a module resolution could pick in a folder: source and declaration files, and node_modules. */
const RESOLVABLE = /\.(d\.)?([mc]?[jt]s|tsx|jsx|json)$/;

/**
 * A folder's listing: all of it (`readdirSync` by user code sees every name), or only what an
 * import could resolve to (so writing generated/ beside a module is not a change).
 */
export function listingFingerprint(folder: string, names: "all" | "resolvable"): string {
  try {
    const listed = readdirSync(folder).filter((name) => names === "all" || RESOLVABLE.test(name) || name === "node_modules");
    return sha256(listed.sort().join("\n"));
  } catch {
    return "missing";
  }
}

/** dagwright's own files (this module's folder: all of the bundled CLI) with their hashes: read once per process. */
let ownFiles: string[] | undefined;

export function ownCode(): readonly string[] {
  const code = path.dirname(fileURLToPath(import.meta.url));
  return (ownFiles ??= readdirSync(code)
    .sort()
    .map((name) => `${name} ${fileFingerprint(path.join(code, name))}`));
}

/** Where the persistent caches live: DAGWRIGHT_CACHE_DIR, else node_modules/.cache/dagwright/ in the project. */
export function cacheRoot(root: string): string {
  const configured = process.env.DAGWRIGHT_CACHE_DIR;
  return configured ? path.resolve(root, configured) : path.join(root, "node_modules", ".cache", "dagwright");
}

/**
 * Whether everything a run read still reads the same: each file's content, each listed
 * folder's listing, each folder an import resolved in. `seen` keeps fingerprints taken already
 * (a helper a hundred modules import is read once per compile).
 */
export function readsTheSame(deps: Dependencies, seen = new Map<string, string>()): boolean {
  const same = (kind: string, fingerprints: Record<string, string> | undefined, take: (what: string) => string) =>
    typeof fingerprints === "object" &&
    fingerprints !== null &&
    Object.entries(fingerprints).every(([what, fingerprint]) => {
      const key = `${kind}\0${what}`;
      let now = seen.get(key);
      if (now === undefined) seen.set(key, (now = take(what)));
      return now === fingerprint;
    });
  return (
    same("file", deps.files, fileFingerprint) &&
    same("listing", deps.listings, (folder) => listingFingerprint(folder, "all")) &&
    same("folder", deps.folders, (folder) => listingFingerprint(folder, "resolvable"))
  );
}
