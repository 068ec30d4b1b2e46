/**
 * Where in the user's code an API call was made. The loader maps these raw V8 positions
 * through source maps to the user's TypeScript file:line:col.
 */
import { fileURLToPath } from "node:url";
import path from "node:path";
import type { Location } from "../ir/schema.js";

const dslDir = path.dirname(fileURLToPath(import.meta.url));

/** The first stack frame outside the authoring API: the user's call of it. */
export function callSite(): Location {
  const previous = Error.prepareStackTrace;
  const holder: { stack?: NodeJS.CallSite[] } = {};
  try {
    Error.prepareStackTrace = (_error, frames) => frames;
    Error.captureStackTrace(holder, callSite);
    const frames = holder.stack ?? [];
    for (const frame of frames) {
      const name = frame.getFileName();
      if (!name || name.startsWith("node:")) continue;
      // ES modules report file: URLs, scripts the loader runs report plain paths.
      const file = name.startsWith("file:") ? fileURLToPath(name) : name;
      if (file.startsWith(dslDir + path.sep)) continue;
      return { file, line: frame.getLineNumber() ?? 1, column: frame.getColumnNumber() ?? 1 };
    }
    return { file: "<unknown>", line: 1, column: 1 };
  } finally {
    Error.prepareStackTrace = previous;
  }
}
