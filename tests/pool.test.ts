/**
 * Evaluation in a pool of processes: the modules split into contiguous parts, one process each,
 * and the parts join into exactly what one process gives, helpers that several parts run
 * included (a DAG a shared helper creates counts once, a clock read it makes warns once).
 */
import { describe, expect, it } from "vitest";
import { EvaluationPool, split } from "../src/load/pool.js";
import { EvaluationSession } from "../src/load/session.js";
import { collectDags } from "../src/load/records.js";
import { makeProject, source } from "./helpers/project.js";

describe("split", () => {
  it("cuts a list into contiguous parts of near-equal length that cover it in order", () => {
    const items = Array.from({ length: 10 }, (_, index) => index);
    expect(split(items, 3)).toEqual([[0, 1, 2], [3, 4, 5], [6, 7, 8, 9]]);
    expect(split(items, 1)).toEqual([items]);
    expect(split(items, 0)).toEqual([items]);
    expect(split([1, 2], 4).flat()).toEqual([1, 2]);
  });
});

describe("the evaluation pool", () => {
  it("gives what one process gives, with a helper several parts import", async () => {
    const shared = source`
      import { dag } from "dagwright";
      export const stamp = Date.now() > 0 ? "now" : "never";
      export const common = dag("common", { schedule: null }, (d) => { d.empty("a"); });
    `;
    const user = (id: string) => source`
      import { dag } from "dagwright";
      import { common, stamp } from "./lib/shared.js";
      export { common };
      export default dag("${id}", { schedule: null }, (d) => { d.empty(stamp); });
    `;
    const root = makeProject({
      "dags-src/lib/shared.ts": shared,
      ...Object.fromEntries(["a", "b", "c", "d", "e"].map((id) => [`dags-src/${id}.ts`, user(id)])),
    });
    const files = ["a", "b", "c", "d", "e"].map((id) => `${root}/dags-src/${id}.ts`);
    const options = { root, timeoutMs: 10_000, memoryMb: 512 };

    const single = new EvaluationSession(options);
    const pool = new EvaluationPool(options, 2, 2);
    try {
      const one = await single.modules(files);
      const pooled = await pool.modules(files);
      const shape = (result: typeof one) => ({
        dags: collectDags(result.modules).dags.map((dag) => `${dag.id}:${dag.tasks.map((task) => task.id).join(",")}`),
        records: result.modules.map((record) => record.file),
        diagnostics: result.diagnostics.map((d) => `${d.code} ${d.location?.file}`),
        uncacheable: [...result.uncacheable].sort(),
      });
      expect(shape(pooled)).toEqual(shape(one));
      expect(shape(pooled).dags).toEqual(["common:a", "a:now", "b:now", "c:now", "d:now", "e:now"]);
      expect(shape(pooled).diagnostics).toEqual(["DW013 dags-src/lib/shared.ts"]);
    } finally {
      await single.close();
      await pool.close();
    }
  });
});
