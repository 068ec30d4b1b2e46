/**
 * Before any test: the evaluation worker and the CLI run the built dist/, while tests run the
 * sources. A dist/ older than any source would test yesterday's compiler, so it is rebuilt here
 * (npm test builds first anyway; this covers `npx vitest` on its own).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

function newest(dir: string, pattern: RegExp): number {
  if (!fs.existsSync(dir)) return 0;
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && pattern.test(entry.name)) latest = Math.max(latest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

function oldest(dir: string, pattern: RegExp): number {
  if (!fs.existsSync(dir)) return 0;
  let earliest = Infinity;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && pattern.test(entry.name)) earliest = Math.min(earliest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return earliest === Infinity ? 0 : earliest;
}

export default function setup(): void {
  const sources = Math.max(newest(path.join(ROOT, "src"), /\.ts$/), fs.statSync(path.join(ROOT, "package.json")).mtimeMs);
  const built = oldest(path.join(ROOT, "dist"), /\.js$/);
  if (built >= sources) return;
  process.stderr.write("[setup] dist/ is older than src/: building dagwright first\n");
  execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
}
