import type { Command } from "commander";
import { Templates } from "../emit/templates.js";
import { CODES, type Code } from "../validate/codes.js";
import { EXIT } from "./context.js";
import { JSON_REPORT_VERSION } from "./formats.js";

export function registerExplain(program: Command): void {
  program
    .command("explain")
    .description("Explain a diagnostic code (what it means, an example, the fix), or list them all")
    .argument("[code]", "a code such as DW101")
    .option("--markdown", "print the documentation of every code as markdown (docs/diagnostics.md)")
    .action((code: string | undefined, options: { markdown?: boolean }) => {
      if (options.markdown) {
        process.stdout.write(diagnosticsMarkdown());
        return;
      }
      if (code === undefined) {
        const ids = Object.keys(CODES) as Code[];
        process.stdout.write(ids.map((id) => `${id}  ${CODES[id].severity.padEnd(7)}  ${CODES[id].title}\n`).join(""));
        return;
      }
      const id = code.toUpperCase() as Code;
      const info = CODES[id];
      if (!info) {
        process.stderr.write(`error: unknown diagnostic code "${code}"; \`dagwright explain\` lists them all\n`);
        process.exitCode = EXIT.usage;
        return;
      }
      const indent = (text: string) => text.replace(/^/gm, "  ");
      process.stdout.write(
        `${id}: ${info.title} (${info.severity})\n\n${info.explanation}\n\nExample:\n${indent(info.example)}\n\nFix:\n${indent(info.fix)}\n`,
      );
    });
}

/** docs/diagnostics.md: the catalogue as documentation, from the same source as `explain`. */
export function diagnosticsMarkdown(): string {
  const codes = (Object.keys(CODES) as Code[]).map((id) => ({ id, ...CODES[id] }));
  return new Templates().get("docs/diagnostics.md.hbs")({ codes, jsonVersion: JSON_REPORT_VERSION });
}
