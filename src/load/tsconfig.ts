/**
 * What dagwright reads of a project's tsconfig itself, without loading TypeScript: the chain of
 * files its `extends` names (for the type-check cache's key), and its `baseUrl` and `paths`, so
 * that evaluation resolves `import { x } from "@lib/x"` to the file tsc resolves it to.
 * tsconfig files are JSONC (comments, trailing commas): jsonc-parser reads them as tsc does.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { parse as parseJsonc } from "jsonc-parser";

interface RawConfig {
  extends?: unknown;
  compilerOptions?: { baseUrl?: unknown; paths?: unknown };
}

function read(file: string): RawConfig {
  try {
    const parsed: unknown = parseJsonc(fs.readFileSync(file, "utf8"));
    return typeof parsed === "object" && parsed !== null ? (parsed as RawConfig) : {};
  } catch {
    return {};
  }
}

/** The files a tsconfig's `extends` names, resolved as tsc resolves them (a path, or a package). */
function bases(file: string, config: RawConfig): string[] {
  const named = typeof config.extends === "string" ? [config.extends] : Array.isArray(config.extends) ? config.extends : [];
  return named.filter((base): base is string => typeof base === "string").flatMap((base) => {
    const resolved = resolveExtends(file, base);
    return resolved ? [resolved] : [];
  });
}

function resolveExtends(from: string, base: string): string | undefined {
  if (base.startsWith(".") || path.isAbsolute(base)) {
    const full = path.resolve(path.dirname(from), base);
    return [full, `${full}.json`].find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile());
  }
  const require = createRequire(from);
  for (const request of [base, `${base}/tsconfig.json`, `${base}.json`]) {
    try {
      return require.resolve(request);
    } catch {
      // the next form
    }
  }
  return undefined;
}

/** A tsconfig and every file its `extends` names, transitively, the file itself first (a loop ends where it closes). */
export function tsconfigChain(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  return [file, ...bases(file, read(file)).flatMap((base) => tsconfigChain(base, seen))];
}

/** `paths` with the folder its substitutions are relative to (baseUrl when set, else the folder of the tsconfig declaring them). */
export interface PathMapping {
  baseUrl?: string;
  paths?: { base: string; patterns: Record<string, string[]> };
}

/** The `baseUrl` and `paths` in force for `file`, following `extends` (the nearest declaration wins, as in tsc). */
export function pathMapping(file: string): PathMapping {
  const mapping: PathMapping = {};
  // Bases first, so the file's own settings override what it extends.
  for (const config of [...tsconfigChain(file)].reverse()) {
    const options = read(config).compilerOptions ?? {};
    if (typeof options.baseUrl === "string") mapping.baseUrl = path.resolve(path.dirname(config), options.baseUrl);
    if (typeof options.paths === "object" && options.paths !== null) {
      const patterns = Object.fromEntries(
        Object.entries(options.paths as Record<string, unknown>).map(([pattern, targets]) => [
          pattern,
          Array.isArray(targets) ? targets.filter((target): target is string => typeof target === "string") : [],
        ]),
      );
      mapping.paths = { base: path.dirname(config), patterns };
    }
  }
  if (mapping.paths && mapping.baseUrl) mapping.paths.base = mapping.baseUrl;
  return mapping;
}

/**
 * The paths a bare specifier maps to, in the order tsc tries them: the pattern with the longest
 * prefix before its `*` wins (an exact pattern beats any wildcard), then `baseUrl` itself.
 */
export function mappedCandidates(mapping: PathMapping, specifier: string): string[] {
  const candidates: string[] = [];
  if (mapping.paths) {
    let best: { pattern: string; star: string; prefix: number } | undefined;
    for (const pattern of Object.keys(mapping.paths.patterns)) {
      const star = pattern.indexOf("*");
      if (star === -1) {
        if (pattern === specifier) best = { pattern, star: "", prefix: Infinity };
        continue;
      }
      const prefix = pattern.slice(0, star);
      const suffix = pattern.slice(star + 1);
      if (specifier.length >= prefix.length + suffix.length && specifier.startsWith(prefix) && specifier.endsWith(suffix) && prefix.length > (best?.prefix ?? -1)) {
        best = { pattern, star: specifier.slice(prefix.length, specifier.length - suffix.length), prefix: prefix.length };
      }
    }
    if (best) {
      for (const target of mapping.paths.patterns[best.pattern]!) candidates.push(path.resolve(mapping.paths.base, target.replace("*", best.star)));
    }
  }
  if (mapping.baseUrl) candidates.push(path.resolve(mapping.baseUrl, specifier));
  return candidates;
}
