/** Generated Python is formatted as `ruff format` leaves it, and uses no Airflow API removed or deprecated in Airflow 3. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emitAirflow } from "../src/emit/airflow/index.js";
import { Templates } from "../src/emit/templates.js";
import type { Dag, JsonValue } from "../src/ir/schema.js";
import { REPO_ROOT } from "./helpers/project.js";
import { resolve } from "../src/resolve/index.js";
import { toolsBin } from "./helpers/python.js";

async function ruff([command, ...args]: string[]) {
  const result = spawnSync(path.join(await toolsBin(), "ruff"), [command!, "--no-cache", ...args], { cwd: REPO_ROOT, encoding: "utf8" });
  return { status: result.status, output: result.stdout + result.stderr };
}

const GOLDEN_2 = "tests/golden/examples/airflow-2.10/airflow";
const GOLDEN_3 = "tests/golden/examples/airflow-3.3/airflow";

describe("generated Python", () => {
  it("is left unchanged by ruff format (default settings)", async () => {
    const run = await ruff(["format", "--isolated", "--check", "--diff", "generated", GOLDEN_2, GOLDEN_3]);
    expect(run.output).toMatch(/\d+ files already formatted/);
    expect(run.status, run.output).toBe(0);
  });

  it("passes ruff's import sorting and pyflakes checks", async () => {
    const run = await ruff(["check", "--isolated", "--select", "I,F", "generated", GOLDEN_2, GOLDEN_3]);
    expect(run.status, run.output).toBe(0);
  });

  it("uses no Airflow API that Airflow 3 removed or deprecated, when written for Airflow 3", async () => {
    const run = await ruff(["check", "--isolated", "--select", "AIR3", "generated", GOLDEN_3]);
    expect(run.status, run.output).toBe(0);
  });
});

/**
 * The ranges Unicode's East Asian Width table marks wide or full-width, which ruff counts as two
 * columns: Hangul Jamo, CJK punctuation, kana, ideographs and their extensions, Hangul
 * syllables, full-width forms, and the emoji (the symbols among U+2600-U+27BF, U+2B00-U+2BFF,
 * and the pictographs, transport, supplemental and extended blocks).
 */
const WIDE_RANGES: Array<[number, number]> = [
  [0x1100, 0x115f], [0x231a, 0x231b], [0x23e9, 0x23f3], [0x25fd, 0x25fe], [0x2600, 0x27bf], [0x2b1b, 0x2b55],
  [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf], [0xac00, 0xd7a3],
  [0xf900, 0xfaff], [0xfe30, 0xfe4f], [0xff00, 0xff60], [0xffe0, 0xffe6], [0x16fe0, 0x18aff], [0x1b000, 0x1b2ff],
  [0x1f004, 0x1f0cf], [0x1f18e, 0x1f19a], [0x1f200, 0x1f2ff], [0x1f300, 0x1f64f], [0x1f680, 0x1f6ff], [0x1f7e0, 0x1f7eb],
  [0x1f90c, 0x1f9ff], [0x1fa70, 0x1faff], [0x20000, 0x2fffd], [0x30000, 0x3fffd],
];

describe("layout of arbitrary DAGs", () => {
  it("measures the emoji alert messages carry as ruff does", async () => {
    const alert = (message: string): Dag => ({
      id: "alerts",
      location: { file: "dags-src/x.ts", line: 1, column: 1 },
      schedule: { kind: "manual" },
      catchup: false,
      tags: [],
      defaults: {},
      groups: [],
      tasks: [{ id: "notify", location: { file: "dags-src/x.ts", line: 1, column: 1 }, config: { kind: "bash", command: message }, options: {}, upstream: [] }],
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dagwright-emoji-"));
    // Lengths around the 88-column line, where a one-column error moves a line break.
    for (const [index, emoji] of ["🚀", "⚡", "✅", "🔥", "❌", "⏰", "🟢", "⭐"].entries()) {
      for (let length = 20; length <= 40; length++) {
        const dags = [alert(`${emoji} ${"x".repeat(length)} ${emoji}`)];
        const [file] = emitAirflow(resolve({ airflow: "3.3", dags }), { templates: new Templates(), dagwrightVersion: "0" });
        fs.writeFileSync(path.join(dir, `alert_${index}_${length}.py`), file!.contents);
      }
    }
    const run = await ruff(["format", "--isolated", "--check", "--diff", dir]);
    expect(run.status, run.output.slice(0, 4000)).toBe(0);
  });

  it("matches ruff format for many shapes and lengths of values", async () => {
    const id = fc.stringMatching(/^[a-z][a-z0-9_]{0,60}$/);
    // Every range ruff's unicode-width counts as two columns (and the zero-width marks between), mixed with ASCII.
    const wide = fc.oneof(
      ...WIDE_RANGES.map(([from, to]) => fc.integer({ min: from, max: to }).map((code) => String.fromCodePoint(code))),
      fc.constantFrom("\u0301", "\u200d", "\ufe0f", "a", " ", "-"),
    );
    const text = fc.oneof(fc.string({ maxLength: 12 }), fc.string({ maxLength: 120 }), fc.string({ unit: "binary", maxLength: 50 }), fc.string({ unit: wide, maxLength: 60 }));
    const location = { file: "dags-src/x.ts", line: 1, column: 1 };
    const dagArbitrary = fc.record({
      id,
      tasks: fc.uniqueArray(
        fc.record({
          id,
          kind: fc.constantFrom("empty", "bash", "python"),
          text,
          env: fc.dictionary(fc.string({ maxLength: 20 }), text, { maxKeys: 4 }),
          kwargs: fc.dictionary(fc.string({ maxLength: 15 }), fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<JsonValue>, { maxKeys: 4 }),
          retries: fc.option(fc.nat(10), { nil: undefined }),
          upstreamCount: fc.nat(12),
        }),
        { minLength: 1, maxLength: 14, selector: (task) => task.id },
      ),
      tags: fc.array(fc.string({ maxLength: 30 }), { maxLength: 6 }),
      description: fc.option(text, { nil: undefined }),
    });
    const dags = fc.sample(dagArbitrary, { numRuns: 150, seed: 42 }).map((dag, index): Dag => ({
      id: `${dag.id}_${index}`,
      location,
      schedule: { kind: "cron" as const, expression: "0 3 * * *" },
      startDate: "2026-01-01",
      catchup: false,
      tags: dag.tags,
      ...(dag.description === undefined ? {} : { description: dag.description }),
      defaults: { retries: 1, retryDelay: "5m", owner: dag.tags.join("") },
      groups: [],
      tasks: dag.tasks.map((task, position) => ({
        id: task.id,
        location,
        config:
          task.kind === "bash"
            ? {
                kind: "bash" as const,
                command: task.text,
                env: task.env,
                // Every third command task is mapped, to lay out partial(...).expand(...) too.
                ...(position % 3 === 2 ? { expand: { command: [task.text, task.id, `${task.text} ${task.id}`] } } : {}),
              }
            : task.kind === "python"
              ? { kind: "python" as const, callable: "pkg.module:function", kwargs: task.kwargs }
              : { kind: "empty" as const },
        options: task.retries === undefined ? {} : { retries: task.retries, doc: task.text },
        upstream: dag.tasks.slice(0, position).slice(-task.upstreamCount).map((up) => ({ task: up.id, location })),
      })),
    }));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dagwright-layout-"));
    for (const target of ["2.10", "3.3"] as const) {
      for (const file of emitAirflow(resolve({ airflow: target, dags }), { templates: new Templates(), dagwrightVersion: "0" })) {
        fs.mkdirSync(path.join(dir, target), { recursive: true });
        fs.writeFileSync(path.join(dir, target, path.basename(file.path)), file.contents);
      }
    }
    const run = await ruff(["format", "--isolated", "--check", "--diff", dir]);
    expect(run.status, run.output.slice(0, 4000)).toBe(0);
  });
});
