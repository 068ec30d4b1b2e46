/**
 * dagwright's version, from its package.json: light enough for `--version` to load alone.
 * The nearest package.json upward is dagwright's, from the sources, dist/ and the CLI bundle alike.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

function ownManifest(): string {
  for (let folder = path.dirname(fileURLToPath(import.meta.url)); ; folder = path.dirname(folder)) {
    const file = path.join(folder, "package.json");
    if (fs.existsSync(file)) return file;
    if (path.dirname(folder) === folder) throw new Error("dagwright's package.json is missing");
  }
}

export const DAGWRIGHT_VERSION: string = (JSON.parse(fs.readFileSync(ownManifest(), "utf8")) as { version: string }).version;
