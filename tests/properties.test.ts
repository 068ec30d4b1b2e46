/**
 * Property: whatever strings users put in any string field, the generated file parses with
 * Python's `ast`, and every literal evaluates to exactly what was written, or validation
 * rejects the value with a diagnostic (ids and tags Airflow cannot hold).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emitAirflow } from "../src/emit/airflow/index.js";
import { Templates } from "../src/emit/templates.js";
import type { Dag, JsonValue, Project } from "../src/ir/schema.js";
import { resolve } from "../src/resolve/index.js";
import { validate } from "../src/validate/index.js";
import { pythonCalls } from "./helpers/python.js";

const text = fc.oneof(
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.constantFrom('"""', "'''", "\\", "\\\\'", "{{ ds }}", "{% raw %}", "\u0000", "\r\n", "\ud800", "\udc00x", "😀", "a.sh", "README.md"),
);
const id = fc.stringMatching(/^[A-Za-z0-9_.-]{1,40}$/);
const location = { file: "dags-src/p.ts", line: 1, column: 1 };

const dagArbitrary = fc.record({
  id,
  description: text,
  docs: text,
  owner: text,
  tags: fc.array(text, { maxLength: 3 }),
  pool: text,
  queue: text,
  email: fc.array(text, { maxLength: 2 }),
  command: text,
  env: fc.dictionary(text, text, { maxKeys: 3 }),
  cwd: text,
  doc: text,
  kwargs: fc.dictionary(text, fc.oneof(text, fc.array(text, { maxLength: 3 }), fc.dictionary(text, text, { maxKeys: 2 })), { maxKeys: 3 }),
});

type Sample = typeof dagArbitrary extends fc.Arbitrary<infer T> ? T : never;

function toDag(sample: Sample, index: number): Dag {
  return {
    id: `${sample.id}_${index}`,
    location,
    schedule: { kind: "manual" },
    catchup: false,
    tags: sample.tags,
    description: sample.description,
    docs: sample.docs,
    owner: sample.owner,
    defaults: { pool: sample.pool, queue: sample.queue, email: sample.email },
    groups: [],
    tasks: [
      { id: "bash_task", location, config: { kind: "bash", command: sample.command, env: sample.env, cwd: sample.cwd }, options: { doc: sample.doc }, upstream: [] },
      { id: "python_task", location, config: { kind: "python", callable: "pkg.mod:fn", kwargs: sample.kwargs as Record<string, JsonValue> }, options: {}, upstream: [] },
    ],
  };
}

describe("user strings in every field", () => {
  it.each(["2.10", "3.3"] as const)("come back exactly from Python, or are rejected with a diagnostic (Airflow %s)", async (airflow) => {
    const samples = fc.sample(dagArbitrary, { numRuns: 300, seed: 7 });
    const accepted: Array<[Sample, Dag]> = [];
    let rejected = 0;
    samples.forEach((sample, index) => {
      const dag = toDag(sample, index);
      const diagnostics = validate(resolve({ airflow, dags: [dag] } satisfies Project));
      if (diagnostics.some((d) => d.severity === "error")) {
        // The only string values Airflow cannot hold are empty or over-long tags.
        expect(diagnostics.map((d) => d.code)).toEqual(diagnostics.map(() => "DW305"));
        expect(sample.tags.some((tag) => tag.length === 0 || tag.length > 100)).toBe(true);
        rejected++;
      } else {
        accepted.push([sample, dag]);
      }
    });
    const files = emitAirflow(resolve({ airflow, dags: accepted.map(([, dag]) => dag) }), { templates: new Templates(), dagwrightVersion: "0" });
    const parsed = await pythonCalls(Object.fromEntries(files.map((file) => [file.path, file.contents])));
    accepted.forEach(([sample, dag], index) => {
      const calls = parsed[files[index]!.path]!;
      const keywords = (callee: string) => calls.find((call) => call.callee === callee)!.keywords;
      const mdSafe = (value: string) => (value.endsWith(".md") ? `${value}\n` : value);
      expect(keywords("DAG")).toMatchObject({
        dag_id: dag.id,
        description: sample.description,
        doc_md: mdSafe(sample.docs),
        default_args: { owner: sample.owner, pool: sample.pool, queue: sample.queue, email: sample.email },
        ...(sample.tags.length ? { tags: sample.tags } : {}),
      });
      expect(keywords("BashOperator")).toEqual({
        task_id: "bash_task",
        bash_command: /\.(sh|bash)$/.test(sample.command) ? `${sample.command} ` : sample.command,
        env: sample.env,
        append_env: true,
        cwd: sample.cwd,
        doc_md: sample.doc,
      });
      expect(keywords("PythonOperator").op_kwargs).toEqual(Object.keys(sample.kwargs).length ? sample.kwargs : undefined);
    });
    expect(accepted.length).toBeGreaterThan(200);
    expect(rejected).toBeGreaterThan(0);
  });
});
