// The Debian packages the tests use besides Node and Python: Chromium for the browser suite
// (driven by playwright-core; never a downloaded browser) and Graphviz for the DOT test.
// Installed with apt-get when missing and this runs as root (CI, containers); otherwise the
// command to run is printed and the tests stop here.
import { execFileSync, spawnSync } from "node:child_process";

const NEEDED = [
  ["chromium", "chromium"],
  ["dot", "graphviz"],
];
const has = (command) => spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
const missing = NEEDED.filter(([command]) => !has(command)).map(([, pkg]) => pkg);
if (missing.length > 0) {
  const packages = [...missing, "fonts-dejavu-core"];
  if (process.getuid?.() === 0) {
    console.error(`installing ${packages.join(", ")} with apt-get ...`);
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...packages], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  } else {
    console.error(`the tests need Debian's ${missing.join(" and ")}: sudo apt-get install ${packages.join(" ")}`);
    process.exit(1);
  }
}
