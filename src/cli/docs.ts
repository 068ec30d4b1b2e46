import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import type { Command } from "commander";
import type { Manifest } from "../ir/manifest.js";
import { compiledManifest, EXIT, projectRoot, seconds, type CommonOptions } from "./context.js";
import { rootOption } from "./options.js";

interface DocsOptions extends CommonOptions {
  out?: string;
  manifest?: string;
  sourceUrl?: string;
  serve?: boolean;
  port: string;
}

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".png": "image/png", ".svg": "image/svg+xml" };

export function registerDocs(program: Command): void {
  program
    .command("docs")
    .description("Build a static docs and lineage site from the manifest: every DAG with its graph and tasks, the lineage, models, diagnostics, search")
    .option("--out <dir>", "where to write the site (default: docs/ in the output folder, which compile leaves alone)")
    .option("--manifest <file>", "build from this manifest.json instead of compiling the project")
    .option("--source-url <template>", 'link source lines here, as "https://github.com/acme/pipelines/blob/main/{path}#L{line}" (default: the config\'s openLineage.sourceUrl)')
    .option("--serve", "serve the site on localhost, and rebuild it when the project changes, until interrupted")
    .option("--port <port>", "the port --serve listens on", "4680")
    .addOption(rootOption())
    .addHelpText(
      "after",
      "\nThe site is plain files with relative links: open index.html from disk, or publish the folder on any static host." +
        "\nExit codes: 0 written, 1 errors in the project or an unreadable manifest, 2 bad usage.",
    )
    .action(async (options: DocsOptions, command: Command) => {
      const root = projectRoot(options);
      if (options.sourceUrl !== undefined && (!options.sourceUrl.includes("{path}") || !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(options.sourceUrl))) {
        command.error('error: --source-url must be an absolute URL with {path} (and {line}), such as "https://github.com/acme/pipelines/blob/main/{path}#L{line}"', { exitCode: EXIT.usage });
      }
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) command.error(`error: --port must be a port number, not ${JSON.stringify(options.port)}`, { exitCode: EXIT.usage });
      const built = await build(root, options);
      if (!built) return;
      if (options.serve) await serve(root, built.dir, built.outDir, port, () => build(root, options));
    });
}

/** Build the site once; undefined (with the errors printed and exit code 1) when there is no manifest to build from. */
async function build(root: string, options: DocsOptions): Promise<{ dir: string; outDir: string } | undefined> {
  const started = performance.now();
  let manifest: Manifest;
  let outDir: string;
  if (options.manifest !== undefined) {
    const file = path.resolve(root, options.manifest);
    // The schemas only here: `--help` and the other commands start without them.
    const { Manifest: ManifestSchema } = await import("../ir/manifest.js");
    try {
      const parsed = ManifestSchema.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new Error(`not a manifest this dagwright writes (at ${issue.path.join(".") || "the top"}: ${issue.message}); compile the project again`);
      }
      manifest = parsed.data;
    } catch (failure) {
      process.stderr.write(`error: cannot read the manifest ${options.manifest}: ${(failure as Error).message}\n`);
      process.exitCode = EXIT.userErrors;
      return undefined;
    }
    outDir = path.dirname(file);
  } else {
    const compiled = await compiledManifest(root);
    if (!compiled) return undefined;
    ({ manifest, outDir } = compiled);
  }
  const [{ buildSite }, { replaceFolder }, { SITE_FOLDER }] = await Promise.all([import("../site/index.js"), import("../emit/writer.js"), import("../emit/files.js")]);
  const dir = options.out !== undefined ? path.resolve(root, options.out) : path.join(outDir, SITE_FOLDER);
  const files = buildSite(manifest, options.sourceUrl !== undefined ? { sourceUrl: options.sourceUrl } : {});
  replaceFolder(dir, files);
  const relative = path.relative(root, dir).split(path.sep).join("/") || ".";
  // Outside the project, the folder's own path reads better than a climb of ../
  const shown = relative.startsWith("..") ? dir : relative;
  process.stdout.write(`wrote ${shown}/: ${files.length} files for ${manifest.dags.length} DAG${manifest.dags.length === 1 ? "" : "s"} in ${seconds(performance.now() - started)}\n`);
  return { dir, outDir };
}

/** Serve the site's folder on localhost; rebuild after each change in the project folder. */
async function serve(root: string, dir: string, outDir: string, port: number, rebuild: () => Promise<unknown>): Promise<void> {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const relative = decodeURIComponent(url.pathname).replace(/^\/+/, "") || "index.html";
    const file = path.resolve(dir, relative);
    // Nothing outside the site's folder, whatever the path says.
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
      return;
    }
    response.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", "cache-control": "no-cache" });
    fs.createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address();
  const shownPort = typeof address === "object" && address ? address.port : port;
  process.stdout.write(`serving http://127.0.0.1:${shownPort}/ (rebuilt when the project changes; Ctrl-C to stop)\n`);
  const [{ watch }, { notTheProjects }] = await Promise.all([import("chokidar"), import("./watch.js")]);
  const ignored = notTheProjects(root, () => [outDir, dir]);
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  watch(root, { ignored, ignoreInitial: true }).on("all", () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        process.exitCode = undefined;
        await rebuild();
      });
    }, 100);
  });
}
