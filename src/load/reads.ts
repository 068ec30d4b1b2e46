/**
 * Noticing what the user's modules read from the disk, so the evaluation cache knows that a
 * module which loads `schema.json` with `fs.readFileSync` must run again when that file changes.
 * Installed only in the evaluation process (worker.ts). Reads inside node_modules are not
 * noted: installed packages change with the lock file, which is part of the cache's key.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { fileFingerprint, listingFingerprint } from "./fingerprint.js";
import type { ModuleRunner } from "./modules.js";

/** The synchronous calls that tell a module something about a file (async ones finish after the module has run). */
const FILE_READS = ["readFileSync", "existsSync", "statSync", "lstatSync", "accessSync", "openSync", "realpathSync"] as const;

export function noticeReads(runner: ModuleRunner): void {
  const pathOf = (given: unknown): string | undefined => {
    if (runner.currentModule() === undefined) return undefined;
    const named = typeof given === "string" ? given : given instanceof URL ? fileURLToPath(given) : Buffer.isBuffer(given) ? given.toString() : undefined;
    if (named === undefined) return undefined; // a file descriptor: its open was noted
    const file = path.resolve(named);
    return file.split(path.sep).includes("node_modules") ? undefined : file;
  };
  const calls = fs as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of FILE_READS) {
    const original = calls[name]!;
    calls[name] = function (this: unknown, ...args: unknown[]) {
      const file = pathOf(args[0]);
      if (file !== undefined) runner.noteRead("files", file, fileFingerprint(file));
      return original.apply(this, args);
    };
  }
  const readdir = calls.readdirSync!;
  calls.readdirSync = function (this: unknown, ...args: unknown[]) {
    const folder = pathOf(args[0]);
    if (folder !== undefined) runner.noteRead("listings", folder, listingFingerprint(folder, "all"));
    return readdir.apply(this, args);
  };
}
