/**
 * The compiler's side of the evaluation worker. User modules run there, so a module that
 * exhausts memory ends the worker, not the compiler, and becomes a diagnostic naming it.
 */
import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { createInterface } from "node:readline";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { diagnose, type Diagnostic } from "../diagnostics/index.js";
import type { evaluateConfig, EvaluatedModules } from "./evaluate.js";
import type { ModuleRunner } from "./modules.js";
import type { Reply, Request, WorkerOptions } from "./worker.js";
import type { RuleRun } from "./rules.js";
import type { RuleProject } from "../dsl/rules.js";

export interface SessionOptions {
  root: string;
  /** Longest time one module may take to evaluate. */
  timeoutMs: number;
  /** Heap the user's modules may use, in MiB. */
  memoryMb: number;
}

/** Runs the configuration and the DAG modules, and hands back plain data. */
export interface Evaluation {
  /** Evaluate the config module; `cacheable` is false when its result may differ on another run. */
  config(file: string): Promise<{ result: ReturnType<typeof evaluateConfig>; cacheable: boolean }>;
  /** Evaluate the DAG modules; `onModule` hears of each as it starts (for a progress line). */
  modules(files: string[], onModule?: (file: string) => void): Promise<EvaluatedModules>;
  /** Run the team's rules over the project; `cacheable` is false when a rule read the clock or the like. */
  rules(files: string[], project: RuleProject, onModule?: (file: string) => void): Promise<{ result: RuleRun; cacheable: boolean }>;
  /** Stop; `discard` drops what the modules printed that has not been passed on yet (a run whose results are abandoned). */
  close(options?: { discard?: boolean }): Promise<void>;
}

/** Evaluation in this thread: the same runner and time limit, without the worker's heap limit. */
export class InProcessEvaluation implements Evaluation {
  #runner: Promise<{ runner: ModuleRunner; evaluate: typeof import("./evaluate.js") }> | undefined;

  constructor(
    private readonly root: string,
    private readonly timeoutMs: number,
  ) {}

  /** The runner, loaded on first use (it brings esbuild and the authoring API). */
  #evaluator() {
    this.#runner ??= import("./evaluate.js").then((evaluate) => ({ runner: evaluate.newRunner(this.root, this.timeoutMs), evaluate }));
    return this.#runner;
  }

  async config(file: string): Promise<{ result: ReturnType<typeof evaluateConfig>; cacheable: boolean }> {
    const { runner, evaluate } = await this.#evaluator();
    await runner.prepare([file]);
    return { result: evaluate.evaluateConfig(runner, file), cacheable: false };
  }

  async modules(files: string[], onModule: (file: string) => void = () => undefined): Promise<EvaluatedModules> {
    const { runner, evaluate } = await this.#evaluator();
    await runner.prepare(files);
    // Nothing here notices the clock or the disk (that would reach into the host process), so nothing is cacheable.
    return { modules: evaluate.evaluateModules(runner, files, onModule), diagnostics: [], uncacheable: [...files] };
  }

  async rules(files: string[], project: RuleProject, onModule: (file: string) => void = () => undefined): Promise<{ result: RuleRun; cacheable: boolean }> {
    const { runner } = await this.#evaluator();
    await runner.prepare(files);
    const { runRules } = await import("./rules.js");
    return { result: runRules(runner, files, project, onModule), cacheable: false };
  }

  async close(): Promise<void> {}
}

/**
 * Evaluation in a child process with its own heap limit. A process, not a thread, because a
 * module can block in native code (`execSync("sleep infinity")`) or leave a timer that loops
 * after it returned, and only a process can be stopped from outside then: a watchdog kills its
 * whole process group (the module's own children too) when a request outlives the time limit.
 */
export class EvaluationSession implements Evaluation {
  readonly #child: ChildProcess;
  readonly #root: string;
  readonly #timeoutMs: number;
  /** The module being evaluated, to name it when the child dies or stalls. */
  #current: string | undefined;
  #failure: Diagnostic | undefined;
  #pending: { resolve: (reply: Reply) => void; reject: (failure: Diagnostic) => void; kind: Request["kind"] } | undefined;
  #watchdog: NodeJS.Timeout | undefined;
  #outOfMemory = false;
  #memoryWatch: NodeJS.Timeout | undefined;
  /** The last error line the child printed, to name what ended it. */
  #lastError: string | undefined;
  readonly #killOnExit = () => this.#kill();
  /** Told of each module as the child starts it, during a modules request. */
  #onModule: ((file: string) => void) | undefined;
  /** Settles once the child has ended and everything it printed has been read and passed on. */
  readonly #closed: Promise<void>;

  constructor({ root, timeoutMs, memoryMb }: SessionOptions) {
    this.#root = root;
    this.#timeoutMs = timeoutMs;
    const options: WorkerOptions = { root, timeoutMs };
    this.#child = fork(workerEntry(), [JSON.stringify(options)], {
      execArgv: [`--max-old-space-size=${memoryMb}`],
      serialization: "advanced",
      // What modules print goes to stderr, so it never mixes with a report on stdout.
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      // Its own process group, so the watchdog also stops what a module spawned.
      detached: true,
    });
    this.#closed = new Promise((resolve) => this.#child.once("close", () => resolve()));
    this.#child.stdout!.pipe(process.stderr, { end: false });
    // V8's report of a heap out of memory becomes DW007; everything else the modules print passes on.
    // A crash's stack trace is kept back (it would show dagwright's internals); its error line names the failure.
    let crashing = false;
    createInterface({ input: this.#child.stderr!, crlfDelay: Infinity }).on("line", (line) => {
      if (/heap out of memory|Reached heap limit/.test(line)) this.#outOfMemory = true;
      else if (/^(\/|file:|node:).*:\d+$/.test(line)) crashing = true; // Node's "file:line" header of an uncaught error
      else if (crashing && /^(Uncaught )?(\w*(Error|Exception)\b.*)$/.test(line)) this.#lastError = line.replace(/^Uncaught /, "");
      else if (crashing || /^\s+at .*\(?(node:|file:|\/)/.test(line) || V8_FATAL_REPORT.test(line)) return;
      else process.stderr.write(`${line}\n`);
    });
    process.on("exit", this.#killOnExit);
    this.#watchMemory(memoryMb);
    this.#child.on("message", (reply: Reply) => {
      if (reply.kind === "evaluating") {
        this.#current = reply.file;
        this.#arm();
        this.#onModule?.(reply.file);
        return;
      }
      const pending = this.#pending;
      this.#pending = undefined;
      this.#disarm();
      if (pending?.kind === reply.kind) pending.resolve(reply);
    });
    this.#child.on("error", (error: Error) => this.#fail(diagnose("DW002", { workerFailed: { text: error.message, ...this.#during() } }, this.#location())));
    this.#child.on("exit", (code, signal) => {
      if (this.#memoryWatch) clearInterval(this.#memoryWatch);
      if (this.#outOfMemory) {
        this.#fail(diagnose("DW007", { ...(this.#current ? { file: this.#relative(this.#current) } : {}), limitMb: memoryMb }, this.#location()));
      } else if (this.#lastError && this.#current) {
        // A module broke what the evaluator itself relies on (a built-in it replaced, say).
        this.#fail(diagnose("DW002", { failed: { file: this.#relative(this.#current), text: this.#lastError } }, this.#location()));
      } else {
        this.#fail(diagnose("DW002", { stopped: { exitCode: code ?? signalNumber(signal), ...this.#during() } }, this.#location()));
      }
    });
  }

  async config(file: string): Promise<{ result: ReturnType<typeof evaluateConfig>; cacheable: boolean }> {
    this.#current = file;
    const { result, cacheable } = (await this.#request({ kind: "config", file })) as Extract<Reply, { kind: "config" }>;
    return { result, cacheable };
  }

  async modules(files: string[], onModule?: (file: string) => void): Promise<EvaluatedModules> {
    this.#onModule = onModule;
    try {
      const reply = await this.#request({ kind: "modules", files });
      return (reply as Extract<Reply, { kind: "modules" }>).result;
    } finally {
      this.#onModule = undefined;
    }
  }

  async rules(files: string[], project: RuleProject, onModule?: (file: string) => void): Promise<{ result: RuleRun; cacheable: boolean }> {
    this.#onModule = onModule;
    try {
      const { result, cacheable } = (await this.#request({ kind: "rules", files, project })) as Extract<Reply, { kind: "rules" }>;
      return { result, cacheable };
    } finally {
      this.#onModule = undefined;
    }
  }

  async close({ discard = false }: { discard?: boolean } = {}): Promise<void> {
    if (discard) {
      this.#child.stdout?.unpipe(process.stderr);
      this.#child.stdout?.destroy();
      this.#child.stderr?.destroy();
    }
    this.#disarm();
    if (this.#memoryWatch) clearInterval(this.#memoryWatch);
    this.#child.removeAllListeners("exit");
    this.#kill();
    process.off("exit", this.#killOnExit);
    // What a module printed may still be in the pipe when its reply arrived: pass all of it on
    // before the caller prints its report, so the report is always the last thing printed.
    if (!discard) await Promise.race([this.#closed, new Promise((resolve) => setTimeout(resolve, CLOSE_GRACE_MS).unref())]);
  }

  #request(request: Request): Promise<Reply> {
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      this.#pending = { resolve, reject, kind: request.kind };
      this.#arm();
      this.#child.send(request);
    });
  }

  /**
   * (Re)start the watchdog for the module now running. The module's own time limit stops a
   * busy loop with a precise location first; the watchdog is for what that limit cannot
   * interrupt, so it waits a little longer: a quarter more, at least a second (a
   * process that is still starting must not be mistaken for a stalled one).
   */
  #arm(): void {
    this.#disarm();
    const grace = Math.max(1000, this.#timeoutMs / 4);
    this.#watchdog = setTimeout(() => {
      const file = this.#current ? this.#relative(this.#current) : "(unknown)";
      this.#fail(diagnose("DW006", { file, stalled: true }, this.#location()));
      this.#child.removeAllListeners("exit");
      this.#kill();
    }, this.#timeoutMs + grace);
  }

  #disarm(): void {
    if (this.#watchdog) clearTimeout(this.#watchdog);
    this.#watchdog = undefined;
  }

  /**
   * The heap limit does not cover memory outside V8's heap (Buffers, typed arrays), so the
   * whole process is watched too, where the system tells (Linux's /proc): past the heap limit
   * and half as much again, it is stopped as out of memory.
   */
  #watchMemory(memoryMb: number): void {
    const pid = this.#child.pid;
    const status = `/proc/${pid}/status`;
    if (pid === undefined || !fs.existsSync(status)) return;
    const limitKb = memoryMb * 1.5 * 1024 + 256 * 1024;
    this.#memoryWatch = setInterval(() => {
      let rssKb: number;
      try {
        rssKb = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(status, "utf8"))?.[1] ?? 0);
      } catch {
        return; // already gone
      }
      if (rssKb <= limitKb) return;
      this.#outOfMemory = true;
      this.#kill();
    }, 100);
    this.#memoryWatch.unref();
  }

  /** Stop the child and everything in its process group, at once. */
  #kill(): void {
    const pid = this.#child.pid;
    if (pid === undefined || this.#child.exitCode !== null || this.#child.signalCode !== null) return;
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      this.#child.kill("SIGKILL");
    }
  }

  #fail(failure: Diagnostic): void {
    this.#failure ??= failure;
    const pending = this.#pending;
    this.#pending = undefined;
    pending?.reject(this.#failure);
  }

  #during(): { during?: string } {
    return this.#current ? { during: this.#relative(this.#current) } : {};
  }

  #location() {
    return this.#current ? { file: this.#relative(this.#current), line: 1, column: 1 } : undefined;
  }

  #relative(file: string): string {
    return path.relative(this.#root, file).split(path.sep).join("/");
  }
}

/** How long close() waits for a killed child's output to drain. */
const CLOSE_GRACE_MS = 2000;

/** The lines V8 prints around "heap out of memory": its GC trace and native stack, not the user's output. */
const V8_FATAL_REPORT = /^(<--- .* --->|\[\d+:0x[0-9a-f]+\] .*|\s*\d+: 0x[0-9a-f]+ .*|----- Native stack trace -----|FATAL ERROR: .*|\s*)$/;

/** The number a signal would give as a shell's exit status (128 + n), for the message. */
function signalNumber(signal: NodeJS.Signals | null): number {
  return signal === null ? -1 : 128 + (os.constants.signals[signal] ?? 0);
}

/** The built worker script. Tests run the compiler from its sources, but workers always run built code. */
function workerEntry(): string {
  const built = fileURLToPath(new URL("../../dist/load/worker.js", import.meta.url));
  if (fs.existsSync(built)) return built;
  throw new Error(`the evaluation worker is not built (${built}); run \`npm run build\``);
}
