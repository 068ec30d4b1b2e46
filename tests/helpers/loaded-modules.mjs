// Preloaded with `node --import`: records every module URL the process resolves, one per
// line, in the file DAGWRIGHT_TEST_MODULE_LOG names, so a test can see what a command loaded.
// ES modules are seen as they resolve; CommonJS ones (what createRequire loads, TypeScript 7's
// API among them) are listed from require's cache when the process exits.
import fs from "node:fs";
import { createRequire, register } from "node:module";
import { pathToFileURL } from "node:url";

const log = process.env.DAGWRIGHT_TEST_MODULE_LOG;
register(new URL("./loaded-modules-hooks.mjs", import.meta.url), { data: { log } });
process.on("exit", () => {
  const loaded = Object.keys(createRequire(import.meta.url).cache).filter((file) => file.startsWith("/"));
  if (log && loaded.length > 0) fs.appendFileSync(log, loaded.map((file) => `${pathToFileURL(file).href}\n`).join(""));
});
