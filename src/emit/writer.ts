/**
 * The only code that writes generated output. It writes all or nothing: the new output is
 * staged beside the output folder and swapped in with renames, so a failure or a kill leaves
 * the previous output whole. Files a previous compile wrote and no longer produces are
 * removed; files dagwright did not write are kept and reported.
 */
import fs from "node:fs";
import path from "node:path";
import { compareText } from "../values/names.js";
import { createHash } from "node:crypto";
import { MANIFEST_FILE, MANIFEST_SCHEMA_FILE, SITE_FOLDER, type OutputFile } from "./files.js";

export interface WriteResult {
  /** Files whose bytes changed or that are new. */
  changed: string[];
  /** Files a previous compile wrote that this one no longer produces. */
  removed: string[];
  /** Files in the output folder that dagwright did not write; kept as they are. */
  foreign: string[];
}

export interface OutputStatus {
  stale: string[];
  missing: string[];
  extra: string[];
  foreign: string[];
}

/** Compare what compile would write with what is on disk, without writing. */
export function checkOutput(outDir: string, files: readonly OutputFile[]): OutputStatus {
  const onDisk = listEntries(outDir);
  const previous = previouslyWritten(outDir);
  const wanted = new Set(files.map((file) => file.path));
  const status: OutputStatus = { stale: [], missing: [], extra: [], foreign: [] };
  for (const file of files) {
    const kind = onDisk.get(file.path);
    if (kind === undefined) status.missing.push(file.path);
    else if (kind !== "file" || fs.readFileSync(path.join(outDir, file.path), "utf8") !== file.contents) status.stale.push(file.path);
  }
  for (const [entry] of onDisk) {
    if (wanted.has(entry)) continue;
    (previous.has(entry) ? status.extra : status.foreign).push(entry);
  }
  for (const list of Object.values(status)) list.sort(compareText);
  return status;
}

export function writeOutput(outDir: string, files: readonly OutputFile[]): WriteResult {
  recoverInterruptedSwap(outDir);
  const status = checkOutput(outDir, files);
  const result: WriteResult = {
    changed: [...status.stale, ...status.missing].sort(compareText),
    removed: status.extra,
    foreign: status.foreign,
  };
  if (result.changed.length === 0 && result.removed.length === 0) return result;

  const rewritten = new Set(result.changed);
  swapIn(outDir, (staging) => {
    // A file whose bytes did not change is linked, not written again: after a one-DAG edit,
    // the staging copy costs a few links per DAG instead of all of the output's bytes.
    for (const file of files) {
      const target = path.join(staging, file.path);
      if (rewritten.has(file.path) || !linkFile(path.join(outDir, file.path), target)) writeFile(target, file.contents);
    }
    for (const entry of status.foreign) keepForeign(path.join(outDir, entry), path.join(staging, entry));
    // The docs site moves across whole (it is rebuilt by `dagwright docs`, never by compile).
    const site = path.join(outDir, SITE_FOLDER);
    if (fs.existsSync(site)) {
      fs.mkdirSync(staging, { recursive: true });
      fs.renameSync(site, path.join(staging, SITE_FOLDER));
    }
  });
  return result;
}

/** A compile killed between its two renames leaves only the previous output aside: put it back. */
function recoverInterruptedSwap(outDir: string): void {
  const parent = path.dirname(outDir);
  if (!fs.existsSync(parent)) return;
  const name = path.basename(outDir);
  for (const entry of fs.readdirSync(parent).sort(compareText)) {
    const full = path.join(parent, entry);
    if (entry.startsWith(`.${name}.previous-`)) {
      if (fs.existsSync(outDir)) fs.rmSync(full, { recursive: true, force: true });
      else fs.renameSync(full, outDir);
    } else if (entry.startsWith(`.${name}.staging-`) && !isRunning(entry.slice(`.${name}.staging-`.length))) {
      fs.rmSync(full, { recursive: true, force: true });
    }
  }
}

function isRunning(pid: string): boolean {
  try {
    process.kill(Number(pid), 0);
    return Number(pid) !== process.pid;
  } catch {
    return false;
  }
}

/**
 * The previous manifest's `files`. The manifest writes them last, as a top-level member on a
 * line of its own, so they are parsed alone: the rest of a 50,000-task manifest is 60 MB.
 * Anything else (a manifest edited by hand, say) is parsed whole.
 */
function previousFiles(outDir: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(path.join(outDir, MANIFEST_FILE), "utf8");
  } catch {
    return undefined;
  }
  const start = text.lastIndexOf('\n  "files": [');
  const end = text.lastIndexOf("\n}");
  if (start !== -1 && end > start) {
    try {
      return JSON.parse(text.slice(start + '\n  "files": '.length, end));
    } catch {
      // not the manifest's own layout: read it whole below
    }
  }
  return previousManifest(outDir).files;
}

/** The previous compile's manifest, as far as it can be read; nothing when there is none or it is not JSON. */
function previousManifest(outDir: string): { dags?: unknown; files?: unknown } {
  try {
    const manifest: unknown = JSON.parse(fs.readFileSync(path.join(outDir, MANIFEST_FILE), "utf8"));
    return typeof manifest === "object" && manifest !== null ? manifest : {};
  } catch {
    return {};
  }
}

/**
 * Replace `dir` with exactly `files`, all or nothing: written beside it, then swapped in. For
 * the docs site, which has no manifest of its own to tell its files from anyone else's.
 */
export function replaceFolder(dir: string, files: readonly OutputFile[]): void {
  swapIn(dir, (staging) => {
    for (const file of files) writeFile(path.join(staging, file.path), file.contents);
  });
}

/**
 * Make `dir` what `fill` writes into a staging folder beside it: the staging folder is filled
 * whole first, then takes the old folder's place in two renames (recoverInterruptedSwap puts
 * the old one back if the process dies between them). A failure leaves `dir` as it was.
 */
function swapIn(dir: string, fill: (staging: string) => void): void {
  const parent = path.dirname(dir);
  const name = path.basename(dir);
  const staging = path.join(parent, `.${name}.staging-${process.pid}`);
  const previous = path.join(parent, `.${name}.previous-${process.pid}`);
  fs.rmSync(staging, { recursive: true, force: true });
  try {
    fill(staging);
    fs.mkdirSync(staging, { recursive: true });
    if (fs.existsSync(dir)) {
      fs.renameSync(dir, previous);
      fs.renameSync(staging, dir);
      fs.rmSync(previous, { recursive: true, force: true });
    } else {
      fs.mkdirSync(parent, { recursive: true });
      fs.renameSync(staging, dir);
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** Whether the output folder holds exactly these files with these sha256 hashes, and nothing else. */
export function outputMatches(outDir: string, files: ReadonlyArray<{ path: string; sha256: string }>): boolean {
  const onDisk = listEntries(outDir);
  if (onDisk.size !== files.length) return false;
  return files.every((file) => {
    if (onDisk.get(file.path) !== "file") return false;
    try {
      return createHash("sha256").update(fs.readFileSync(path.join(outDir, file.path))).digest("hex") === file.sha256;
    } catch {
      return false;
    }
  });
}

/** How many DAGs the previous compile wrote into `outDir`, from its manifest (0 without one). */
export function previousDagCount(outDir: string): number {
  const { dags } = previousManifest(outDir);
  return Array.isArray(dags) ? dags.length : 0;
}

/** The files a previous compile wrote, from its manifest; the manifest and its schema are always ours. */
function previouslyWritten(outDir: string): Set<string> {
  const written = new Set([MANIFEST_FILE, MANIFEST_SCHEMA_FILE]);
  const files = previousFiles(outDir);
  for (const file of Array.isArray(files) ? (files as Array<{ path?: unknown }>) : []) if (typeof file?.path === "string") written.add(file.path);
  return written;
}

type EntryKind = "file" | "symlink" | "folder";

/**
 * Every file under `dir`, relative, with POSIX separators, and what else a user may have put
 * there: symlinks (not followed: a link is kept as a link) and empty folders (as `name/`).
 */
function listEntries(dir: string): Map<string, EntryKind> {
  const found = new Map<string, EntryKind>();
  const relative = (full: string) => path.relative(dir, full).split(path.sep).join("/");
  const walk = (current: string) => {
    const entries = fs.readdirSync(current, { withFileTypes: true });
    if (entries.length === 0 && current !== dir) found.set(`${relative(current)}/`, "folder");
    for (const entry of entries) {
      if (current === dir && entry.name === SITE_FOLDER && entry.isDirectory()) continue; // the docs site's
      const full = path.join(current, entry.name);
      if (entry.isSymbolicLink()) found.set(relative(full), "symlink");
      else if (entry.isDirectory()) walk(full);
      else found.set(relative(full), "file");
    }
  };
  if (fs.existsSync(dir) && fs.statSync(dir).isDirectory()) walk(dir);
  return found;
}

/** Carry a file, symlink or empty folder that dagwright did not write into the new output, as it is. */
function keepForeign(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  const stats = fs.lstatSync(from);
  if (stats.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(from), to);
  else if (stats.isDirectory()) fs.mkdirSync(to, { recursive: true });
  else fs.copyFileSync(from, to);
}

/** Hard-link `from` as `to`; false where links cannot be made (the file system has none), and the file is then written. */
function linkFile(from: string, to: string): boolean {
  try {
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.linkSync(from, to);
    return true;
  } catch {
    return false;
  }
}

function writeFile(file: string, contents: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, contents);
}
