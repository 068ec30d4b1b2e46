/**
 * The examples' docs site in a real headless Chromium (Debian's, through playwright-core),
 * opened from disk as a reader would: no console errors on any page, every DAG page drawing
 * every task and dependency without overlaps, search finding a task and taking the reader to
 * it, the model page naming its training data and the metric that gates it, every link
 * resolving, the theme switch, and mermaid itself drawing what `dagwright graph` prints.
 * Screenshots go to test-results/browser/.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collapseGroups, dagGraph } from "../../src/graph/model.js";
import type { Manifest } from "../../src/ir/manifest.js";
import { launchChromium } from "../helpers/browser.js";
import { REPO_ROOT, runCli } from "../helpers/project.js";

const SHOTS = path.join(REPO_ROOT, "test-results", "browser");
const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "generated", "manifest.json"), "utf8")) as Manifest;
let browser: Browser;
let site: string;

beforeAll(async () => {
  site = fs.mkdtempSync(path.join(os.tmpdir(), "dagwright-site-"));
  const run = runCli(["docs", "--out", site]);
  expect(run.status, run.stderr).toBe(0);
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Open a page of the site and collect what went wrong on it. */
async function open(relative: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") errors.push(`${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("requestfailed", (request) => errors.push(`failed: ${request.url()}`));
  await page.goto(pathToFileURL(path.join(site, relative)).href, { waitUntil: "load" });
  return { page, errors };
}

const htmlFiles = () => fs.readdirSync(site, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".html")).sort();

describe("the docs site in Chromium", () => {
  it("opens every page from disk without a console error or a failed request, every link resolving", async () => {
    const broken: string[] = [];
    for (const file of htmlFiles()) {
      const { page, errors } = await open(file);
      expect(errors, file).toEqual([]);
      // SVG's <a> has no string href: resolve the attribute, as the browser does on a click.
      const links = await page.$$eval("a[href]", (anchors) => anchors.map((anchor) => new URL(anchor.getAttribute("href")!, document.baseURI).href));
      for (const link of links) {
        const url = new URL(link);
        if (url.protocol !== "file:") continue;
        const target = decodeURIComponent(url.pathname);
        if (!fs.existsSync(target)) broken.push(`${file}: ${link}`);
        else if (url.hash && !(fs.readFileSync(target, "utf8").includes(`id="${decodeURIComponent(url.hash.slice(1))}"`))) broken.push(`${file}: ${link} (anchor)`);
      }
      await page.close();
    }
    expect(broken).toEqual([]);
  });

  it("draws every task and dependency of every DAG, and no two nodes overlap", async () => {
    for (const dag of manifest.dags) {
      const { page } = await open(`dags/${dag.id}.html`);
      const graph = dagGraph(dag);
      const drawn = await page.$$eval("#graph-expanded svg.graph .node rect", (rects) => rects.map((rect) => rect.getBoundingClientRect().toJSON() as DOMRect));
      expect(drawn.length, dag.id).toBe(graph.nodes.length);
      expect(await page.locator("#graph-expanded svg.graph .edge path").count(), dag.id).toBe(graph.edges.length);
      const ids = await page.$$eval("#graph-expanded svg.graph .node", (nodes) => nodes.map((node) => node.getAttribute("data-id")));
      expect(ids, dag.id).toEqual(graph.nodes.map((node) => node.id));
      for (let a = 0; a < drawn.length; a++) {
        for (let b = a + 1; b < drawn.length; b++) {
          const [p, q] = [drawn[a]!, drawn[b]!];
          const overlap = p.left < q.right - 0.5 && q.left < p.right - 0.5 && p.top < q.bottom - 0.5 && q.top < p.bottom - 0.5;
          expect(overlap, `${dag.id}: ${ids[a]} overlaps ${ids[b]}`).toBe(false);
        }
      }
      if (["churn_training", "report_builder", "platform_ops"].includes(dag.id)) await page.screenshot({ path: path.join(SHOTS, `dag-${dag.id}.png`) });
      await page.close();
    }
  });

  it("finds a task by search, from the keyboard, and opens it on its DAG's page", async () => {
    const { page, errors } = await open("index.html");
    await page.keyboard.press("/");
    await page.keyboard.type("train_model");
    const first = page.locator("#results li a").first();
    await expect.poll(() => first.textContent()).toContain("churn_training.train_model");
    await page.screenshot({ path: path.join(SHOTS, "search.png") });
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.waitForURL(/dags\/churn_training\.html#t-train_model$/);
    expect(await page.locator("section.task:target h3").textContent()).toContain("train_model");
    expect(await page.locator("#graph-expanded svg.graph .node.found").getAttribute("data-id")).toBe("train_model");
    expect(errors).toEqual([]);
  });

  it("shows the model's training data, the code that produced it, the metric that gates it, and who consumes it", async () => {
    const { page } = await open("models/churn.html");
    expect(await page.locator("ul.trained-on li").allTextContents()).toEqual(["churn_features file:///tmp/dagwright-churn/features"]);
    expect(await page.locator("ul.produced-by").textContent()).toContain("churn_training.train_model python runs churn.train:train_model");
    expect(await page.locator("ul.gated-by li").allTextContents()).toEqual(["auc: at least 0.7, reported by churn_training.evaluate_model"]);
    expect(await page.locator("ul.consumed-by li").allTextContents()).toEqual(["churn_training.evaluate_model", "churn_training.publish_model"]);
    await page.screenshot({ path: path.join(SHOTS, "model-churn.png"), fullPage: true });
  });

  it("collapses a DAG's groups into one node each, and expands them again", async () => {
    const { page, errors } = await open("dags/report_builder.html");
    const collapsed = collapseGroups(dagGraph(manifest.dags.find((dag) => dag.id === "report_builder")!));
    expect(await page.locator("#graph-collapsed").isVisible()).toBe(false);
    await page.click("button.toggle-groups");
    expect(await page.locator("#graph-expanded").isVisible()).toBe(false);
    expect(await page.locator("#graph-collapsed svg.graph .node").count()).toBe(collapsed.nodes.length);
    expect(await page.locator('#graph-collapsed svg.graph .node[data-id="group:extract"] .detail').textContent()).toBe("group of 3 tasks");
    expect(await page.locator("button.toggle-groups").getAttribute("aria-pressed")).toBe("true");
    await page.screenshot({ path: path.join(SHOTS, "dag-report_builder-collapsed.png") });
    await page.click("button.toggle-groups");
    expect(await page.locator("#graph-expanded").isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  it("switches between light and dark, and remembers the choice", async () => {
    const { page } = await open("index.html");
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const light = await background();
    await page.click("#theme");
    const dark = await background();
    expect(dark).not.toBe(light);
    await page.screenshot({ path: path.join(SHOTS, "index-dark.png") });
    await page.reload();
    expect(await background()).toBe(dark);
  });
});

describe("mermaid", () => {
  it("parses and draws what `dagwright graph --format mermaid` prints for every DAG, the project and a lineage", async () => {
    const page = await browser.newPage();
    await page.setContent("<!doctype html><html><body></body></html>");
    await page.addScriptTag({ path: path.join(REPO_ROOT, "node_modules", "mermaid", "dist", "mermaid.min.js") });
    const outputs = [...manifest.dags.map((dag) => ["graph", dag.id]), ["graph"], ["graph", "--lineage", "churn"]].map((args) => {
      const run = runCli([...args, "--format", "mermaid"]);
      expect(run.status, run.stderr).toBe(0);
      return [args.join(" "), run.stdout] as const;
    });
    for (const [what, text] of outputs) {
      const drawn = await page.evaluate(async (source) => {
        const mermaid = (window as unknown as { mermaid: { initialize(options: object): void; render(id: string, text: string): Promise<{ svg: string }> } }).mermaid;
        mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });
        const { svg } = await mermaid.render(`g${Math.random().toString(36).slice(2)}`, source);
        document.body.innerHTML = svg;
        return { nodes: document.querySelectorAll("svg g.nodes > g.node").length, error: svg.includes("Syntax error") };
      }, text);
      expect(drawn.error, what).toBe(false);
      expect(drawn.nodes, what).toBe(text.split("\n").filter((line) => /^\s+n\d+[[({]/.test(line)).length);
    }
  });
});
