/**
 * The progress line of a long compile, on a terminal only: one line on stderr, rewritten in
 * place (stage, and modules started of total), at most every 100 ms, and erased before the
 * report is printed. Piped or redirected, and in the machine formats, nothing is printed.
 */
import type { Progress } from "../load/index.js";

/** Redraws at most this often: a terminal is slower than a compile's events. */
const INTERVAL_MS = 100;

export interface ProgressLine {
  onProgress?: (progress: Progress) => void;
  /** Erase the line, before anything else is printed. */
  clear(): void;
}

function describe(progress: Progress): string {
  switch (progress.stage) {
    case "typecheck":
      return `type-checking ${progress.files} file${progress.files === 1 ? "" : "s"}`;
    case "evaluate":
      return `evaluating ${progress.done}/${progress.total} ${progress.file}`;
    case "validate":
      return "validating";
    case "emit":
      return "writing the output";
  }
}

export function progressLine(stream: NodeJS.WriteStream, enabled: boolean): ProgressLine {
  if (!enabled || !stream.isTTY) return { clear: () => undefined };
  let shown = false;
  let last = 0;
  return {
    onProgress(progress) {
      const now = performance.now();
      // Stage changes always show; module counts are throttled.
      if (progress.stage === "evaluate" && progress.done > 1 && progress.done < progress.total && now - last < INTERVAL_MS) return;
      last = now;
      const width = Math.max(20, (stream.columns || 80) - 1);
      stream.write(`\r\u001b[K${describe(progress).slice(0, width)}`);
      shown = true;
    },
    clear() {
      if (shown) stream.write("\r\u001b[K");
      shown = false;
    },
  };
}
