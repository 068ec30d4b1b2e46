/**
 * Green means importable, for DAGs nobody wrote by hand: random projects (ids, strings with
 * quotes, backslashes, newlines, templates and any Unicode, nested kwargs, groups, dependencies,
 * options) are compiled; whatever compiles without an error must parse in CPython and load in
 * Airflow's DagBag with no import error, on the newest 2.x and 3.x lines.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { compileProject } from "../../src/compiler.js";
import { hasErrors } from "../../src/diagnostics/index.js";
import { makeProject } from "../helpers/project.js";
import { airflowBin, inspectDags, TARGETS } from "./airflow.js";

/** Runs are seeded, so a failure names the project that caused it and reproduces. */
const SEED = 20261203;
const RUNS = 100;

const id = fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/);
/** Text as authors write it, and the characters that break naive code generators. */
const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.constantFrom("it's", 'say "hi"', "back\\slash", "line\nbreak", "{{ ds }}", "{% raw %}", "\u2028", "tab\there", "'''", '"""', "é漢😀", "\\N{DASH}"),
);
const json: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    text,
    fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(text, tie("value"), { maxKeys: 4 }),
  ),
})).value;

interface TaskSpec {
  kind: "bash" | "empty" | "python";
  text: string;
  kwargs: Record<string, unknown>;
  retries: number;
  group: number | undefined;
  upstream: number[];
}

const task = fc.record({
  kind: fc.constantFrom("bash", "empty", "python") as fc.Arbitrary<TaskSpec["kind"]>,
  text,
  kwargs: fc.dictionary(fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/), json, { maxKeys: 3 }),
  retries: fc.integer({ min: 0, max: 5 }),
  group: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
  upstream: fc.array(fc.nat(20), { maxLength: 3 }),
});

const dagSpec = fc.record({
  description: text,
  tags: fc.array(fc.string({ minLength: 1, maxLength: 20 }), { maxLength: 3 }),
  groups: fc.integer({ min: 0, max: 3 }),
  nestedGroups: fc.boolean(),
  tasks: fc.array(task, { minLength: 1, maxLength: 8 }),
});

type Generated<A> = A extends fc.Arbitrary<infer T> ? T : never;
type DagSpec = Generated<typeof dagSpec>;

/** A DAG module in the authoring API, every value a JSON literal (which TypeScript reads as written). */
function moduleOf(dagId: string, spec: DagSpec, taskIds: string[]): string {
  const lines = [`import { dag } from "dagwright";`, ``];
  lines.push(`export default dag(${JSON.stringify(dagId)}, { schedule: null, description: ${JSON.stringify(spec.description)}, tags: ${JSON.stringify(spec.tags)} }, (d) => {`);
  lines.push(`  const groups: any[] = [];`);
  for (let index = 0; index < spec.groups; index++) {
    const parent = spec.nestedGroups && index > 0 ? `groups[${index - 1}].ctx` : "d";
    lines.push(`  ${parent}.group("g${index}", {}, (ctx: any) => { groups.push({ ctx }); });`);
  }
  lines.push(`  const tasks: any[] = [];`);
  spec.tasks.forEach((t, index) => {
    const where = t.group !== undefined && t.group < spec.groups ? `(groups[${t.group}]?.ctx ?? d)` : "d";
    const taskId = JSON.stringify(taskIds[index]);
    const common = `retries: ${t.retries}`;
    const call =
      t.kind === "bash"
        ? `${where}.bash(${taskId}, { command: ${JSON.stringify(`echo ${t.text}`)}, env: { TEXT: ${JSON.stringify(t.text)} }, ${common} })`
        : t.kind === "python"
          ? `${where}.python(${taskId}, { callable: "pipelines.random:run", kwargs: ${JSON.stringify(t.kwargs)}, ${common} })`
          : `${where}.empty(${taskId}, { ${common} })`;
    lines.push(`  tasks.push(${call});`);
    // Only earlier tasks upstream: dependencies never make a cycle.
    for (const upstream of new Set(t.upstream.filter((other) => other < index))) lines.push(`  tasks[${upstream}].then(tasks[${index}]);`);
  });
  lines.push(`});`, ``);
  return lines.join("\n");
}

const project = fc.array(dagSpec, { minLength: 1, maxLength: 3 });

/** Compile sample `n` for `airflow`; its generated DAG files, or none when the project has errors. */
async function compileSample(n: number, dags: DagSpec[], airflow: string): Promise<{ files: Record<string, string>; dagIds: string[] }> {
  const modules: Record<string, string> = {};
  const dagIds: string[] = [];
  dags.forEach((spec, index) => {
    const dagId = `p${n}_d${index}`;
    dagIds.push(dagId);
    const taskIds = spec.tasks.map((_, t) => `t${t}`);
    modules[`dags-src/${dagId}.ts`] = moduleOf(dagId, spec, taskIds);
  });
  const root = makeProject(modules, airflow);
  const result = await compileProject(root, { evaluation: "in-process", skipTypecheck: true });
  if (hasErrors(result.diagnostics)) return { files: {}, dagIds: [] };
  const files = Object.fromEntries(result.files!.filter((file) => file.path.startsWith("airflow/")).map((file) => [file.path.slice("airflow/".length), file.contents]));
  return { files, dagIds };
}

const LINES = TARGETS.filter((target) => target.airflow === "2.10" || target.airflow === "3.3");

describe.each(LINES)("random projects on Airflow $airflow", (target) => {
  let bin = "";
  beforeAll(async () => {
    bin = await airflowBin(target);
  });

  it("compile to files that all load in Airflow's DagBag", async () => {
    const samples = fc.sample(project, { seed: SEED, numRuns: RUNS });
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), `dagwright-random-${target.airflow}-`));
    const expected: string[] = [];
    let compiled = 0;
    for (const [n, dags] of samples.entries()) {
      const { files, dagIds } = await compileSample(n, dags, target.airflow);
      if (dagIds.length > 0) compiled++;
      expected.push(...dagIds);
      for (const [file, contents] of Object.entries(files)) fs.writeFileSync(path.join(folder, file), contents);
    }
    // Most random projects are valid; the property is about them, so they must be the bulk.
    expect(compiled).toBeGreaterThan(RUNS * 0.8);
    const inspection = inspectDags(bin, folder);
    expect(inspection.import_errors).toEqual({});
    expect(Object.keys(inspection.dags).sort()).toEqual(expected.sort());
  });
});
