// The resolve hook behind loaded-modules.mjs (module hooks run on their own thread).
import fs from "node:fs";

let log;

export function initialize(data) {
  log = data.log;
}

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (log) fs.appendFileSync(log, `${resolved.url}\n`);
  return resolved;
}
