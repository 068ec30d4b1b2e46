/**
 * Golden files: one root (tests/golden/), one switch (UPDATE_GOLDEN=1 rewrites what a test
 * compares), and a comparison that reports every file that differs, is missing or is extra,
 * not only the first.
 */
import fs from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "./project.js";

export const GOLDEN_ROOT = path.join(REPO_ROOT, "tests", "golden");
const UPDATE = process.env.UPDATE_GOLDEN === "1";

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/** Where two texts first differ, as "line N". */
function firstDifference(expected: string, actual: string): string {
  const a = expected.split("\n");
  const b = actual.split("\n");
  const line = a.findIndex((text, index) => text !== b[index]);
  return `line ${(line === -1 ? a.length : line) + 1}`;
}

/**
 * The differences between `files` (path to contents) and the golden folder `name`, one line
 * each; none when they match. With UPDATE_GOLDEN=1 the folder is rewritten first.
 */
export function goldenDifferences(name: string, files: Record<string, string>, root = GOLDEN_ROOT, update = UPDATE): string[] {
  const dir = path.join(root, name);
  if (update) {
    fs.rmSync(dir, { recursive: true, force: true });
    for (const [file, contents] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), contents);
    }
  }
  const golden = listFiles(dir);
  const differences: string[] = [];
  for (const file of Object.keys(files).sort()) {
    if (!golden.includes(file)) differences.push(`${name}/${file}: not in the golden folder`);
    else {
      const expected = fs.readFileSync(path.join(dir, file), "utf8");
      if (expected !== files[file]) differences.push(`${name}/${file}: differs from the golden file at ${firstDifference(expected, files[file]!)}`);
    }
  }
  for (const file of golden) if (!(file in files)) differences.push(`${name}/${file}: in the golden folder, but no longer produced`);
  if (differences.length) differences.push("(run UPDATE_GOLDEN=1 npm test to accept the new output, then review the diff)");
  return differences;
}
