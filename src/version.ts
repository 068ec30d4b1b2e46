/** dagwright's version, read from its package.json: light enough for `--version` to load alone. */
import fs from "node:fs";

export const DAGWRIGHT_VERSION: string = (
  JSON.parse(fs.readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
).version;
