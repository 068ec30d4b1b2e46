/** Finding the DAG modules of a source folder, in an order that does not depend on the disk. */
import fs from "node:fs";
import path from "node:path";
import { diagnose, type Diagnostic } from "../diagnostics/index.js";
import { compareText } from "../values/names.js";

const MODULE_PATTERN = /\.(ts|mts|cts)$/;

export interface Discovered {
  /** Absolute paths of the modules, as found under the source folder (a symlink keeps its own path). */
  files: string[];
  diagnostics: Diagnostic[];
}

/**
 * Every TypeScript module under `srcDir` (not declaration files), sorted by relative path.
 * Symlinks are followed as Node and tsc follow them, files and folders alike; a folder that
 * links back to one being walked is a loop, reported and not entered, so discovery always ends.
 */
export function discoverModules(root: string, srcDir: string): Discovered {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  // Named in the message, not as a location: a link to a folder has no line to point at.
  const relative = (file: string) => path.relative(root, file).split(path.sep).join("/");
  const walk = (dir: string, ancestors: ReadonlySet<string>) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const full = path.join(dir, entry.name);
      let stats: fs.Stats;
      try {
        stats = entry.isSymbolicLink() ? fs.statSync(full) : (entry as unknown as fs.Stats);
      } catch {
        diagnostics.push(diagnose("DW010", { link: relative(full), broken: true }));
        continue;
      }
      if (stats.isDirectory()) {
        const real = fs.realpathSync(full);
        if (ancestors.has(real)) {
          diagnostics.push(diagnose("DW010", { link: relative(full), target: relative(real) }));
          continue;
        }
        walk(full, new Set([...ancestors, real]));
      } else if (stats.isFile() && MODULE_PATTERN.test(entry.name) && !/\.d\.[mc]?ts$/.test(entry.name)) {
        files.push(full);
      }
    }
  };
  if (fs.existsSync(srcDir) && fs.statSync(srcDir).isDirectory()) walk(srcDir, new Set([fs.realpathSync(srcDir)]));
  const key = (file: string) => path.relative(srcDir, file).split(path.sep).join("/");
  files.sort((a, b) => compareText(key(a), key(b)));
  diagnostics.sort((a, b) => compareText(a.message, b.message));
  return { files, diagnostics };
}
