/**
 * Each DAG's rendered output, remembered (its Airflow file, its OpenLineage events, its
 * manifest entry), each part under the key the back end gives it (see emit/memo.ts): in memory
 * for as long as the object lives (a watch session keeps one across builds), and, when
 * persistent, in one file per DAG under the cache folder, so a fresh process after a one-module
 * edit renders one DAG.
 *
 * Entries on disk are checked, never trusted: one that does not parse, was written by another
 * format, names another project or DAG, or whose digest does not match its content is ignored.
 */
import fs from "node:fs";
import path from "node:path";
import { cacheRoot, sha256 } from "./fingerprint.js";

const FORMAT = 1;

type Part = "airflow" | "openlineage" | "manifest";

interface Remembered {
  key: string;
  text: string;
  sha256: string;
}

type Parts = Partial<Record<Part, Remembered>>;

interface Header {
  format: typeof FORMAT;
  root: string;
  dag: string;
  /** sha256 of the header's other fields and the body, so a tampered or truncated entry is noticed. */
  digest: string;
}

export class DagOutputCache {
  readonly #root: string;
  readonly #dir: string | undefined;
  /** What is known of each DAG: read from disk once, or made in this process. */
  readonly #known = new Map<string, Parts>();
  readonly #changed = new Set<string>();
  /** The DAGs asked about since the last save: the ones memory keeps. */
  readonly #used = new Set<string>();

  /** `persistent`: also read and write the cache folder (false for --no-cache: memory only). */
  constructor(root: string, { persistent }: { persistent: boolean }) {
    this.#root = root;
    this.#dir = persistent ? path.join(cacheRoot(root), "output") : undefined;
  }

  get(dagId: string, part: Part, key: string): { text: string; sha256: string } | undefined {
    this.#used.add(dagId);
    const found = this.#parts(dagId)[part];
    return found?.key === key ? { text: found.text, sha256: found.sha256 } : undefined;
  }

  set(dagId: string, part: Part, key: string, value: { text: string; sha256: string }): void {
    this.#used.add(dagId);
    this.#parts(dagId)[part] = { key, ...value };
    this.#changed.add(dagId);
  }

  /** Write what changed to disk (when persistent), and let go of DAGs this compile did not ask about. */
  save(): void {
    for (const dagId of this.#known.keys()) if (!this.#used.has(dagId)) this.#known.delete(dagId);
    if (this.#dir) {
      for (const dagId of this.#changed) {
        const parts = this.#known.get(dagId);
        if (parts) this.#write(dagId, parts);
      }
    }
    this.#changed.clear();
    this.#used.clear();
  }

  #parts(dagId: string): Parts {
    let parts = this.#known.get(dagId);
    if (!parts) this.#known.set(dagId, (parts = this.#read(dagId) ?? {}));
    return parts;
  }

  #entryFile(dagId: string): string {
    return path.join(this.#dir!, `dag.${sha256(`${this.#root}\0${dagId}`).slice(0, 24)}.json`);
  }

  #digest(dagId: string, body: string): string {
    return sha256(`${FORMAT}\0${this.#root}\0${dagId}\0${body}`);
  }

  #read(dagId: string): Parts | undefined {
    if (!this.#dir) return undefined;
    try {
      const text = fs.readFileSync(this.#entryFile(dagId), "utf8");
      const newline = text.indexOf("\n");
      const header = JSON.parse(text.slice(0, newline)) as Header;
      const body = text.slice(newline + 1);
      if (header?.format !== FORMAT || header.root !== this.#root || header.dag !== dagId || header.digest !== this.#digest(dagId, body)) return undefined;
      const parts = JSON.parse(body) as Parts;
      return typeof parts === "object" && parts !== null && !Array.isArray(parts) ? wellFormed(parts) : undefined;
    } catch {
      return undefined;
    }
  }

  #write(dagId: string, parts: Parts): void {
    const body = JSON.stringify(parts);
    const header: Header = { format: FORMAT, root: this.#root, dag: dagId, digest: this.#digest(dagId, body) };
    const file = this.#entryFile(dagId);
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(this.#dir!, { recursive: true });
      fs.writeFileSync(temporary, `${JSON.stringify(header)}\n${body}`);
      fs.renameSync(temporary, file);
    } catch {
      // A cache that cannot be written costs the next compile time, not this one its result.
      fs.rmSync(temporary, { force: true });
    }
  }
}

/** Only the parts whose fields have the types they must: anything else is left out. */
function wellFormed(parts: Record<string, unknown>): Parts {
  const kept: Parts = {};
  for (const part of ["airflow", "openlineage", "manifest"] as const) {
    const value = parts[part] as Partial<Remembered> | undefined;
    if (typeof value?.key === "string" && typeof value.text === "string" && typeof value.sha256 === "string") kept[part] = { key: value.key, text: value.text, sha256: value.sha256 };
  }
  return kept;
}
