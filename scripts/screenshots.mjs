// The README's pictures of the docs site: the examples' site, built fresh and photographed in
// Debian's Chromium (playwright-core). `npm run screenshots` rewrites docs/images/site-*.png.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const root = path.resolve(import.meta.dirname, "..");
const site = fs.mkdtempSync(path.join(os.tmpdir(), "dagwright-shots-"));
execFileSync(process.execPath, [path.join(root, "bin", "dagwright.js"), "docs", "--out", site], { cwd: root, stdio: "inherit" });
const out = path.join(root, "docs", "images");
fs.mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
const shots = [
  ["site-project.png", "index.html", "light"],
  ["site-dag.png", "dags/report_builder.html", "light"],
  ["site-model.png", "models/churn.html", "dark"],
];
for (const [name, page, scheme] of shots) {
  const tab = await browser.newPage({ viewport: { width: 1200, height: 720 }, colorScheme: scheme });
  await tab.goto(pathToFileURL(path.join(site, page)).href);
  await tab.screenshot({ path: path.join(out, name) });
  await tab.close();
  console.log(`docs/images/${name}`);
}
await browser.close();
fs.rmSync(site, { recursive: true, force: true });
