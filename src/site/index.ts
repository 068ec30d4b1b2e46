/**
 * The docs site, built from a manifest alone: a project page, a page per DAG, the lineage, a
 * page per model and per diagnostic code, a search index, and the stylesheet and script they
 * share. Plain files with relative links and no network: it opens from disk (file://) and from
 * any static host, and the same manifest always gives the same bytes.
 */
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import type { Manifest } from "../ir/manifest.js";
import { dagPageFile } from "./dag-page.js";
import { dagPage, modelPage, taskAnchor } from "./html.js";
import { assetAnchor, codePages, lineagePage, modelPageFile, projectPage } from "./pages.js";

export interface SiteFile {
  /** Relative to the site's folder, POSIX separators. */
  path: string;
  contents: string;
}

const ASSETS_DIR = fileURLToPath(new URL("../../templates/site/", import.meta.url));

/** What search finds: a kind, a name, a few words, and the page (relative to the site's root). */
function searchIndex(manifest: Manifest): string {
  const entries: Array<[string, string, string, string]> = [];
  for (const dag of manifest.dags) {
    entries.push(["DAG", dag.id, dag.description ?? dag.tags.join(" "), dagPage(dag.id)]);
    for (const task of dag.tasks) entries.push(["task", `${dag.id}.${task.id}`, task.config.kind, `${dagPage(dag.id)}#${taskAnchor(task.id)}`]);
  }
  for (const asset of manifest.lineage.assets) entries.push(["asset", asset.name ?? asset.uri, asset.uri, `lineage.html#${assetAnchor(asset.uri)}`]);
  for (const model of manifest.lineage.models) entries.push(["model", model.name, model.flavour ?? "", modelPage(model.name)]);
  return `window.DAGWRIGHT_SEARCH = ${JSON.stringify(entries)};\n`;
}

export interface SiteOptions {
  /** Where people read the sources ("https://.../blob/main/{path}#L{line}"), instead of the config's openLineage.sourceUrl. */
  sourceUrl?: string;
}

export function buildSite(given: Manifest, options: SiteOptions = {}): SiteFile[] {
  // Every source link reads the template where the config keeps it; a docs-only one stands in there.
  const manifest = options.sourceUrl ? { ...given, openLineage: { ...given.openLineage, sourceUrl: options.sourceUrl } } : given;
  return [
    projectPage(manifest),
    ...manifest.dags.map((dag) => dagPageFile(manifest, dag)),
    lineagePage(manifest),
    ...manifest.lineage.models.map((model) => modelPageFile(manifest, model.name)),
    ...codePages(),
    { path: "assets/search-index.js", contents: searchIndex(manifest) },
    { path: "assets/site.css", contents: fs.readFileSync(`${ASSETS_DIR}site.css`, "utf8") },
    { path: "assets/site.js", contents: fs.readFileSync(`${ASSETS_DIR}site.js`, "utf8") },
  ];
}
