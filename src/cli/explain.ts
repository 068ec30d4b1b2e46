import type { Command } from "commander";
import { CATALOGUE, CODES, explainText, FAMILIES, isCode } from "../diagnostics/index.js";
import { EXIT } from "./context.js";
import { JSON_REPORT_VERSION } from "./formats.js";

export function registerExplain(program: Command): void {
  program
    .command("explain")
    .description("Explain a diagnostic code (what it means, an example, the fix), or list them all")
    .argument("[code]", "a code such as DW101")
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
        process.stderr.write(`error: unknown diagnostic code "${code}"; \`dagwright explain\` lists them all\n`);
        process.exitCode = EXIT.usage;
        return;
      }
      process.stdout.write(explainText(id));
    });
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
