/** Facts the pages show in words: a schedule (with cronstrue's English for a cron), a source location and its link. */
import cronstrue from "cronstrue";
import type { Manifest, ManifestDag } from "../ir/manifest.js";
import { scheduleText } from "../graph/model.js";
import { cronOf } from "../values/index.js";
import { html, type Raw } from "./html.js";

/** A cron in words ("At 02:00"), or undefined for what is not a cron cronstrue reads. */
export function cronInWords(expression: string): string | undefined {
  if (expression === "@once") return "Once, at the start date";
  if (expression === "@continuous") return "As soon as the previous run ends";
  const cron = cronOf(expression);
  try {
    return cronstrue.toString(cron, { use24HourTimeFormat: true, verbose: false, locale: "en" });
  } catch {
    return undefined;
  }
}

/** When a DAG runs, in words, beside the schedule as written. */
export function scheduleInWords(schedule: ManifestDag["schedule"]): string {
  switch (schedule.kind) {
    case "cron":
      return cronInWords(schedule.expression) ?? schedule.expression;
    case "crons":
      return schedule.expressions.map((expression) => cronInWords(expression) ?? expression).join("; ");
    case "every":
      return `Every ${schedule.every}`;
    case "events":
      return `On ${schedule.dates.join(", ")}`;
    case "manual":
      return "Only when triggered";
    case "assets":
      return schedule.orTime ? `When its assets are updated, or ${scheduleInWords(schedule.orTime).replace(/^./, (c) => c.toLowerCase())}` : "When its assets are updated";
  }
}

export { scheduleText };

/** A source location, linked where the project says where its sources can be read. */
export function sourceLink(manifest: Manifest, location: { file: string; line: number }): Raw {
  const text = `${location.file}:${location.line}`;
  const template = manifest.openLineage?.sourceUrl;
  if (!template) return html`<code class="source">${text}</code>`;
  const url = template.replaceAll("{path}", location.file.split("/").map(encodeURIComponent).join("/")).replaceAll("{line}", String(location.line));
  return html`<a class="source" href="${url}"><code>${text}</code></a>`;
}

/** The Python function a task calls, at its line, with the start of its source's hash (which changes when the code that runs does). */
export function pythonLink(manifest: Manifest, python: { function: string; file: string; line: number; sha256: string }): Raw {
  return html`<code>${python.function}</code> · ${sourceLink(manifest, python)} <span class="quiet">sha256 ${python.sha256.slice(0, 12)}</span>`;
}

/** The compile's warnings as a list, each linked to its code's page; nothing when there are none. */
export function warningList(manifest: Manifest, warnings: Manifest["warnings"], root: string): Raw {
  if (warnings.length === 0) return html``;
  return html`<section class="warnings"><h2>Warnings</h2><ul>${warnings.map(
    (warning) =>
      html`<li><a href="${root}codes/${warning.code}.html"><code>${warning.toolCode ?? warning.code}</code></a> ${warning.message}${warning.location ? html` · ${sourceLink(manifest, warning.location)}` : ""}${warning.hint ? html`<div class="quiet">${warning.hint}</div>` : ""}</li>`,
  )}</ul></section>`;
}

/** What `suppress` silenced, each with its reason; nothing when nothing was. */
export function suppressedList(manifest: Manifest, suppressed: NonNullable<Manifest["suppressed"]>): Raw {
  if (suppressed.length === 0) return html``;
  return html`<section class="suppressed"><h2>Suppressed</h2><ul>${suppressed.map(
    (entry) =>
      html`<li><code>${entry.code}</code> ${entry.message}${entry.location ? html` · ${sourceLink(manifest, entry.location)}` : ""}<div class="quiet">suppressed${entry.task ? html` on <code>${entry.task}</code>` : ""}: ${entry.reason}</div></li>`,
  )}</ul></section>`;
}

/** The team rules the compile ran, with the severity in force; nothing when there are none. */
export function ruleList(manifest: Manifest): Raw {
  const rules = manifest.rules ?? [];
  if (rules.length === 0) return html``;
  return html`<section class="rules"><h2>Team rules</h2><table><thead><tr><th scope="col">code</th><th scope="col">rule</th><th scope="col">severity</th><th scope="col">defined in</th></tr></thead><tbody>${rules.map(
    (rule) => html`<tr><td><code>${rule.code}</code></td><td>${rule.description}</td><td>${rule.severity}</td><td><code>${rule.file}</code></td></tr>`,
  )}</tbody></table></section>`;
}

/** A JSON value as short text for a table cell. */
export function valueText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}
