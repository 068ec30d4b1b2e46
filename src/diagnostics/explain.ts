/** What `dagwright explain <code>` prints, and the docs site's page of each code shows. */
import { CATALOGUE, type Code } from "./catalogue.js";

export function explainText(code: Code): string {
  const info = CATALOGUE[code];
  const indent = (text: string) => text.replace(/^/gm, "  ");
  return `${code}: ${info.title} (${info.severity})\n\n${info.explanation}\n\nExample:\n${indent(info.example)}\n\nFix:\n${indent(info.fix)}\n`;
}
