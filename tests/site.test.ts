/**
 * The docs site as files: built from the manifest alone, the same bytes whatever the time zone
 * or locale, every link and asset local and resolving, every DAG page drawing each task and
 * dependency, and compile leaving the site's folder alone. The browser suite (tests/browser/)
 * opens the same site in Chromium.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import { createInterface } from "node:readline";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { dagGraph } from "../src/graph/model.js";
import type { Manifest } from "../src/ir/manifest.js";
import { buildSite } from "../src/site/index.js";
import { BIN, makeProject, REPO_ROOT, runCli, snapshotDir } from "./helpers/project.js";

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "generated", "manifest.json"), "utf8")) as Manifest;
const site = buildSite(manifest);
const files = new Map(site.map((file) => [file.path, file.contents]));

describe("the docs site", () => {
  it("has a page per DAG and model and code, the lineage, the project, and its assets", () => {
    const pages = site.map((file) => file.path);
    expect(pages.filter((file) => file.startsWith("dags/"))).toEqual(manifest.dags.map((dag) => `dags/${dag.id}.html`));
    expect(pages.filter((file) => file.startsWith("models/"))).toEqual(["models/churn.html"]);
    expect(pages).toEqual(expect.arrayContaining(["index.html", "lineage.html", "codes/index.html", "codes/DW101.html", "assets/site.css", "assets/site.js", "assets/search-index.js"]));
  });

  it("links only to its own files and anchors, and loads nothing from the network", () => {
    const broken: string[] = [];
    for (const [file, text] of files) {
      if (!file.endsWith(".html")) continue;
      expect(text, file).not.toMatch(/<(script|link|img)[^>]+(src|href)="(https?:)?\/\//);
      for (const [, href] of text.matchAll(/\shref="([^"]*)"/g)) {
        const [target, anchor] = href!.split("#") as [string, string | undefined];
        const resolved = target === "" ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), target));
        const page = files.get(resolved);
        if (page === undefined) broken.push(`${file}: ${href}`);
        else if (anchor && !page.includes(`id="${anchor}"`)) broken.push(`${file}: ${href} (no such anchor)`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("draws every task and every dependency of each DAG, and shows each task's effective options with their sources", () => {
    for (const dag of manifest.dags) {
      const text = files.get(`dags/${dag.id}.html`)!;
      const svg = text.slice(text.indexOf("<svg"), text.indexOf("</svg>"));
      const graph = dagGraph(dag);
      expect(svg.match(/ class="node /g)?.length ?? 0, dag.id).toBe(graph.nodes.length);
      expect(svg.match(/<g class="edge /g)?.length ?? 0, dag.id).toBe(graph.edges.length);
      for (const task of dag.tasks) expect(text, `${dag.id}.${task.id}`).toContain(`<section class="task" id="t-${task.id.replace(/\./g, "~2e")}">`);
    }
    const options = files.get("dags/options_tour.html")!;
    expect(options).toMatch(/<tr><td><code>retries<\/code><\/td><td><code>\d+<\/code><\/td><td>(DAG|task|project defaults)<\/td><\/tr>/);
  });

  it("links source lines where --source-url (or the config's openLineage.sourceUrl) says", () => {
    const linked = buildSite(manifest, { sourceUrl: "https://git.example/p/blob/main/{path}#L{line}" });
    expect(linked.find((file) => file.path === "dags/hello.html")!.contents).toContain('<a class="source" href="https://git.example/p/blob/main/dags-src/hello.ts#L4"><code>dags-src/hello.ts:4</code></a>');
    expect(files.get("dags/hello.html")).toContain('<code class="source">dags-src/hello.ts:4</code>');
    expect(runCli(["docs", "--source-url", "no-path", "--out", os.tmpdir()]).status).toBe(2);
  });

  it("shows the compile's warnings where they are, each linked to its code's page", () => {
    const project = makeProject({ "dags-src/a.ts": `import { dag } from "dagwright";\nexport const busy = dag("busy", { schedule: null }, (d) => { d.empty("x"); });\nexport const idle = dag("idle", { schedule: null }, () => {});\n` });
    const run = runCli(["docs", "--out", "site", "-C", project]);
    expect(run.status, run.stderr).toBe(0);
    const warning = '<li><a href="../codes/DW107.html"><code>DW107</code></a> DAG &quot;idle&quot; has no tasks · <code class="source">dags-src/a.ts:3</code>';
    expect(fs.readFileSync(path.join(project, "site/dags/idle.html"), "utf8")).toContain(warning);
    expect(fs.readFileSync(path.join(project, "site/index.html"), "utf8")).toContain(warning.replace("../codes/", "codes/"));
    expect(fs.readFileSync(path.join(project, "site/codes/DW107.html"), "utf8")).toContain("DW107: Empty DAG (warning)");
  });

  it("lists the team rules on the front page, and on each DAG's page what its suppress silenced, with the reason", () => {
    expect(files.get("index.html")).toContain("<h2>Team rules</h2>");
    expect(files.get("index.html")).toContain("<tr><td><code>ACME001</code></td><td>every DAG has an owner and at least one tag</td><td>error</td><td><code>rules/team.ts</code></td></tr>");
    const churn = files.get("dags/churn_training.html")!;
    expect(churn).toContain(
      '<section class="suppressed"><h2>Suppressed</h2><ul><li><code>ACME002</code> publish step &quot;publish_model&quot; of DAG &quot;churn_training&quot; never retries · <code class="source">dags-src/churn_training.ts:',
    );
    expect(churn).toContain('<div class="quiet">suppressed on <code>publish_model</code>: a retry would register a second model version; a failed publish is redone by hand</div>');
    expect(files.get("dags/daily_at_midnight.html")).toContain('<div class="quiet">suppressed: the twin of tests/airflow/twins/daily_at_midnight.py, which sets no owner</div>');
    expect(files.get("dags/hello.html")).not.toContain("Suppressed");
  });

  it("points each Python task, and the model it produced, at the Python function that runs", () => {
    const source = manifest.dags.find((dag) => dag.id === "churn_training")!.tasks.find((task) => task.id === "train_model")!.python!;
    expect(source).toMatchObject({ module: "churn.train", function: "train_model", file: "python/churn/train.py" });
    const python = `<code>train_model</code> · <code class="source">python/churn/train.py:${source.line}</code> <span class="quiet">sha256 ${source.sha256.slice(0, 12)}</span>`;
    expect(files.get("dags/churn_training.html")).toContain(`<dt>Python</dt><dd>${python}</dd>`);
    expect(files.get("models/churn.html")).toContain(` · Python ${python}</li>`);
  });

  it("says when each DAG runs in words, and what trained the model", () => {
    const index = files.get("index.html")!;
    expect(index).toContain("<td><code>0 2 * * *</code></td><td>At 02:00</td>");
    expect(index).toContain("<td><code>@weekly</code></td><td>At 00:00, only on Sunday</td>");
    const model = files.get("models/churn.html")!;
    expect(model).toMatch(/<h2>Trained on<\/h2>\n<ul class="trained-on"><li><a href="\.\.\/lineage\.html#a-[^"]+">churn_features<\/a>/);
    expect(model).toContain("<code>auc</code>: at least 0.7, reported by");
  });

  it("is the same bytes in any time zone and locale, and compile leaves it alone", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "dagwright-site-"));
    const build = (env: Record<string, string>) => {
      const out = path.join(root, env.TZ!);
      const run = runCli(["docs", "--manifest", path.join(REPO_ROOT, "generated", "manifest.json"), "--out", out], { env });
      expect(run.status, run.stderr).toBe(0);
      return snapshotDir(out);
    };
    const utc = build({ TZ: "UTC", LANG: "C" });
    expect(build({ TZ: "Asia/Kolkata", LANG: "de_DE.UTF-8", LC_ALL: "de_DE.UTF-8" })).toEqual(utc);
    expect(Object.keys(utc).length).toBe(site.length);

    const project = makeProject({ "dags-src/a.ts": `import { dag } from "dagwright";\nexport default dag("a", { schedule: "@daily", startDate: "2026-01-01" }, (d) => { d.empty("x"); });\n` });
    expect(runCli(["compile", "--no-typecheck", "-C", project]).status).toBe(0);
    const docs = runCli(["docs", "-C", project]);
    expect(docs.stdout).toMatch(/^wrote generated\/docs\/: \d+ files for 1 DAG in \d+\.\d\ds\n$/);
    const before = snapshotDir(path.join(project, "generated", "docs"));
    fs.writeFileSync(path.join(project, "dags-src/a.ts"), `import { dag } from "dagwright";\nexport default dag("a", { schedule: "@daily", startDate: "2026-01-01" }, (d) => { d.empty("y"); });\n`);
    const compiled = runCli(["compile", "--no-typecheck", "-C", project]);
    expect(compiled.stderr, "no warning about the site's files").toBe("");
    expect(compiled.stdout).toMatch(/\(generated\/: \d+ written, 0 removed\)/);
    expect(snapshotDir(path.join(project, "generated", "docs"))).toEqual(before);
    expect(runCli(["compile", "--check", "--no-typecheck", "-C", project]).status).toBe(0);
  });

  it("--serve serves the site on localhost, nothing outside it, and rebuilds it when a module changes", async () => {
    const project = makeProject({ "dags-src/a.ts": `import { dag } from "dagwright";\nexport default dag("served", { schedule: null }, (d) => { d.empty("first"); });\n` });
    const child = spawn(process.execPath, [BIN, "docs", "--serve", "--port", "0", "-C", project], { stdio: ["ignore", "pipe", "pipe"] });
    const lines: string[] = [];
    const waiting: Array<[RegExp, (line: string) => void]> = [];
    createInterface({ input: child.stdout! }).on("line", (line) => {
      lines.push(line);
      for (const [index, [pattern, resolve]] of waiting.entries()) {
        if (pattern.test(line)) {
          waiting.splice(index, 1);
          resolve(line);
          break;
        }
      }
    });
    const next = (pattern: RegExp) => new Promise<string>((resolve) => waiting.push([pattern, resolve]));
    try {
      const serving = await next(/^serving http:\/\/127\.0\.0\.1:\d+\//);
      const base = /http:\/\/127\.0\.0\.1:\d+\//.exec(serving)![0];
      const page = await fetch(`${base}dags/served.html`);
      expect(page.status).toBe(200);
      expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(await page.text()).toContain('data-id="first"');
      expect((await fetch(`${base}..%2f..%2fdagwright.config.ts`)).status).toBe(404);
      const rebuilt = next(/^wrote generated\/docs\//);
      fs.writeFileSync(path.join(project, "dags-src/a.ts"), `import { dag } from "dagwright";\nexport default dag("served", { schedule: null }, (d) => { d.empty("second"); });\n`);
      await rebuilt;
      expect(await (await fetch(`${base}dags/served.html`)).text()).toContain('data-id="second"');
    } finally {
      child.kill();
    }
    expect(lines[0]).toMatch(/^wrote generated\/docs\/: \d+ files for 1 DAG/);
  });

  it("refuses a project with errors and a manifest it cannot read, writing nothing", () => {
    const broken = makeProject({ "dags-src/a.ts": `import { dag } from "dagwright";\nexport default dag("a", { schedule: "0 25 * * *" }, (d) => { d.empty("x"); });\n` });
    const run = runCli(["docs", "-C", broken]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("error DW201");
    expect(fs.existsSync(path.join(broken, "generated"))).toBe(false);
    const missing = runCli(["docs", "--manifest", "nope.json", "-C", broken]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^error: cannot read the manifest nope\.json: ENOENT/);
    fs.writeFileSync(path.join(broken, "other.json"), JSON.stringify({ dags: [] }));
    const foreign = runCli(["docs", "--manifest", "other.json", "-C", broken]);
    expect(foreign.status).toBe(1);
    expect(foreign.stderr).toMatch(/^error: cannot read the manifest other\.json: not a manifest this dagwright writes \(at formatVersion: .*\); compile the project again\n$/);
  });
});
