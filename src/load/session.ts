/**
 * The compiler's side of the evaluation worker. User modules run there, so a module that
 * exhausts memory ends the worker, not the compiler, and becomes a diagnostic naming it.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Diagnostic } from "../ir/diagnostic.js";
import type { EvaluatedModules } from "./evaluate.js";
import type { Reply, Request, WorkerOptions } from "./worker.js";

export interface SessionOptions {
  root: string;
  /** Longest time one module may take to evaluate. */
  timeoutMs: number;
  /** Heap the user's modules may use, in MiB. */
  memoryMb: number;
}

export class EvaluationSession {
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
      this.#fail({ code: "DW002", severity: "error", message: `module evaluation stopped unexpectedly (exit code ${code})${this.#where()}` });
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

  #where(): string {
    return this.#current ? ` while evaluating ${this.#relative(this.#current)}` : "";
  }

  #relative(file: string): string {
    return path.relative(this.#root, file).split(path.sep).join("/");
  }

  #diagnose(error: Error & { code?: string }, memoryMb: number): Diagnostic {
    const location = this.#current ? { location: { file: this.#relative(this.#current), line: 1, column: 1 } } : {};
    if (error.code === "ERR_WORKER_OUT_OF_MEMORY") {
      return {
        code: "DW007",
        severity: "error",
        message: `module ${this.#current ? this.#relative(this.#current) : "(unknown)"} ran out of memory while being evaluated (limit ${memoryMb} MiB)`,
        ...location,
        hint: "DAG modules run at compile time: look for a loop that keeps allocating, or very large data built at the top level",
      };
    }
    return { code: "DW002", severity: "error", message: `module evaluation failed${this.#where()}: ${error.message}`, ...location };
  }
}

/** The built worker script. Tests run the compiler from its sources, but workers always run built code. */
function workerEntry(): string {
  const built = fileURLToPath(new URL("../../dist/load/worker.js", import.meta.url));
  if (fs.existsSync(built)) return built;
  throw new Error(`the evaluation worker is not built (${built}); run \`npm run build\``);
}
