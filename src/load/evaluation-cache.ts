/**
 * The evaluation's persistent cache: what each DAG module gave (its DAGs, as IR) and what the
 * config module exported, each remembered with the fingerprint of everything its run read (see
 * Dependencies). A later compile reuses a module's record only while every one of those still
 * reads the same, so after one file changes, only the modules that import it run again.
 *
 * Entries are checked, never trusted: one that does not parse, was written for another key
 * (another dagwright, Node, tsconfig or lock file), names another module, or whose digest does
 * not match its content (edited by hand, cut short) is a miss. Records of modules that failed,
 * or that read the clock or the environment, are not kept.
 */
import fs from "node:fs";
import path from "node:path";
import type { Dependencies } from "./modules.js";
import type { ModuleRecord } from "./records.js";
import { cacheRoot, fileFingerprint, readsTheSame, sha256 } from "./fingerprint.js";
import { writeIfChanged } from "./typecheck/config.js";
import { tsconfigChain } from "./tsconfig.js";

const FORMAT = 1;

/** What a config module's record holds: its default export, as data. */
export interface ConfigRecord {
  value: unknown;
}

interface Entry<T> {
  format: typeof FORMAT;
  key: string;
  file: string;
  deps: Dependencies;
  payload: T;
  /** sha256 of the rest of the entry, so a tampered or truncated entry is noticed. */
  digest: string;
}

export interface EvaluationKeyParts {
  root: string;
  dagwrightVersion: string;
  /** The project's tsconfig, whose `paths` imports resolve through. */
  tsconfig?: string;
}

/** Files whose change can change what any module gives: the tsconfig chain, and the package manifests. */
function keyFiles(parts: EvaluationKeyParts): string[] {
  const manifests = ["package.json", "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml"].map((name) => path.join(parts.root, name));
  return [...(parts.tsconfig ? tsconfigChain(parts.tsconfig) : []), ...manifests];
}

export function evaluationKey(parts: EvaluationKeyParts): string {
  const files = keyFiles(parts).map((file) => `${file}\n${fileFingerprint(file)}`);
  return sha256([`format ${FORMAT}`, parts.dagwrightVersion, process.version, ...files].join("\0"));
}

export class EvaluationCache {
  readonly #dir: string;
  readonly #key: string;
  /** Fingerprints taken in this compile: a helper imported by a hundred modules is read once. */
  readonly #seen = new Map<string, string>();

  constructor(root: string, key: string) {
    this.#dir = path.join(cacheRoot(root), "evaluation");
    this.#key = key;
  }

  /** The module's remembered record and what its run read, while all of that reads the same. */
  module(file: string): { record: Omit<ModuleRecord, "deps">; deps: Dependencies } | undefined {
    const entry = this.#read<Omit<ModuleRecord, "deps">>("module", file);
    return entry && { record: entry.payload, deps: entry.deps };
  }

  config(file: string): { record: ConfigRecord; deps: Dependencies } | undefined {
    const entry = this.#read<ConfigRecord>("config", file);
    return entry && { record: entry.payload, deps: entry.deps };
  }

  rememberModule(record: ModuleRecord): void {
    const { deps, ...payload } = record;
    this.#write("module", record.file, deps, payload);
  }

  rememberConfig(file: string, deps: Dependencies, value: unknown): void {
    this.#write("config", file, deps, { value });
  }

  /** Drop what is remembered of `file` (it failed this time, or cannot be cached). */
  forget(kind: "module" | "config", file: string): void {
    fs.rmSync(this.#entryFile(kind, file), { force: true });
  }

  #entryFile(kind: string, file: string): string {
    return path.join(this.#dir, `${kind}.${sha256(file).slice(0, 24)}.json`);
  }

  #read<T>(kind: string, file: string): { payload: T; deps: Dependencies } | undefined {
    let entry: Entry<T>;
    try {
      entry = JSON.parse(fs.readFileSync(this.#entryFile(kind, file), "utf8")) as Entry<T>;
    } catch {
      return undefined;
    }
    if (entry?.format !== FORMAT || entry.key !== this.#key || entry.file !== file || typeof entry.deps !== "object" || entry.deps === null) return undefined;
    const { digest, ...rest } = entry;
    if (digest !== sha256(JSON.stringify(rest))) return undefined;
    return readsTheSame(entry.deps, this.#seen) ? { payload: entry.payload, deps: entry.deps } : undefined;
  }

  #write<T>(kind: string, file: string, deps: Dependencies, payload: T): void {
    const rest = { format: FORMAT, key: this.#key, file, deps, payload };
    fs.mkdirSync(this.#dir, { recursive: true });
    writeIfChanged(this.#entryFile(kind, file), `${JSON.stringify({ ...rest, digest: sha256(JSON.stringify(rest)) })}\n`);
  }
}
