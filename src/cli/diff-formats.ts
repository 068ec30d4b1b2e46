/** `dagwright diff`'s formats: a diff of two compiled states for people (pretty, markdown for a pull request), for machines (json), and for GitHub's annotations. */
import type { DagDiff, FieldChange, ManifestDiff, Risk } from "../diff/compare.js";
import { escapeData, escapeProperty } from "./formats.js";

export const DIFF_FORMATS = ["pretty", "json", "markdown", "github"] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/** A value in a line of text: strings quoted, the rest as JSON. */
function shown(value: unknown): string {
  return value === null || value === undefined ? "(unset)" : JSON.stringify(value);
}

const change = (entry: FieldChange) => `${entry.field}: ${shown(entry.before)} -> ${shown(entry.after)}`;

function counts(diff: ManifestDiff): string {
  const of = (status: DagDiff["status"]) => diff.dags.filter((dag) => dag.status === status).length;
  const risky = diff.risks.filter((risk) => risk.level === "risky").length;
  return `${of("added")} added, ${of("removed")} removed, ${of("changed")} changed DAGs; ${risky} risky change${risky === 1 ? "" : "s"}`;
}

export function renderPretty(diff: ManifestDiff): string {
  const lines: string[] = [];
  for (const dag of diff.dags) {
    lines.push(`DAG ${dag.id}: ${dag.status}`);
    for (const entry of dag.changes) lines.push(`  ${change(entry)}`);
    for (const task of dag.tasks) {
      lines.push(`  task ${task.id}: ${task.status}`);
      for (const entry of task.changes) lines.push(`    ${change(entry)}`);
    }
  }
  if (diff.dags.length === 0) lines.push("no changes");
  if (diff.risks.length) lines.push("");
  for (const risk of diff.risks) {
    lines.push(`${risk.level === "risky" ? "risky" : "note"}: ${risk.message}${risk.location ? ` (${risk.location.file}:${risk.location.line})` : ""}`);
    if (risk.hint) lines.push(`  hint: ${risk.hint}`);
  }
  lines.push("", counts(diff));
  return `${lines.join("\n")}\n`;
}

export const DIFF_JSON_VERSION = 1;

export function renderJson(diff: ManifestDiff): string {
  const of = (status: DagDiff["status"]) => diff.dags.filter((dag) => dag.status === status).length;
  return `${JSON.stringify(
    {
      formatVersion: DIFF_JSON_VERSION,
      summary: { added: of("added"), removed: of("removed"), changed: of("changed"), risky: diff.risks.filter((risk) => risk.level === "risky").length },
      dags: diff.dags,
      risks: diff.risks,
    },
    null,
    2,
  )}\n`;
}

/** Markdown table cells: pipes and newlines would end the cell. */
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

export function renderMarkdown(diff: ManifestDiff): string {
  const lines = ["### dagwright diff", "", counts(diff), ""];
  const risky = diff.risks.filter((risk) => risk.level === "risky");
  const notes = diff.risks.filter((risk) => risk.level === "note");
  if (risky.length) {
    lines.push("**Risky changes**", "", "| | change | what to do |", "| --- | --- | --- |");
    for (const risk of risky) lines.push(`| ⚠️ | ${cell(risk.message)} | ${cell(risk.hint ?? "")} |`);
    lines.push("");
  }
  if (diff.dags.length) {
    lines.push("| DAG | status | changes |", "| --- | --- | --- |");
    for (const dag of diff.dags) {
      const details = [...dag.changes.map((entry) => `\`${cell(change(entry))}\``), ...dag.tasks.map((task) => `task \`${task.id}\` ${task.status}${task.changes.length ? `: ${task.changes.map((entry) => `\`${cell(change(entry))}\``).join(", ")}` : ""}`)];
      lines.push(`| \`${dag.id}\` | ${dag.status} | ${details.join("<br>")} |`);
    }
    lines.push("");
  }
  if (notes.length) lines.push(...notes.map((note) => `- ${note.message}`), "");
  return `${lines.join("\n")}`;
}

export function renderGithub(diff: ManifestDiff): string {
  return diff.risks
    .map((risk: Risk) => {
      const properties = [...(risk.location ? [`file=${risk.location.file}`, `line=${risk.location.line}`, `col=${risk.location.column}`] : []), `title=dagwright diff: ${risk.kind}`];
      const command = risk.level === "risky" ? "warning" : "notice";
      return `::${command} ${properties.map(escapeProperty).join(",")}::${escapeData(risk.hint ? `${risk.message}\nhint: ${risk.hint}` : risk.message)}\n`;
    })
    .join("");
}

export const RENDERERS: Record<DiffFormat, (diff: ManifestDiff) => string> = { pretty: renderPretty, json: renderJson, markdown: renderMarkdown, github: renderGithub };
