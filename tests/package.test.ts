/** What `npm pack` puts in the published package: what runs and what it documents, no source maps without their sources, no tests or examples, no internal members in its types; and the licence it names. */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./helpers/project.js";

describe("the published package", () => {
  const [packed] = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: REPO_ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })) as Array<{ files: Array<{ path: string }> }>;
  const files = packed!.files.map((file) => file.path);
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { license: string; exports: Record<string, { types?: string; default?: string } | string>; bin: Record<string, string> };

  it("holds the CLI, every export's code and types, the templates, the README and the licence", () => {
    for (const file of ["LICENSE", "README.md", "package.json", "bin/dagwright.js", "dist/bundle/cli.js", "templates/site/site.css", "templates/init/hello.test.ts.hbs"]) expect(files, file).toContain(file);
    for (const [name, target] of Object.entries(manifest.exports)) {
      if (typeof target === "string") continue;
      for (const file of [target.types, target.default]) expect(files, `${name}: ${file}`).toContain(file!.replace(/^\.\//, ""));
    }
    expect(files).toContain(manifest.bin.dagwright!);
  });

  it("ships no source maps (their sources are not shipped), no sources, tests, examples or output", () => {
    expect(files.filter((file) => file.endsWith(".map"))).toEqual([]);
    expect(files.filter((file) => /^(src|tests|dags-src|generated|python|bench|scripts|examples)\//.test(file))).toEqual([]);
  });

  it("ships no member marked @internal in its type declarations (stripInternal), so editors never offer them", () => {
    const declarations = files.filter((file) => file.endsWith(".d.ts"));
    expect(declarations).toContain("dist/dsl/dag.d.ts");
    for (const file of declarations) expect(fs.readFileSync(path.join(REPO_ROOT, file), "utf8"), file).not.toContain("@internal");
    const dag = fs.readFileSync(path.join(REPO_ROOT, "dist/dsl/dag.d.ts"), "utf8");
    for (const hidden of [/\bclose\(\)/, /\breadonly ir\b/, /\bonDagCreated\b/, /\bdagIrOf\b/]) expect(dag).not.toMatch(hidden);
    expect(dag).toMatch(/\bthen<T extends Linkable \| string>\(/);
  });

  it("builds on prepack, with no prepare script that would run for whoever installs it from git", () => {
    const { scripts } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(scripts.prepare).toBeUndefined();
    expect(scripts.prepack).toBe("npm run build");
  });

  it("carries the licence package.json names", () => {
    expect(manifest.license).toBe("Apache-2.0");
    expect(fs.readFileSync(path.join(REPO_ROOT, "LICENSE"), "utf8")).toMatch(/^\s+Apache License\n\s+Version 2\.0, January 2004\n/);
  });
});
