/**
 * `--watch` for compile and validate: build once, then again after every change in the project
 * folder, printing as `tsc --watch` does (a timestamped line per build, the errors, "Watching
 * for file changes."). One TypeScript 7 server stays up across builds, so a rebuild re-reads
 * only the sources (the standard library and the packages' declarations stay parsed); each
 * build evaluates in a fresh evaluation process, so a module that loops forever costs one build
 * a DW006, not the watcher. A change to the config, a tsconfig or package.json restarts the
 * checker. chokidar watches: it copes with editors that save by renaming, and with folders
 * that appear and vanish.
 */
import path from "node:path";
import { watch as watchFiles } from "chokidar";
import type { Typechecker } from "../load/typecheck/index.js";
import { CONFIG_FILE } from "../values/names.js";

export interface WatchOptions {
  root: string;
  /** One build with the kept checker: how many errors it reported, and the output folder to ignore. */
  build(typechecker: Typechecker): Promise<{ errors: number; outDir?: string }>;
}

/** Files whose change calls for a fresh checker, not only a new build. */
const RESTARTS = new Set([CONFIG_FILE, "tsconfig.json", "package.json"]);
/** Changes closer together than this are one rebuild (an editor's save, a `git checkout`). */
const SETTLE_MS = 100;

function stamp(): string {
  const now = new Date();
  const two = (n: number) => String(n).padStart(2, "0");
  return `[${two(now.getHours())}:${two(now.getMinutes())}:${two(now.getSeconds())}]`;
}

/**
 * What a watcher of the project folder leaves alone: dot folders (the writer's staging copies,
 * .git, caches), node_modules, and what dagwright writes itself (`written()`, asked each time:
 * the config may move it).
 */
export function notTheProjects(root: string, written: () => readonly string[]): (file: string) => boolean {
  return (file) => {
    const relative = path.relative(root, file);
    if (relative === "") return false;
    if (relative.split(path.sep).some((part) => part.startsWith(".") || part === "node_modules")) return true;
    return written().some((folder) => file === folder || file.startsWith(folder + path.sep));
  };
}

export async function watchProject({ root, build }: WatchOptions): Promise<void> {
  const { openTypechecker } = await import("../load/typecheck/index.js");
  let typechecker = openTypechecker();
  let outDir = path.join(root, "generated");
  const ignored = notTheProjects(root, () => [outDir]);

  const once = async () => {
    const result = await build(typechecker);
    if (result.outDir) outDir = result.outDir;
    process.stdout.write(`${stamp()} Found ${result.errors} error${result.errors === 1 ? "" : "s"}. Watching for file changes.\n`);
  };

  process.stdout.write(`${stamp()} Starting compilation in watch mode...\n\n`);
  // Watching starts before the first build, so an edit made while it runs is not missed.
  const watcher = watchFiles(root, { ignored, ignoreInitial: true });
  await new Promise<void>((resolve) => watcher.once("ready", () => resolve()));
  let changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const rebuild = async (): Promise<void> => {
    const files = changed;
    changed = new Set();
    if ([...files].some((file) => RESTARTS.has(path.basename(file)))) {
      typechecker.close();
      typechecker = openTypechecker();
    }
    process.stdout.write(`${stamp()} File change detected. Starting incremental compilation...\n\n`);
    await once();
    // Changes that came in during the build get a build of their own.
    if (changed.size > 0) await rebuild();
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      running ??= rebuild().finally(() => (running = undefined));
    }, SETTLE_MS);
  };
  watcher.on("all", (_event, file) => {
    changed.add(file);
    schedule();
  });
  running = once().finally(() => {
    running = undefined;
    if (changed.size > 0) schedule();
  });

  await new Promise<void>((resolve) => {
    const stop = () => {
      if (timer) clearTimeout(timer);
      void watcher.close().then(async () => {
        await running;
        typechecker.close();
        resolve();
      });
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
