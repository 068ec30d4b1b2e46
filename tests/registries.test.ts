/**
 * The task-kind registries make forgetting a place a compile error: in a scratch copy of the
 * sources, an IR field no emitter writes, a kind without its validator and a kind the
 * real-Airflow harness does not compare each fail `tsc`, naming the module to fix.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "./helpers/project.js";

/** Type-check a scratch copy of src/ (and the harness's kind map) after `change`; returns tsc's error lines. */
function typeErrorsAfter(change: (dir: string) => void): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dagwright-registry-"));
  fs.cpSync(path.join(REPO_ROOT, "src"), path.join(dir, "src"), { recursive: true });
  fs.mkdirSync(path.join(dir, "tests", "airflow"), { recursive: true });
  // The kind map, and the pod expectations it imports.
  for (const file of ["kinds.ts", "pods.ts"]) fs.copyFileSync(path.join(REPO_ROOT, "tests", "airflow", file), path.join(dir, "tests", "airflow", file));
  fs.copyFileSync(path.join(REPO_ROOT, "tsconfig.base.json"), path.join(dir, "tsconfig.base.json"));
  fs.copyFileSync(path.join(REPO_ROOT, "package.json"), path.join(dir, "package.json"));
  fs.writeFileSync(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({ extends: "./tsconfig.base.json", compilerOptions: { noEmit: true, types: ["node"] }, include: ["src", "tests/airflow/kinds.ts"] }),
  );
  fs.symlinkSync(path.join(REPO_ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  change(dir);
  // TypeScript 7 checks the copy in about a second; the result is the same as TypeScript 5.9's.
  const run = spawnSync(process.execPath, [path.join(REPO_ROOT, "node_modules", "typescript7", "bin", "tsc"), "-p", dir, "--pretty", "false"], { cwd: dir, encoding: "utf8" });
  return run.stdout.split("\n").filter((line) => line.includes("error TS"));
}

function edit(dir: string, file: string, from: string | RegExp, to: string): void {
  const full = path.join(dir, file);
  const text = fs.readFileSync(full, "utf8");
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`${file} does not contain ${String(from)}`);
  fs.writeFileSync(full, changed);
}

// Each broken edit lands on a different kind, so one scratch copy holds all four and each
// assertion can only be satisfied by its own edit's errors: two tsc runs instead of five.
const BROKEN_EDITS = (dir: string) => {
  // An IR field on the pod kind that neither its emitter nor its builder writes.
  edit(dir, "src/ir/kinds/pod.ts", "    connId: z.string().optional(),", "    connId: z.string().optional(),\n    priorityClass: z.string().optional(),");
  // A builder option on bash that the bash IR lacks.
  edit(dir, "src/dsl/types.ts", "export interface BashTaskOptions extends TaskOptions {\n", "export interface BashTaskOptions extends TaskOptions {\n  shellFlavour?: string;\n");
  // The branch kind without its validator.
  edit(dir, "src/validate/kinds/index.ts", /  branch: [^\n]*\n/, "");
  // The file sensor without its harness entry.
  edit(dir, "tests/airflow/kinds.ts", /  file_sensor: \{[^\n]*\n/, "");
};

describe("task-kind registries", () => {
  let broken: string[] = [];
  beforeAll(() => {
    broken = typeErrorsAfter(BROKEN_EDITS);
  });

  it("leave the unchanged sources free of type errors", () => {
    expect(typeErrorsAfter(() => undefined)).toEqual([]);
  });

  it("make an IR field that no emitter writes a type error at the emitter, and at the builder", () => {
    expect(broken.some((line) => line.startsWith("src/emit/airflow/operators/pod.ts(") && line.includes("priorityClass"))).toBe(true);
    expect(broken.some((line) => line.startsWith("src/dsl/kinds/pod.ts(") && line.includes("priorityClass"))).toBe(true);
  });

  it("make a builder option that the IR lacks a type error at the builder", () => {
    expect(broken.filter((line) => line.includes("shellFlavour")).map((line) => line.slice(0, line.indexOf("(")))).toEqual(["src/dsl/kinds/bash.ts", "src/dsl/kinds/bash.ts"]);
  });

  it("make a kind without its validator a type error", () => {
    expect(broken.some((line) => line.startsWith("src/validate/kinds/index.ts(") && line.includes("'branch'"))).toBe(true);
  });

  it("make a kind the harness does not compare a type error", () => {
    expect(broken.some((line) => line.startsWith("tests/airflow/kinds.ts(") && line.includes("'file_sensor'"))).toBe(true);
  });
});
