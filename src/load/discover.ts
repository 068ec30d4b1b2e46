/** Finding the DAG modules of a source folder, in an order that does not depend on the disk. */
import fs from "node:fs";
import path from "node:path";
import { compareText } from "../values/names.js";

const MODULE_PATTERN = /\.(ts|mts|cts)$/;

/** Absolute paths of every TypeScript module under `srcDir` (not declaration files), sorted by relative path. */
export function discoverModules(srcDir: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && MODULE_PATTERN.test(entry.name) && !/\.d\.[mc]?ts$/.test(entry.name)) found.push(full);
    }
  };
  if (fs.existsSync(srcDir)) walk(srcDir);
  const key = (file: string) => path.relative(srcDir, file).split(path.sep).join("/");
  return found.sort((a, b) => compareText(key(a), key(b)));
}
