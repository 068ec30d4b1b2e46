/**
 * Diagnostics for machines: a stable JSON document, GitHub workflow annotations, and SARIF
 * 2.1.0 for code scanning. The pretty format for people lives in report.ts.
 */
import { DAGWRIGHT_VERSION } from "../version.js";
import { CATALOGUE, CODES, isCode, type Diagnostic } from "../diagnostics/index.js";

export const FORMATS = ["pretty", "json", "github", "sarif"] as const;
export type Format = (typeof FORMATS)[number];

/** The version of the `--format json` document's shape; bumped only on incompatible changes. */
export const JSON_REPORT_VERSION = 1;

export interface Summary {
  dags: number;
  tasks: number;
  errors: number;
  warnings: number;
}

/** What a command reports, whatever the format. */
export interface Report {
  command: "compile" | "validate" | "bind";
  /** Whether the command succeeded: no errors, and no more warnings than allowed. */
  ok: boolean;
  summary: Summary;
  diagnostics: readonly Diagnostic[];
  /** What compile wrote, or for `--check` what is out of date; paths relative to the project. */
  output?: Record<string, string[]>;
}

export function summarize(diagnostics: readonly Diagnostic[], dags: number, tasks: number): Summary {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  return { dags, tasks, errors, warnings: diagnostics.length - errors };
}

/** `--format json`: one document, see docs/diagnostics.md for its shape. */
export function renderJson(report: Report): string {
  const document = {
    formatVersion: JSON_REPORT_VERSION,
    tool: "dagwright",
    version: DAGWRIGHT_VERSION,
    command: report.command,
    ok: report.ok,
    summary: report.summary,
    diagnostics: report.diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      title: titleOf(d.code),
      ...(d.toolCode ? { toolCode: d.toolCode } : {}),
      message: d.message,
      location: d.location ?? null,
      ...(d.end ? { end: d.end } : {}),
      related: d.related ?? [],
      hint: d.hint ?? null,
    })),
    ...(report.output ? { output: report.output } : {}),
  };
  return JSON.stringify(document, null, 2) + "\n";
}

/**
 * `--format github`: one workflow command per diagnostic, which GitHub Actions shows as an
 * annotation on the pull request's diff.
 */
export function renderGithub(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const properties = [
        ...(d.location ? [`file=${d.location.file}`, `line=${d.location.line}`, `col=${d.location.column}`] : []),
        `title=${d.toolCode ?? d.code} ${titleOf(d.code)}`,
      ];
      const text = [d.message, ...(d.related ?? []).map((r) => `${r.location.file}:${r.location.line}:${r.location.column}: ${r.message}`), ...(d.hint ? [`hint: ${d.hint}`] : [])].join("\n");
      return `::${d.severity === "error" ? "error" : "warning"} ${properties.map(escapeProperty).join(",")}::${escapeData(text)}\n`;
    })
    .join("");
}

/** GitHub's escaping of a workflow command's message. */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** GitHub's escaping of a `key=value` property: the data escapes plus `:` and `,`. */
export function escapeProperty(property: string): string {
  const [key, ...value] = property.split("=");
  return `${key}=${escapeData(value.join("=")).replace(/:/g, "%3A").replace(/,/g, "%2C")}`;
}

/** `--format sarif`: a SARIF 2.1.0 log with one rule per catalogued code. */
export function renderSarif(diagnostics: readonly Diagnostic[]): string {
  const ruleIds = CODES;
  const physical = (location: NonNullable<Diagnostic["location"]>, end?: Diagnostic["end"]) => ({
    physicalLocation: {
      artifactLocation: { uri: encodeURI(location.file), uriBaseId: "%SRCROOT%" },
      region: { startLine: location.line, startColumn: location.column, ...(end ? { endLine: end.line, endColumn: end.column } : {}) },
    },
  });
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "dagwright",
            version: DAGWRIGHT_VERSION,
            rules: ruleIds.map((id) => ({
              id,
              name: CATALOGUE[id].title.replace(/[^A-Za-z0-9]+(.)?/g, (_, next: string | undefined) => (next ?? "").toUpperCase()),
              shortDescription: { text: CATALOGUE[id].title },
              fullDescription: { text: CATALOGUE[id].explanation },
              help: { text: `${CATALOGUE[id].fix}\n\nExample:\n${CATALOGUE[id].example}` },
              defaultConfiguration: { level: CATALOGUE[id].severity === "error" ? "error" : "warning" },
            })),
          },
        },
        originalUriBaseIds: { "%SRCROOT%": { uri: "./" } },
        results: diagnostics.map((d) => ({
          ruleId: d.code,
          ...(ruleIds.includes(d.code) ? { ruleIndex: ruleIds.indexOf(d.code) } : {}),
          level: d.severity === "error" ? "error" : "warning",
          message: { text: [d.toolCode ? `${d.message} (${d.toolCode})` : d.message, ...(d.hint ? [`hint: ${d.hint}`] : [])].join("\n") },
          ...(d.location ? { locations: [physical(d.location, d.end)] } : {}),
          ...(d.related?.length
            ? { relatedLocations: d.related.map((r, id) => ({ id, ...physical(r.location), message: { text: r.message } })) }
            : {}),
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + "\n";
}

function titleOf(code: string): string {
  return isCode(code) ? CATALOGUE[code].title : code;
}
