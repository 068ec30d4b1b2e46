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

describe("layout of arbitrary DAGs", () => {
  it("matches ruff format for many shapes and lengths of values", async () => {
    const id = fc.stringMatching(/^[a-z][a-z0-9_]{0,60}$/);
    const text = fc.oneof(fc.string({ maxLength: 12 }), fc.string({ maxLength: 120 }), fc.string({ unit: "binary", maxLength: 50 }));
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
