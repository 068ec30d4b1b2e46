/**
 * Evaluation shared between processes when there are many modules: each process is an
 * EvaluationSession with its own time and memory limits, and takes one contiguous run of the
 * module list (neighbouring modules tend to import the same helpers). A module's record does
 * not depend on what ran beside it (see records.ts), so the parts join into the same result
 * one process would give.
 */
import os from "node:os";
import type { EvaluatedModules } from "./evaluate.js";
import { EvaluationSession, type Evaluation, type SessionOptions } from "./session.js";

/** Fewer modules than this per process, and starting one (about 150 ms) costs more than it saves. */
const MODULES_PER_PROCESS = 100;
const MAX_PROCESSES = 4;

export class EvaluationPool implements Evaluation {
  readonly #sessions: EvaluationSession[] = [];
  readonly #options: SessionOptions;
  readonly #size: number;
  readonly #modulesPerProcess: number;

  constructor(options: SessionOptions, size = Math.min(MAX_PROCESSES, os.availableParallelism()), modulesPerProcess = MODULES_PER_PROCESS) {
    this.#options = options;
    this.#size = Math.max(1, size);
    this.#modulesPerProcess = modulesPerProcess;
  }

  /** The session that evaluates part `index`, started on first use. */
  #session(index: number): EvaluationSession {
    return (this.#sessions[index] ??= new EvaluationSession(this.#options));
  }

  config(file: string): ReturnType<Evaluation["config"]> {
    return this.#session(0).config(file);
  }

  async modules(files: string[], onModule?: (file: string) => void): Promise<EvaluatedModules> {
    const parts = split(files, Math.min(this.#size, Math.floor(files.length / this.#modulesPerProcess)));
    const results = await Promise.all(parts.map((part, index) => this.#session(index).modules(part, onModule)));
    // A helper that more than one process ran reports what it did (read the clock, say) in each.
    const seen = new Set<string>();
    const diagnostics = results
      .flatMap((result) => result.diagnostics)
      .filter((diagnostic) => {
        const key = JSON.stringify(diagnostic);
        return !seen.has(key) && Boolean(seen.add(key));
      });
    return {
      modules: results.flatMap((result) => result.modules),
      diagnostics,
      uncacheable: [...new Set(results.flatMap((result) => result.uncacheable))],
    };
  }

  rules(...args: Parameters<Evaluation["rules"]>): ReturnType<Evaluation["rules"]> {
    return this.#session(0).rules(...args);
  }

  async close(options?: { discard?: boolean }): Promise<void> {
    await Promise.all(this.#sessions.map((session) => session.close(options)));
  }
}

/** `files` in `count` contiguous parts of near-equal length (one part at the least). */
export function split<T>(files: readonly T[], count: number): T[][] {
  const parts = Math.max(1, count);
  const result: T[][] = [];
  for (let index = 0; index < parts; index++) {
    result.push(files.slice(Math.floor((index * files.length) / parts), Math.floor(((index + 1) * files.length) / parts)));
  }
  return result;
}
