/**
 * The team-rule modules the config's `rules` names: paths and globs (matched by tinyglobby, the
 * glob library vite and vitest use) relative to the config, found in an order that does not
 * depend on the disk, with the listings of the folders searched, so that a rule file added
 * later makes the last compile out of date.
 */
import fs from "node:fs";
import path from "node:path";
import { globSync, isDynamicPattern } from "tinyglobby";
import { compareText } from "../values/names.js";
import { listingFingerprint } from "./fingerprint.js";

export interface RuleFiles {
  /** Absolute paths, sorted by their path relative to the project. */
  files: string[];
  /** The folders the patterns searched, with their listings' fingerprints (Dependencies' `listings`). */
  listings: Record<string, string>;
  /** The patterns that matched no TypeScript module. */
  unmatched: string[];
}

const MODULE = /\.(ts|mts|cts)$/;

export function findRuleFiles(root: string, patterns: readonly string[]): RuleFiles {
  const files = new Set<string>();
  const listings: Record<string, string> = {};
  const unmatched: string[] = [];
  for (const pattern of patterns) {
    const found = isDynamicPattern(pattern)
      ? globSync(pattern, { cwd: root, absolute: true, ignore: ["**/node_modules/**"], expandDirectories: false })
      : [path.resolve(root, pattern)].filter((file) => fs.existsSync(file) && fs.statSync(file).isFile());
    const modules = found.map((file) => path.normalize(file)).filter((file) => MODULE.test(file) && !/\.d\.[mc]?ts$/.test(file));
    if (modules.length === 0) unmatched.push(pattern);
    for (const file of modules) files.add(file);
    for (const folder of searchedFolders(root, pattern)) listings[folder] = listingFingerprint(folder, "all");
  }
  const relative = (file: string) => path.relative(root, file).split(path.sep).join("/");
  return { files: [...files].sort((a, b) => compareText(relative(a), relative(b))), listings, unmatched };
}

/** The folder a pattern starts from (its part before the first wildcard), and every folder under it a `**` may reach. */
function searchedFolders(root: string, pattern: string): string[] {
  const parts = pattern.split("/");
  const firstDynamic = parts.findIndex((part) => isDynamicPattern(part));
  const base = path.resolve(root, firstDynamic === -1 ? path.dirname(pattern) : parts.slice(0, firstDynamic).join("/") || ".");
  if (firstDynamic === -1 || (firstDynamic === parts.length - 1 && !pattern.includes("**"))) return [base];
  const folders = [base];
  const walk = (folder: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name === "node_modules" || entry.name.startsWith(".")) continue;
      const full = path.join(folder, entry.name);
      folders.push(full);
      walk(full);
    }
  };
  walk(base);
  return folders;
}
