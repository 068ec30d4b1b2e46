import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { Option, type Command } from "commander";
import type { Manifest } from "../ir/manifest.js";
import { compiledManifest, EXIT, projectRoot, type CommonOptions } from "./context.js";
import { DIFF_FORMATS, RENDERERS, type DiffFormat } from "./diff-formats.js";
import { rootOption } from "./options.js";

interface DiffOptions extends CommonOptions {
  against: string;
  format: DiffFormat;
  failOn: "risky" | "changes" | "never";
  now?: string;
}

export function registerDiff(program: Command): void {
  program
    .command("diff")
    .description("Compare the project as it compiles now with another compiled state: DAGs and tasks added, removed and changed, and the risky changes")
    .requiredOption("--against <manifest-or-ref>", "a manifest.json, or a git ref (main, HEAD~1, a tag) whose committed manifest to compare with")
    .addOption(new Option("--format <format>", "pretty, json, markdown (for a pull-request comment) or github (annotations)").choices(DIFF_FORMATS).default("pretty"))
    .addOption(new Option("--fail-on <what>", "exit 1 on risky changes, on any change, or never").choices(["risky", "changes", "never"]).default("never"))
    .option("--now <date>", 'count backfills up to this moment instead of now ("2026-06-01" or "2026-06-01T06:00Z")')
    .addOption(rootOption())
    .addHelpText(
      "after",
      "\nRisky: a DAG or task renamed (its history stays with the old id), a backfill (catchup turned on, or a start date moved earlier; its runs counted), a schedule changed, a DAG removed, an asset no longer written while DAGs are scheduled on it." +
        "\nExit codes: 0 compared (and nothing --fail-on names), 1 errors in the project, an unreadable state, or what --fail-on names; 2 bad usage.",
    )
    .action(async (options: DiffOptions, command: Command) => {
      const now = options.now === undefined ? new Date() : new Date(/T/.test(options.now) ? options.now : `${options.now}T00:00:00Z`);
      if (Number.isNaN(now.getTime())) command.error(`error: --now must be a date such as 2026-06-01, not ${JSON.stringify(options.now)}`, { exitCode: EXIT.usage });
      const root = projectRoot(options);
      const compiled = await compiledManifest(root);
      if (!compiled) return;
      const before = readAgainst(root, options.against, compiled.outDir);
      if (typeof before === "string") {
        process.stderr.write(`error: ${before}\n`);
        process.exitCode = EXIT.userErrors;
        return;
      }
      const { diffManifests } = await import("../diff/compare.js");
      const diff = diffManifests(before, compiled.manifest, { now });
      process.stdout.write(RENDERERS[options.format](diff));
      const fails = options.failOn === "risky" ? diff.risks.some((risk) => risk.level === "risky") : options.failOn === "changes" ? diff.dags.length > 0 : false;
      if (fails) process.exitCode = EXIT.userErrors;
    });
}

/** The other state's manifest: a file, else the manifest committed at a git ref; a message when neither reads. */
function readAgainst(root: string, against: string, outDir: string): Manifest | string {
  const file = path.resolve(root, against);
  let text: string;
  if (fs.existsSync(file) && fs.statSync(file).isFile()) {
    text = fs.readFileSync(file, "utf8");
  } else {
    let prefix: string;
    try {
      prefix = execFileSync("git", ["rev-parse", "--show-prefix"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
    } catch {
      return `${against} is neither a manifest file nor a git ref (${root} is not in a git repository)`;
    }
    const inRepo = path.posix.join(prefix, path.relative(root, outDir).split(path.sep).join("/"), "manifest.json");
    try {
      text = execFileSync("git", ["show", `${against}:${inRepo}`], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 30 });
    } catch (failure) {
      const reason = String((failure as { stderr?: string }).stderr ?? "").trim().split("\n")[0] || "git show failed";
      return `${against} is neither a manifest file nor a git ref with ${inRepo} (${reason})`;
    }
  }
  try {
    const manifest = JSON.parse(text) as Manifest;
    if (!Array.isArray(manifest.dags) || typeof manifest.lineage !== "object") throw new Error("not a dagwright manifest");
    return manifest;
  } catch (failure) {
    return `cannot read the manifest of ${against}: ${(failure as Error).message}`;
  }
}
