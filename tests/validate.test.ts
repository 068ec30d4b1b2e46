/**
 * Every validation rule: its code, its message naming the DAGs and tasks, and the exact
 * file:line:col of the user's definition.
 */
import { describe, expect, it } from "vitest";
import { diagnosticsOf } from "./helpers/ir.js";
import { compile, makeProject, source, where } from "./helpers/project.js";

/** Diagnostics of a whole compile, type-check included, for what only TypeScript reports. */
async function typeDiagnosticsOf(files: Record<string, string>) {
  return (await compile(makeProject(files), { emit: false, typecheck: true })).diagnostics;
}

describe("dependencies", () => {
  it("reports a cycle with its whole path and every edge", async () => {
    const diagnostics = await diagnosticsOf({
      "dags-src/cycle.ts": source`
        import { dag } from "dagwright";
        export default dag("cyclic", { schedule: null }, (d) => {
          const a = d.empty("a");
          const b = d.empty("b");
          const c = d.empty("c");
          a.then(b).then(c);
          c.then(a);
        });
      `,
    });
    expect(where(diagnostics)).toEqual(["DW101 dags-src/cycle.ts:7:5"]);
    const [cycle] = diagnostics;
    expect(cycle!.message).toBe('dependency cycle in DAG "cyclic": a -> b -> c -> a');
    expect(cycle!.related?.map((r) => `${r.location.line}:${r.location.column} ${r.message}`)).toEqual([
      '6:5 "a" -> "b" is made here',
      '6:13 "b" -> "c" is made here',
      '7:5 "c" -> "a" is made here',
    ]);
  });

  it("reports a task that depends on itself as a cycle of one", async () => {
    const diagnostics = await diagnosticsOf({
      "dags-src/self.ts": source`
        import { dag } from "dagwright";
        export default dag("selfish", { schedule: null }, (d) => {
          const a = d.empty("a");
          a.after(a);
        });
      `,
    });
    expect(where(diagnostics)).toEqual(["DW101 dags-src/self.ts:4:5"]);
    expect(diagnostics[0]!.message).toBe('dependency cycle in DAG "selfish": a -> a');
  });

  it("reports one cycle per strongly connected group, each with a shortest path", async () => {
    const diagnostics = await diagnosticsOf({
      "dags-src/two.ts": source`
        import { dag } from "dagwright";
        export default dag("two_cycles", { schedule: null }, (d) => {
          const [a, b, c, x, y] = ["a", "b", "c", "x", "y"].map((id) => d.empty(id));
          d.chain(a!, b!, c!, a!);
          b!.then(a!);
          x!.then(y!).then(x!);
        });
      `,
    });
    expect(diagnostics.map((d) => d.message)).toEqual([
      'dependency cycle in DAG "two_cycles": a -> b -> a',
      'dependency cycle in DAG "two_cycles": x -> y -> x',
    ]);
  });

  it("rejects a task handle of another DAG used as a dependency", async () => {
    const diagnostics = await diagnosticsOf({
      "dags-src/cross.ts": source`
        import { dag, type TaskHandle } from "dagwright";
        let leaked: TaskHandle | undefined;
        export const first = dag("first", { schedule: null }, (d) => {
          leaked = d.empty("produce");
        });
        export const second = dag("second", { schedule: null }, (d) => {
          d.empty("consume").after(leaked!);
        });
      `,
    });
    expect(where(diagnostics)).toEqual(["DW106 dags-src/cross.ts:7:22"]);
    expect(diagnostics[0]!.message).toBe('task "consume" of DAG "second" depends on task "produce" of another DAG, "first"');
  });

  it("rejects a dependency given as an id string (in code that escapes the types)", async () => {
    const diagnostics = await diagnosticsOf({
      "dags-src/strings.ts": source`
        import { dag } from "dagwright";
        export default dag("by_id", { schedule: null }, (d) => {
          const a = d.empty("a");
          d.empty("b");
          a.then("b" as any);
        });
      `,
    });
    expect(where(diagnostics)).toEqual(["DW108 dags-src/strings.ts:5:5"]);
    expect(diagnostics[0]!.message).toBe('a dependency must be a task handle or a list of task handles, not the string "b"');
  });

  it("rejects chain over adjacent lists of different lengths", async () => {
    const diagnostics = await diagnosticsOf({
      "dags-src/chain.ts": source`
        import { dag } from "dagwright";
        export default dag("uneven", { schedule: null }, (d) => {
          const [a, b, c] = ["a", "b", "c"].map((id) => d.empty(id));
          d.chain([a!, b!], [c!]);
        });
      `,
    });
    expect(where(diagnostics)).toEqual(["DW109 dags-src/chain.ts:4:5"]);
  });
});

describe("ids", () => {
  it("reports a duplicate task id at its second definition, naming both", async () => {
    const diagnostics = await diagnosticsOf({
      "dags-src/dupe.ts": source`
        import { dag } from "dagwright";
        export default dag("dupes", { schedule: null }, (d) => {
          d.empty("load");
          d.bash("load", { command: "true" });
        });
      `,
    });
    expect(where(diagnostics)).toEqual(["DW102 dags-src/dupe.ts:4:5"]);
    expect(diagnostics[0]!.message).toBe('task id "load" is used 2 times in DAG "dupes"');
    expect(diagnostics[0]!.related?.map((r) => `${r.location.line}:${r.location.column}`)).toEqual(["3:5", "4:5"]);
  });

  it("reports a DAG id defined in two files", async () => {
    const body = `(d) => { d.empty("x"); }`;
    const diagnostics = await diagnosticsOf({
      "dags-src/a.ts": `import { dag } from "dagwright";\nexport default dag("shared", { schedule: null }, ${body});\n`,
      "dags-src/b.ts": `import { dag } from "dagwright";\n\nexport const again = dag("shared", { schedule: null }, ${body});\n`,
    });
    expect(where(diagnostics)).toEqual(["DW103 dags-src/b.ts:3:22"]);
    expect(diagnostics[0]!.related?.map((r) => `${r.location.file}:${r.location.line}`)).toEqual(["dags-src/a.ts:2", "dags-src/b.ts:3"]);
  });

  it("rejects ids Airflow would refuse: characters and length", async () => {
    const diagnostics = await diagnosticsOf({
      "dags-src/ids.ts": source`
        import { dag } from "dagwright";
        export default dag("daily etl", { schedule: null }, (d) => {
          d.empty("load/orders");
          d.empty("x".repeat(251));
          d.empty("tâche");
        });
      `,
    });
    expect(where(diagnostics)).toEqual([
      "DW104 dags-src/ids.ts:2:16",
      "DW105 dags-src/ids.ts:3:5",
      "DW105 dags-src/ids.ts:4:5",
      "DW105 dags-src/ids.ts:5:5",
    ]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'DAG id "daily etl" contains characters Airflow rejects: " "',
      'task id "load/orders" in DAG "daily etl" contains characters Airflow rejects: "/"',
      `task id "${"x".repeat(251)}" in DAG "daily etl" is 251 characters long; Airflow allows at most 250`,
      'task id "tâche" in DAG "daily etl" contains characters Airflow rejects: "â"',
    ]);
  });
});

describe("schedules and dates", () => {
  const scheduled = (options: string) =>
    diagnosticsOf({
      "dags-src/s.ts": `import { dag } from "dagwright";\nexport default dag("s", ${options}, (d) => {\n  d.empty("x");\n});\n`,
    });

  it.each([
    [`"0 25 * * *"`, 'DAG "s" has an invalid cron schedule "0 25 * * *": hour field "25": "25" is not a value between 0 and 23'],
    [`"*/0 * * * *"`, 'DAG "s" has an invalid cron schedule "*/0 * * * *": minute field "*/0": a step of 0 never advances'],
    [`"0 0 * * * *"`, 'DAG "s" has an invalid cron schedule "0 0 * * * *": a cron expression has 5 fields, this one has 6'],
    [`"0 0 * jan-dec mon-sat" as any`, ""],
    [`"@dayly" as any`, 'DAG "s" has an unknown schedule preset "@dayly"'],
    [`{ every: "0h" }`, 'DAG "s" has an invalid schedule period "0h"'],
  ])("checks schedule %s", async (schedule, message) => {
    const diagnostics = await scheduled(`{ schedule: ${schedule}, startDate: "2026-01-01" }`);
    expect(diagnostics.map((d) => d.message)).toEqual(message ? [message] : []);
    if (message) expect(where(diagnostics)).toEqual(["DW201 dags-src/s.ts:2:16"]);
  });

  it("requires a start date for a scheduled DAG, not a manual one", async () => {
    expect(where(await scheduled(`{ schedule: "@daily" }`))).toEqual(["DW202 dags-src/s.ts:2:16"]);
    expect(await scheduled(`{ schedule: null }`)).toEqual([]);
  });

  it.each([
    [`"2026-02-30"`, "DW203"],
    [`"2026-1-1" as any`, "DW203"],
    [`"2026-01-01T25:00Z"`, "DW203"],
    [`"2026-01-01T06:30Z"`, ""],
  ])("checks start date %s", async (date, code) => {
    expect(where(await scheduled(`{ schedule: "@daily", startDate: ${date} }`))).toEqual(code ? [`${code} dags-src/s.ts:2:16`] : []);
  });

  it("rejects an end date before the start date", async () => {
    expect(where(await scheduled(`{ schedule: "@daily", startDate: "2026-06-01", endDate: "2026-01-01" }`))).toEqual([
      "DW204 dags-src/s.ts:2:16",
    ]);
  });

  it("rejects @continuous with more than one active run", async () => {
    expect(where(await scheduled(`{ schedule: "@continuous", startDate: "2026-01-01", maxActiveRuns: 3 }`))).toEqual([
      "DW205 dags-src/s.ts:2:16",
    ]);
  });
});

describe("task options", () => {
  it("rejects malformed durations where the types cannot see them", async () => {
    const diagnostics = await diagnosticsOf({
      "dags-src/d.ts": source`
        import { dag, type Duration } from "dagwright";
        const fromConfig = "1.5h" as Duration;
        export default dag("durations", { schedule: null, dagrunTimeout: "-1h", defaults: { retryDelay: fromConfig } }, (d) => {
          d.empty("x", { executionTimeout: "10 m" as Duration });
        });
      `,
    });
    expect(where(diagnostics)).toEqual(["DW301 dags-src/d.ts:3:16", "DW301 dags-src/d.ts:3:16", "DW301 dags-src/d.ts:4:5"]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'DAG "durations": dagrunTimeout "-1h" is not a duration',
      'DAG "durations", defaults: retryDelay "1.5h" is not a duration',
      'task "x" of DAG "durations": executionTimeout "10 m" is not a duration',
    ]);
  });

  it("rejects counts out of range", async () => {
    const diagnostics = await diagnosticsOf({
      "dags-src/n.ts": source`
        import { dag } from "dagwright";
        export default dag("numbers", { schedule: null, maxActiveRuns: 0 }, (d) => {
          d.empty("x", { retries: 1.5, poolSlots: 0 });
        });
      `,
    });
    expect(diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      'DW302 DAG "numbers": maxActiveRuns is 0; it must be a whole number, 1 or more',
      'DW302 task "x" of DAG "numbers": retries is 1.5; it must be a whole number, 0 or more',
      'DW302 task "x" of DAG "numbers": poolSlots is 0; it must be a whole number, 1 or more',
    ]);
  });

  it("accepts all_done_min_one_success only where the target Airflow has it", async () => {
    const files = {
      "dags-src/t.ts": source`
        import { dag } from "dagwright";
        export default dag("rules", { schedule: null }, (d) => {
          d.empty("join", { triggerRule: "all_done_min_one_success" });
        });
      `,
    };
    expect(where(await diagnosticsOf(files, "3.0"))).toEqual(["DW303 dags-src/t.ts:3:5"]);
    expect(where(await diagnosticsOf(files, "2.10"))).toEqual(["DW303 dags-src/t.ts:3:5"]);
    expect(await diagnosticsOf(files, "3.1")).toEqual([]);
  });

  it("rejects a Python callable that is not package.module:function", async () => {
    const diagnostics = await diagnosticsOf({
      "dags-src/p.ts": source`
        import { dag } from "dagwright";
        export default dag("py", { schedule: null }, (d) => {
          d.python("train", { callable: "ml/train.py:main" });
        });
      `,
    });
    expect(where(diagnostics)).toEqual(["DW304 dags-src/p.ts:3:5"]);
  });

  it("rejects empty and overlong tags", async () => {
    const diagnostics = await diagnosticsOf({
      "dags-src/tags.ts": `import { dag } from "dagwright";\nexport default dag("tagged", { schedule: null, tags: ["", "t".repeat(101)] }, (d) => { d.empty("x"); });\n`,
    });
    expect(diagnostics.map((d) => d.message)).toEqual(['DAG "tagged" has an empty tag', 'DAG "tagged" has a tag of 101 characters (at most 100)']);
  });

  it("reports unknown options and wrong value types that escaped the types", async () => {
    const diagnostics = await diagnosticsOf({
      "dags-src/shape.ts": source`
        import { dag } from "dagwright";
        export default dag("shape", { schedule: null, retrys: 2 } as any, (d) => {
          d.empty("x", { retries: "3" } as any);
        });
      `,
    });
    expect(where(diagnostics)).toEqual(["DW004 dags-src/shape.ts:2:16", "DW004 dags-src/shape.ts:3:5"]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'DAG "shape": unknown option "retrys"',
      'task "x" of DAG "shape": option "retries": Invalid input: expected number, received string',
    ]);
  });

  it("warns about a DAG without tasks", async () => {
    const diagnostics = await diagnosticsOf({
      "dags-src/empty.ts": `import { dag } from "dagwright";\nexport default dag("nothing", { schedule: null }, () => {});\n`,
    });
    expect(diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(["warning DW107"]);
  });
});

describe("loading", () => {
  it("reports TypeScript errors with TypeScript's code and position", async () => {
    const diagnostics = await typeDiagnosticsOf({
      "dags-src/typed.ts": source`
        import { dag } from "dagwright";
        export default dag("typed", { schedule: "@daily", startDate: "2026-01-01" }, (d) => {
          d.bash("x", { command: "true", retries: "3" });
          d.empty("y", { triggerRule: "all_succes" });
          d.empty("z", { retryDelay: "5 minutes" });
        });
      `,
    });
    expect(where(diagnostics)).toEqual([
      "DW001 dags-src/typed.ts:3:34",
      "DW001 dags-src/typed.ts:4:18",
      "DW001 dags-src/typed.ts:5:18",
    ]);
    expect([diagnostics[0]!.toolCode, diagnostics[1]!.toolCode]).toEqual(["TS2322", "TS2820"]);
    expect(diagnostics[0]!.message).toBe("Type 'string' is not assignable to type 'number'.");
    expect(diagnostics[1]!.message).toMatch(/^Type '"all_succes"' is not assignable to type 'TriggerRule \| undefined'. Did you mean '"all_success"'\?/);
  });

  it("catches an unknown schedule preset and a malformed cron in the types", async () => {
    const diagnostics = await typeDiagnosticsOf({
      "dags-src/sched.ts": `import { dag } from "dagwright";\nexport default dag("s", { schedule: "@dayly" }, (d) => { d.empty("x"); });\n`,
    });
    expect(where(diagnostics)).toEqual(["DW001 dags-src/sched.ts:2:27"]);
  });

  it("reports a module that throws, at the throwing line of the user's code", async () => {
    const diagnostics = await diagnosticsOf({
      "dags-src/lib/tables.ts": `export function tables(): string[] {\n  throw new Error("warehouse list unavailable");\n}\n`,
      "dags-src/throws.ts": source`
        import { dag } from "dagwright";
        import { tables } from "./lib/tables.js";
        export default dag("throws", { schedule: null }, (d) => {
          for (const table of tables()) d.empty(table);
        });
      `,
    });
    expect(where(diagnostics)).toEqual(["DW002 dags-src/lib/tables.ts:2:9"]);
    expect(diagnostics[0]!.message).toBe("dags-src/throws.ts threw while being evaluated: Error: warehouse list unavailable");
    expect(diagnostics[0]!.related?.map((r) => `${r.location.file}:${r.location.line}`)).toEqual([
      "dags-src/throws.ts:4",
      "dags-src/throws.ts:3",
    ]);
  });

  it("stops a module that never finishes, naming it", async () => {
    const root = makeProject({
      "dags-src/spin.ts": `import { dag } from "dagwright";\nwhile (true) {}\nexport default dag("never", { schedule: null }, () => {});\n`,
    });
    const diagnostics = (await compile(root, { emit: false, moduleTimeoutMs: 300 })).diagnostics;
    expect(diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      "DW006 module dags-src/spin.ts did not finish evaluating within the time limit",
    ]);
  });

  it("reports a missing or invalid configuration", async () => {
    const root = makeProject({ "dagwright.config.ts": `import { defineConfig } from "dagwright";\nexport default defineConfig({ airflow: "1.10" as any });\n` });
    const diagnostics = (await compile(root)).diagnostics;
    expect(where(diagnostics)).toEqual(["DW005 dagwright.config.ts:2:31"]);
    expect(diagnostics[0]!.message).toMatch(/^invalid configuration: airflow: /);
  });

  it("warns when no module exports a DAG", async () => {
    const diagnostics = await diagnosticsOf({
      "dags-src/orphan.ts": `import { dag } from "dagwright";\ndag("orphan", { schedule: null }, (d) => { d.empty("x"); });\n`,
    });
    expect(diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(["warning DW003"]);
  });

  it("collects DAGs from named exports and exported lists, once each", async () => {
    const result = await compile(
      makeProject({
        "dags-src/many.ts": source`
          import { dag } from "dagwright";
          const make = (id: string) => dag(id, { schedule: null }, (d) => { d.empty("x"); });
          export const one = make("one");
          export const all = [one, make("two"), make("three")];
          export default one;
        `,
      }),
      { emit: false },
    );
    expect(result.diagnostics).toEqual([]);
    expect(result.project!.dags.map((dag) => dag.id)).toEqual(["one", "two", "three"]);
  });
});

describe("modules that exhaust resources", () => {
  it("stops a module that exhausts memory, naming it, without crashing the compiler", async () => {
    const root = makeProject({
      "dags-src/hog.ts": source`
        import { dag } from "dagwright";
        const rows: number[][] = [];
        while (true) rows.push(new Array(100_000).fill(1));
        export default dag("hog", { schedule: null }, () => {});
      `,
    });
    const diagnostics = (await compile(root, { emit: false, moduleMemoryMb: 64 })).diagnostics;
    expect(diagnostics.map((d) => `${d.code} ${d.location?.file} ${d.message}`)).toEqual([
      "DW007 dags-src/hog.ts module dags-src/hog.ts ran out of memory while being evaluated (limit 64 MiB)",
    ]);
  });

  it("bounds memory outside the heap (Buffers) like the heap", async () => {
    const root = makeProject({
      "dags-src/hog.ts": source`
        import { dag } from "dagwright";
        const chunks: Buffer[] = [];
        while (true) chunks.push(Buffer.alloc(16 * 1024 * 1024, 1));
        export default dag("hog", { schedule: null }, () => {});
      `,
    });
    const diagnostics = (await compile(root, { emit: false, moduleMemoryMb: 64 })).diagnostics;
    expect(diagnostics.map((d) => `${d.code} ${d.location?.file} ${d.message}`)).toEqual([
      "DW007 dags-src/hog.ts module dags-src/hog.ts ran out of memory while being evaluated (limit 64 MiB)",
    ]);
  });

  it("reports a module that breaks built-in objects as that module's failure, not a crash", async () => {
    const root = makeProject({
      "dags-src/polluter.ts": source`
        import { dag } from "dagwright";
        (Array.prototype as any).map = () => { throw new Error("polluted"); };
        (JSON as any).stringify = () => "polluted";
        export default dag("clean", { schedule: null }, (d) => { d.empty("a"); });
      `,
    });
    // In the worker, as compile runs modules: in this thread it would break the test runner's built-ins too.
    const result = await compile(root, { evaluation: "worker" });
    expect(result.diagnostics.map((d) => `${d.code} ${d.location?.file}`)).toEqual(["DW002 dags-src/polluter.ts"]);
    expect(result.diagnostics[0]!.message).toMatch(/^dags-src\/polluter\.ts .*polluted$/);
    expect(result.files).toBeUndefined();
  });
});
