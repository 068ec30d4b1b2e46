/**
 * The compiler's side of the evaluation worker. User modules run there, so a module that
 * exhausts memory ends the worker, not the compiler, and becomes a diagnostic naming it.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { diagnose, type Diagnostic } from "../diagnostics/index.js";
import type { evaluateConfig, EvaluatedModules } from "./evaluate.js";
import type { ModuleRunner } from "./modules.js";
import type { Reply, Request, WorkerOptions } from "./worker.js";

export interface SessionOptions {
  root: string;
  /** Longest time one module may take to evaluate. */
  timeoutMs: number;
  /** Heap the user's modules may use, in MiB. */
  memoryMb: number;
}

/** Runs the configuration and the DAG modules, and hands back plain data. */
export interface Evaluation {
  config(file: string): Promise<ReturnType<typeof evaluateConfig>>;
  modules(files: string[]): Promise<EvaluatedModules>;
  close(): Promise<void>;
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

  async config(file: string): Promise<ReturnType<typeof evaluateConfig>> {
    const { runner, evaluate } = await this.#evaluator();
    return evaluate.evaluateConfig(runner, file);
  }

  async modules(files: string[]): Promise<EvaluatedModules> {
    const { runner, evaluate } = await this.#evaluator();
    return evaluate.evaluateModules(runner, files, () => undefined);
  }

  async close(): Promise<void> {}
}

/** Evaluation in a worker thread with its own heap limit. */
export class EvaluationSession implements Evaluation {
  readonly #worker: Worker;
  readonly #root: string;
  /** The module being evaluated, to name it when the worker dies. */
  #current: string | undefined;
  #failure: Diagnostic | undefined;
  #pending: { resolve: (reply: Reply) => void; reject: (failure: Diagnostic) => void; kind: Request["kind"] } | undefined;

  constructor({ root, timeoutMs, memoryMb }: SessionOptions) {
    this.#root = root;
    const workerData: WorkerOptions = { root, timeoutMs };
    this.#worker = new Worker(workerEntry(), { workerData, resourceLimits: { maxOldGenerationSizeMb: memoryMb }, stdout: false, stderr: false });
    this.#worker.on("message", (reply: Reply) => {
      if (reply.kind === "evaluating") {
        this.#current = reply.file;
        return;
      }
      const pending = this.#pending;
      this.#pending = undefined;
      if (pending?.kind === reply.kind) pending.resolve(reply);
    });
    this.#worker.on("error", (error: Error & { code?: string }) => this.#fail(this.#diagnose(error, memoryMb)));
    this.#worker.on("exit", (code) => {
      this.#fail(diagnose("DW002", { stopped: { exitCode: code, ...this.#during() } }));
    });
  }

  async config(file: string): Promise<Extract<Reply, { kind: "config" }>["result"]> {
    this.#current = file;
    const reply = await this.#request({ kind: "config", file });
    return (reply as Extract<Reply, { kind: "config" }>).result;
  }

  async modules(files: string[]): Promise<EvaluatedModules> {
    const reply = await this.#request({ kind: "modules", files });
    return (reply as Extract<Reply, { kind: "modules" }>).result;
  }

  async close(): Promise<void> {
    this.#worker.removeAllListeners("exit");
    await this.#worker.terminate();
  }

  #request(request: Request): Promise<Reply> {
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      this.#pending = { resolve, reject, kind: request.kind };
      this.#worker.postMessage(request);
    });
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

  #relative(file: string): string {
    return path.relative(this.#root, file).split(path.sep).join("/");
  }

  #diagnose(error: Error & { code?: string }, memoryMb: number): Diagnostic {
    const location = this.#current ? { file: this.#relative(this.#current), line: 1, column: 1 } : undefined;
    if (error.code === "ERR_WORKER_OUT_OF_MEMORY") {
      return diagnose("DW007", { ...(this.#current ? { file: this.#relative(this.#current) } : {}), limitMb: memoryMb }, location);
    }
    return diagnose("DW002", { workerFailed: { text: error.message, ...this.#during() } }, location);
  }
}

/** The built worker script. Tests run the compiler from its sources, but workers always run built code. */
function workerEntry(): string {
  const built = fileURLToPath(new URL("../../dist/load/worker.js", import.meta.url));
  if (fs.existsSync(built)) return built;
  throw new Error(`the evaluation worker is not built (${built}); run \`npm run build\``);
}
