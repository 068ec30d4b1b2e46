/** What a back end produces: files relative to the output folder, as text. Only the writer touches the disk. */
import { createHash } from "node:crypto";

export const MANIFEST_FILE = "manifest.json";
export const MANIFEST_SCHEMA_FILE = "manifest.schema.json";
/** The folder of the output folder that `dagwright docs` owns: compile neither writes, removes nor warns about it. */
export const SITE_FOLDER = "docs";

export interface OutputFile {
  /** Relative to the output folder, POSIX separators. */
  path: string;
  contents: string;
}

const hashes = new WeakMap<OutputFile, string>();

/** The sha256 of a text, in hex: every back end's hash of what it writes or keys on. */
export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The sha256 of a file's contents, computed once: the manifest lists it, and the up-to-date record keeps it. */
export function contentHash(file: OutputFile): string {
  let hash = hashes.get(file);
  if (hash === undefined) hashes.set(file, (hash = sha256(file.contents)));
  return hash;
}

/** A file whose sha256 is known already (it was remembered with it). */
export function knownHash(file: OutputFile, sha256: string): OutputFile {
  hashes.set(file, sha256);
  return file;
}

/** File systems allow 255 bytes per name; this leaves room for the longest extension and a hash. */
const MAX_SEGMENT_BYTES = 200;

/**
 * The file or folder name an id gets in generated/: the id itself when it is a safe name, else
 * a safe name with a hash of the id, so two ids never share one. Airflow accepts ids that are not
 * safe names: `.` and `..` (which would climb out of their folder and overwrite other output),
 * names starting with a dot (hidden, and skipped by Airflow's DAG discovery), and 250-character
 * ids of multi-byte letters (longer than a file name may be).
 */
export function fileSegment(id: string): string {
  const safe = !id.startsWith(".") && Buffer.byteLength(id, "utf8") <= MAX_SEGMENT_BYTES;
  if (safe) return id;
  const hash = createHash("sha256").update(id).digest("hex").slice(0, 10);
  let stem = id.replace(/^\.+/, "");
  while (Buffer.byteLength(stem, "utf8") > MAX_SEGMENT_BYTES - 11) stem = [...stem].slice(0, -1).join("");
  return `${stem}${stem ? "-" : ""}${hash}`;
}
