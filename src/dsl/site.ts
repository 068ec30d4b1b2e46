/**
 * Where in the user's code an API call was made. The loader maps these raw V8 positions
 * through source maps to the user's TypeScript file:line:col.
 */
import { fileURLToPath, pathToFileURL } from "node:url";
import path from "node:path";
import type { Location } from "../ir/schema.js";

const dslSubtree = path.dirname(fileURLToPath(import.meta.url)) + path.sep;
/** The same folder as the file: URL its own frames report, told apart without converting each. */
const dslSubtreeUrl = pathToFileURL(dslSubtree).href;

/**
 * Frames captured first: the API's own frames above the user's call are few (a method and the
 * helper it records through), and every DSL call pays for each frame captured. A deeper call
 * is looked for again with the whole stack.
 */
const SHALLOW_FRAMES = 4;

/** The first stack frame outside the authoring API: the user's call of it. */
export function callSite(): Location {
  return userFrame(SHALLOW_FRAMES) ?? userFrame(Infinity) ?? { file: "<unknown>", line: 1, column: 1 };
}

function userFrame(limit: number): Location | undefined {
  const previous = Error.prepareStackTrace;
  const previousLimit = Error.stackTraceLimit;
  const holder: { stack?: NodeJS.CallSite[] } = {};
  try {
    Error.prepareStackTrace = (_error, frames) => frames;
    Error.stackTraceLimit = limit;
    Error.captureStackTrace(holder, callSite);
    for (const frame of holder.stack ?? []) {
      const name = frame.getFileName();
      if (!name || name.startsWith("node:") || name.startsWith(dslSubtreeUrl)) continue;
      // ES modules report file: URLs, scripts the loader runs report plain paths.
      const file = name.startsWith("file:") ? fileURLToPath(name) : name;
      if (file.startsWith(dslSubtree)) continue;
      return { file, line: frame.getLineNumber() ?? 1, column: frame.getColumnNumber() ?? 1 };
    }
    return undefined;
  } finally {
    Error.prepareStackTrace = previous;
    Error.stackTraceLimit = previousLimit;
  }
}
