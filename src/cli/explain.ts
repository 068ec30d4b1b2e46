import type { Command } from "commander";
import { CATALOGUE, CODES, explainText, FAMILIES, isCode } from "../diagnostics/index.js";
import fs from "node:fs";
import path from "node:path";
import { cacheRoot } from "../load/fingerprint.js";
import { EXIT, projectRoot } from "./context.js";
import { JSON_REPORT_VERSION } from "./formats.js";

export function registerExplain(program: Command): void {
  program
    .command("explain")
    .description("Explain a diagnostic code (what it means, an example, the fix), or list them all")
    .argument("[code]", "a code such as DW101, or a team rule's (from the last compile's manifest)")
    .option("--markdown", "print the documentation of every code as markdown (docs/diagnostics.md)")
    .action(async (code: string | undefined, options: { markdown?: boolean }) => {
      if (options.markdown) {
        process.stdout.write(await diagnosticsMarkdown());
        return;
      }
      if (code === undefined) {
        process.stdout.write(CODES.map((id) => `${id}  ${CATALOGUE[id].severity.padEnd(7)}  ${CATALOGUE[id].title}\n`).join(""));
        return;
      }
      const id = code.toUpperCase();
      if (!isCode(id)) {
        const rule = teamRule(id);
        if (rule) {
          process.stdout.write(rule);
          return;
        }
        process.stderr.write(`error: unknown diagnostic code "${code}"; \`dagwright explain\` lists them all, and a team rule's code once a compile has run its rule\n`);
        process.exitCode = EXIT.usage;
        return;
      }
      process.stdout.write(explainText(id));
    });
}

/**
 * A team rule's code, explained from what the last compile of the project around the current
 * folder recorded in its manifest (the rules run inside a compile, not here).
 */
function teamRule(code: string): string | undefined {
  const root = projectRoot({});
  let outDir = path.join(root, "generated");
  try {
    const last = JSON.parse(fs.readFileSync(path.join(cacheRoot(root), "last-compile.json"), "utf8")) as { outDir?: unknown };
    if (typeof last.outDir === "string") outDir = last.outDir;
  } catch {
    // No record of a compile: the default output folder.
  }
  let rules: Array<{ code: string; description: string; severity: string; file: string }> = [];
  try {
    rules = (JSON.parse(fs.readFileSync(path.join(outDir, "manifest.json"), "utf8")) as { rules?: typeof rules }).rules ?? [];
  } catch {
    return undefined;
  }
  const rule = rules.find((each) => each.code === code);
  if (!rule) return undefined;
  const severity = rule.severity === "off" ? "off (the config's severity silences it)" : rule.severity;
  return `${rule.code}: ${rule.description}\n\nA team rule, defined in ${rule.file}; its findings are reported as ${severity}.\nThe config's \`severity\` sets that per code; a task's or DAG's \`suppress: { ${rule.code}: "why" }\` silences one finding.\n`;
}

/** docs/diagnostics.md: the catalogue as documentation, from the same source as `explain`. */
export async function diagnosticsMarkdown(): Promise<string> {
  // The template engine only for the markdown: `explain DW101` starts without it.
  const { Templates } = await import("../emit/templates.js");
  const families = FAMILIES.map((family) => ({
    ...family,
    codes: CODES.filter((id) => id.startsWith(family.prefix)).map((id) => ({ id, ...CATALOGUE[id] })),
  }));
  return new Templates().get("docs/diagnostics.md.hbs")({ families, jsonVersion: JSON_REPORT_VERSION });
}
