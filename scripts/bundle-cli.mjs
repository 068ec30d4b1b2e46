// Bundles the built CLI (dist/cli/main.js) with the pure-JavaScript libraries it uses (zod,
// commander, ajv, handlebars, yaml, graphlib, jsonc-parser) into dist/bundle/: Node then reads
// a few files instead of some hundreds, and the CLI starts in about two thirds of the time.
// Dynamic imports stay separate chunks, so `--version` still loads none of the compiler.
// esbuild and TypeScript stay outside: they run native binaries found from their packages.
// The evaluation worker and the authoring API are not bundled (the worker's modules must be
// the very ones `import ... from "dagwright"` gives user code).
import fs from "node:fs";
import { build } from "esbuild";

const outdir = new URL("../dist/bundle/", import.meta.url);
fs.rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { cli: new URL("../dist/cli/main.js", import.meta.url).pathname },
  outdir: outdir.pathname,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  chunkNames: "[name]-[hash]",
  // Prefer packages' ES modules: jsonc-parser's "main" is a UMD build that requires at run time.
  mainFields: ["module", "main"],
  external: ["esbuild", "typescript", "typescript7", "@ts-morph/common"],
  // Some libraries call require(); ES modules have none, so each chunk gets Node's.
  banner: { js: `import { createRequire as __dagwrightRequire } from "node:module";\nconst require = __dagwrightRequire(import.meta.url);` },
  logLevel: "warning",
});
