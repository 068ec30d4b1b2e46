/**
 * Python tasks as Airflow runs them: declared context, several outputs and one key of them,
 * templates_dict, positional arguments, mapping over outputs and over lists of them, mapped
 * task groups; each rule with its code and location, what the generated file says, and what
 * TypeScript accepts and refuses.
 */
import { describe, expect, it } from "vitest";
import type { Manifest } from "../src/ir/manifest.js";
import { diagnosticsOf as validated } from "./helpers/ir.js";
import { compile, makeProject, source, where } from "./helpers/project.js";

async function diagnosticsOf(body: string, airflow = "3.3") {
  return validated({ "dags-src/x.ts": `import { dag } from "dagwright";\nexport default dag("x", { schedule: null }, (d) => {\n${body}\n});\n` }, airflow);
}

async function compiled(body: string, airflow = "3.3") {
  const result = await compile(
    makeProject({ "dags-src/x.ts": `import { dag } from "dagwright";\nexport default dag("x", { schedule: null }, (d) => {\n${body}\n});\n` }, airflow),
  );
  expect(result.diagnostics).toEqual([]);
  const file = (path: string) => result.files!.find((f) => f.path === path)!.contents;
  return { python: file("airflow/x.py"), manifest: JSON.parse(file("manifest.json")) as Manifest };
}

/** Type errors of a DAG module, as `compile` reports them: "line:col TSnnnn". */
async function typeErrors(body: string): Promise<string[]> {
  const root = makeProject({ "dags-src/x.ts": `import { dag } from "dagwright";\nexport default dag("x", { schedule: null }, (d) => {\n${body}\n});\n` });
  const { diagnostics } = await compile(root, { emit: false, typecheck: true });
  return diagnostics.map((d) => `${d.location?.line}:${d.location?.column} ${d.toolCode} ${d.message}`);
}

describe("Python tasks", () => {
  it("write the declared context, positional arguments and the PythonOperator options", async () => {
    const { python } = await compiled(`  d.python("t", {
    callable: "pkg.mod:f",
    args: ["a", 1],
    kwargs: { n: 2 },
    context: ["ti", "params"],
    multipleOutputs: true,
    templatesDict: { query: "{{ ds }}" },
    templatesExts: [".sql"],
    showReturnValueInLogs: false,
    doXcomPush: true,
  });`);
    expect(python).toContain(`    t = PythonOperator(
        task_id="t",
        python_callable=_Callable("pkg.mod:f", context=["ti", "params"]),
        op_args=["a", 1],
        op_kwargs={"n": 2},
        templates_dict={"query": "{{ ds }}"},
        templates_exts=[".sql"],
        multiple_outputs=True,
        show_return_value_in_logs=False,
        do_xcom_push=True,
    )
`);
  });

  it("pass one key of a task's several outputs as task.output[key]", async () => {
    const { python, manifest } = await compiled(`  const stats = d.python<{ rows: number }>("stats", { callable: "pkg.mod:stats", multipleOutputs: true });
  d.python<string, { rows: number }>("use", { callable: "pkg.mod:use", kwargs: { rows: stats.output.key("rows") } });`);
    expect(python).toContain(`op_kwargs={"rows": stats.output["rows"]},`);
    expect(manifest.dags[0]!.tasks.find((t) => t.id === "use")!.upstreamTasks).toEqual(["stats"]);
  });

  it("refuse a key of a task without multipleOutputs (DW150) and the output of a task that pushes none (DW155)", async () => {
    const diagnostics = await diagnosticsOf(`  const stats = d.python("stats", { callable: "pkg.mod:stats" });
  const quiet = d.python("quiet", { callable: "pkg.mod:quiet", doXcomPush: false });
  d.python("use", { callable: "pkg.mod:use", kwargs: { rows: stats.output.key("rows"), q: quiet.output } });`);
    expect(where(diagnostics)).toEqual(["DW150 dags-src/x.ts:5:5", "DW155 dags-src/x.ts:5:5"]);
    expect(diagnostics[0]!.message).toBe(`task "use" of DAG "x" reads key "rows" of "stats"'s output, but "stats" does not set multipleOutputs: true`);
    expect(diagnostics[0]!.hint).toBe(`add multipleOutputs: true to "stats", or pass "stats".output whole`);
  });

  it("refuse context values the target lacks, naming the replacement (DW151), and keyword arguments that shadow them (DW152)", async () => {
    const on3 = await diagnosticsOf(`  d.python("t", { callable: "pkg.mod:f", context: ["execution_date", "ds"], kwargs: { ds: "2026-01-01" } });`);
    expect(where(on3)).toEqual(["DW151 dags-src/x.ts:3:5", "DW152 dags-src/x.ts:3:5"]);
    expect(on3[0]!.message).toBe(`task "t" of DAG "x" declares context value "execution_date", which Airflow 3.3 does not pass`);
    expect(on3[0]!.hint).toBe(`use "logical_date" instead`);
    const on29 = await diagnosticsOf(`  d.python("t", { callable: "pkg.mod:f", context: ["outlet_events"] });`, "2.9");
    expect(where(on29)).toEqual(["DW151 dags-src/x.ts:3:5"]);
    expect(await diagnosticsOf(`  d.python("t", { callable: "pkg.mod:f", context: ["outlet_events"] });`, "2.10")).toEqual([]);
  });
});

describe("mapped Python tasks", () => {
  it("map one argument over an upstream output through a generated function, constants carried in op_args", async () => {
    const { python, manifest } = await compiled(`  const regions = d.python<string[]>("regions", { callable: "pkg.mod:regions" });
  d.python("each", { callable: "pkg.mod:each", kwargs: { day: "{{ ds }}" }, expand: { region: regions.output } });`);
    expect(python).toContain(`    def each_kwargs(value):
        """One instance's keyword arguments, from one item of the list it maps over."""
        return {"region": value}

    each = PythonOperator.partial(
        task_id="each",
        python_callable=_Callable("pkg.mod:each", keywords=["day"]),
        op_args=["{{ ds }}"],
    ).expand(op_kwargs=regions.output.map(each_kwargs))
`);
    expect(manifest.dags[0]!.tasks.find((t) => t.id === "each")!.upstreamTasks).toEqual(["regions"]);
  });

  it("map over the cross product of literal lists, the last argument varying fastest", async () => {
    const { python } = await compiled(`  d.python("each", { callable: "pkg.mod:each", kwargs: { k: 0 }, expand: { a: [1, 2], b: ["x", "y"] } });`);
    expect(python).toContain(
      `.expand(\n        op_kwargs=[\n            {"k": 0, "a": 1, "b": "x"},\n            {"k": 0, "a": 1, "b": "y"},\n            {"k": 0, "a": 2, "b": "x"},\n            {"k": 0, "a": 2, "b": "y"},\n        ]\n    )`,
    );
  });

  it("map over sets of keyword arguments an upstream task returns, and over several outputs one after the other", async () => {
    const { python } = await compiled(`  const sets = d.python("sets", { callable: "pkg.mod:sets" });
  const a = d.python("a", { callable: "pkg.mod:a" });
  const b = d.python("b", { callable: "pkg.mod:b" });
  d.python("each", { callable: "pkg.mod:each", expandKwargs: sets.output });
  d.python("both", { callable: "pkg.mod:both", expand: { item: [a.output, b.output] } });`);
    expect(python).toContain(`.expand(op_kwargs=sets.output)`);
    expect(python).toContain(`.expand(op_kwargs=a.output.concat(b.output).map(both_kwargs))`);
  });

  it("refuse what Airflow cannot map: a mixed list, an output crossed with another argument, one key of an output (DW153), concat before 2.10 (DW140)", async () => {
    const mixed = await diagnosticsOf(`  const a = d.python("a", { callable: "pkg.mod:a" });\n  d.python("each", { callable: "pkg.mod:each", expand: { item: [a.output, "x"] } });`);
    expect(where(mixed)).toEqual(["DW153 dags-src/x.ts:4:5"]);
    expect(mixed[0]!.message).toBe("a mapped list mixes task outputs with values");
    const crossed = await diagnosticsOf(
      `  const a = d.python("a", { callable: "pkg.mod:a", multipleOutputs: true });\n  d.python("each", { callable: "pkg.mod:each", expand: { item: a.output, day: ["mon"] } });\n  d.python("keyed", { callable: "pkg.mod:k", expand: { item: a.output.key("items") } });`,
    );
    expect(crossed.map((d) => d.message)).toEqual([
      `task "each" of DAG "x" maps "item" over an upstream output and also maps "day"; Airflow's PythonOperator cannot cross an output with other mapped arguments`,
      `task "keyed" of DAG "x" maps over key "items" of "a"'s output; Airflow maps only over a task's return value`,
    ]);
    const concat = await diagnosticsOf(
      `  const a = d.python("a", { callable: "pkg.mod:a" });\n  const b = d.python("b", { callable: "pkg.mod:b" });\n  d.python("both", { callable: "pkg.mod:both", expand: { item: [a.output, b.output] } });`,
      "2.9",
    );
    expect(concat.map((d) => `${d.code} ${d.message}`)).toEqual([
      `DW140 task "both" of DAG "x" uses mapping over several outputs (XComArg.concat), which needs Airflow 2.10+; the project targets 2.9`,
    ]);
  });
});

describe("mapped task groups", () => {
  const GROUP = `  const regions = d.python<string[]>("regions", { callable: "pkg.mod:regions" });
  const group = d.group("per_region", { expand: { region: regions.output } }, (g, { region }) => {
    const extract = g.python<number, { region: string }>("extract", { callable: "pkg.mod:extract", kwargs: { region } });
    g.python("load", { callable: "pkg.mod:load", kwargs: { region, rows: extract.output } });
  });
  group.then(d.empty("done"));`;

  it("become a @task_group function expanded over the arguments, its tasks taken from the DAG by id", async () => {
    const { python, manifest } = await compiled(GROUP);
    expect(python).toContain(`    @task_group(group_id="per_region")
    def per_region_group(region):
        per_region_extract = PythonOperator(
            task_id="extract",
            python_callable=_Callable("pkg.mod:extract"),
            op_kwargs={"region": region},
        )
`);
    expect(python).toContain(`    per_region_group.expand(region=regions.output)
    per_region_extract = dag.get_task("per_region.extract")
    per_region_load = dag.get_task("per_region.load")
`);
    const upstream = Object.fromEntries(manifest.dags[0]!.tasks.map((t) => [t.id, t.upstreamTasks]));
    // A task taking the group's argument depends on what the group maps over, as Airflow 2 makes it.
    expect(upstream).toEqual({ regions: [], "per_region.extract": ["regions"], "per_region.load": ["per_region.extract", "regions"], done: ["per_region.load"] });
  });

  it("refuse nesting, mapping inside, arguments that cannot be Python parameters, and arguments used outside (DW154)", async () => {
    const diagnostics = await diagnosticsOf(`  let leaked: any;
  d.group("outer", { expand: { dag: [1, 2] } }, (g, args) => {
    leaked = args.dag;
    g.group("inner", { expand: { n: [1] } }, (h) => { h.empty("e"); });
    g.python("m", { callable: "pkg.mod:m", expand: { x: [1, 2] } });
  });
  d.python("outside", { callable: "pkg.mod:o", kwargs: { v: leaked } });`);
    expect(diagnostics.map((d) => `${d.code} ${d.location!.line}:${d.location!.column} ${d.message}`)).toEqual([
      `DW154 4:5 DAG "x": mapped group "outer" has argument "dag", which cannot be a Python parameter of its function (a letter, then letters, digits or _; not a keyword or a name the DAG file uses)`,
      `DW154 6:7 DAG "x": mapped group "outer.inner" is inside mapped group "outer"; Airflow does not nest mapped task groups`,
      `DW154 7:7 task "outer.m" of DAG "x" is mapped inside mapped group "outer"; Airflow does not map tasks of a mapped group again`,
      `DW154 9:5 task "outside" of DAG "x" takes argument "dag" of mapped group "outer", but is not inside that group`,
    ]);
  });
});

describe("types", () => {
  it("make a mapped task's output a list for its consumers, type one key of several outputs, and name the mapped arguments once", async () => {
    const errors = await typeErrors(`  const each = d.python<number, { n: number }, "n">("each", { callable: "pkg.mod:each", expand: { n: [1, 2] } });
  d.python<void, { total: number[] }>("right", { callable: "pkg.mod:sum", kwargs: { total: each.output } });
  d.python<void, { total: number }>("wrong", { callable: "pkg.mod:sum", kwargs: { total: each.output } });
  const stats = d.python<{ rows: number; name: string }>("stats", { callable: "pkg.mod:stats", multipleOutputs: true });
  d.python<void, { rows: number }>("rows", { callable: "pkg.mod:rows", kwargs: { rows: stats.output.key("rows") } });
  d.python<void, { rows: number }>("name", { callable: "pkg.mod:rows", kwargs: { rows: stats.output.key("name") } });
  stats.output.key("nope");
  d.python<string, { region: string; top: number }, "region">("typed", { callable: "pkg.mod:t", kwargs: { top: 3 }, expand: { region: ["emea"] } });
  d.python<string, { region: string; top: number }>("unnamed", { callable: "pkg.mod:t", kwargs: { top: 3 }, expand: { region: ["emea"] } });
  d.python("untyped", { callable: "pkg.mod:t", kwargs: { top: 3 }, expand: { region: ["emea"] } });`);
    expect(errors.map((e) => e.split(" ").slice(0, 2).join(" "))).toEqual(["5:83 TS2322", "8:82 TS2322", "9:20 TS2345", "11:89 TS2322", "11:119 TS2322"]);
    expect(errors[4]).toContain(`name \\"region\\" in d.python's third type argument to map over it`);
  });
});
