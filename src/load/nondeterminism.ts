/**
 * What makes a DAG module's result differ between two compiles of the same sources: the clock,
 * randomness and the environment. Reading them is allowed (teams do), but each use in a DAG
 * module is flagged once, at its line, because `compile --check` then flaps. Installed only in
 * the evaluation process (worker.ts), where the user's modules are the only other code running.
 */
import { diagnose, type Diagnostic } from "../diagnostics/index.js";
import type { Location } from "../ir/schema.js";
import type { ModuleRunner } from "./modules.js";

type Source = "Date.now()" | "new Date()" | "Math.random()" | "process.env" | "performance.now()";

export interface NondeterminismWatch {
  /** Start noticing uses, for the DAG modules about to run. */
  start(): void;
  /** Stop, and hand back one warning per module and source, at its first use, and the DAG modules whose run used any. */
  stop(): { diagnostics: Diagnostic[]; modules: string[] };
}

export function watchNondeterminism(runner: ModuleRunner): NondeterminismWatch {
  let watching = false;
  const seen = new Map<string, { source: Source; location: Location }>();
  const users = new Set<string>();
  const notice = (source: Source) => {
    if (!watching) return;
    // Only the user's own code counts: dagwright and Node read these for their own reasons.
    const [first] = runner.framesOf(new Error());
    if (!first) return;
    const module = runner.currentModule();
    if (module) users.add(module);
    const key = `${first.file}\u0000${source}`;
    if (!seen.has(key)) seen.set(key, { source, location: first });
  };

  const OriginalDate = Date;
  const now = OriginalDate.now.bind(OriginalDate);
  OriginalDate.now = () => {
    notice("Date.now()");
    return now();
  };
  globalThis.Date = new Proxy(OriginalDate, {
    construct(target, args: unknown[], newTarget) {
      if (args.length === 0) notice("new Date()");
      return Reflect.construct(target, args, newTarget) as object;
    },
    apply(target, self, args: unknown[]) {
      notice("new Date()");
      return Reflect.apply(target, self, args) as string;
    },
  });
  const random = Math.random.bind(Math);
  Math.random = () => {
    notice("Math.random()");
    return random();
  };
  const performanceNow = performance.now.bind(performance);
  performance.now = () => {
    notice("performance.now()");
    return performanceNow();
  };
  const env = process.env;
  process.env = new Proxy(env, {
    get(target, name, receiver) {
      if (typeof name === "string") notice("process.env");
      return Reflect.get(target, name, receiver) as unknown;
    },
  });

  return {
    start: () => {
      watching = true;
    },
    stop: () => {
      watching = false;
      const found = [...seen.values()].map(({ source, location }) => diagnose("DW013", { file: location.file, source }, location));
      const modules = [...users];
      seen.clear();
      users.clear();
      return { diagnostics: found, modules };
    },
  };
}
