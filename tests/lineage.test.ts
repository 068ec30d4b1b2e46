/** Data lineage: assets as inlets and outlets, data-aware schedules, the lineage rules and the manifest's lineage. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Manifest } from "../src/ir/manifest.js";
import { openLineageModelName, openLineageName } from "../src/resolve/lineage.js";
import { goldenDifferences } from "./helpers/golden.js";
import { diagnosticsOf as validated } from "./helpers/ir.js";
import { compile, makeProject, REPO_ROOT, runCli, source, where } from "./helpers/project.js";

const ASSETS = source`
  import { asset } from "dagwright";
  export const raw = asset("s3://lake/raw/events");
  export const features = asset("s3://lake/features/churn", { name: "churn_features" });
  export const vendor = asset("https://vendor.example.com/feed", { external: true });
`;

async function diagnosticsOf(files: Record<string, string>) {
  return validated({ "dags-src/lib/assets.ts": ASSETS, ...files });
}

describe("assets", () => {
  it("become inlets, outlets and asset schedules for both Airflow lines", async () => {
    const files = {
      "dags-src/lib/assets.ts": ASSETS,
      "dags-src/producer.ts": `import { dag } from "dagwright";\nimport { raw, features, vendor } from "./lib/assets.js";\nexport default dag("producer", { schedule: "@daily", startDate: "2026-01-01" }, (d) => {\n  d.bash("build", { command: "x", inputs: [raw, vendor], outputs: [features] });\n  d.bash("land", { command: "x", outputs: [raw] });\n});\n`,
      "dags-src/consumer.ts": `import { dag } from "dagwright";\nimport { raw, features } from "./lib/assets.js";\nexport default dag("consumer", { schedule: { any: [features, { all: [raw, features] }] } }, (d) => { d.empty("go"); });\n`,
    };
    for (const [airflow, asset, any, all, named] of [
      ["3.3", "Asset", "AssetAny", "AssetAll", 'Asset(name="churn_features", uri="s3://lake/features/churn")'],
      ["2.10", "Dataset", "DatasetAny", "DatasetAll", 'Dataset("s3://lake/features/churn")'],
    ] as const) {
      const result = await compile(makeProject(files, airflow));
      // Airflow 2's Dataset has no name: the name stays in the manifest and lineage, and a warning says so.
      expect(result.diagnostics.map((d) => `${d.severity} ${d.code} ${d.message}`)).toEqual(
        airflow === "2.10" ? ['warning DW131 asset "s3://lake/features/churn" is named "churn_features", but Airflow 2.10\'s Dataset has no name; the DAG file names it by its URI'] : [],
      );
      const file = (path: string) => result.files!.find((f) => f.path === path)!.contents;
      expect(file("airflow/producer.py")).toContain(
        `        inlets=[\n            ${asset}("s3://lake/raw/events"),\n            ${asset}("https://vendor.example.com/feed"),\n        ],\n        outlets=[${named}],\n`,
      );
      const consumer = file("airflow/consumer.py");
      expect(consumer).toContain(`    schedule=${any}(\n        ${named},\n        ${all}(`);
      expect(consumer).toContain(`from airflow.${airflow === "3.3" ? "sdk" : "datasets"} import `);
    }
  });

  it("record lineage with OpenLineage names in the manifest", async () => {
    const result = await compile(
      makeProject({
        "dags-src/lib/assets.ts": ASSETS,
        "dags-src/p.ts": `import { dag } from "dagwright";\nimport { raw, features } from "./lib/assets.js";\nexport const p = dag("p", { schedule: null }, (d) => { d.bash("b", { command: "x", inputs: [raw], outputs: [features] }); d.bash("l", { command: "x", outputs: [raw] }); });\nexport const c = dag("c", { schedule: [features] }, (d) => { d.empty("go"); });\n`,
      }),
    );
    const manifest = JSON.parse(result.files!.find((f) => f.path === "manifest.json")!.contents) as Manifest;
    expect(manifest.lineage.assets).toEqual([
      {
        uri: "s3://lake/features/churn",
        name: "churn_features",
        external: false,
        openLineage: { namespace: "s3://lake", name: "features/churn" },
        writers: ["p.b"],
        readers: [],
        scheduledDags: ["c"],
      },
      { uri: "s3://lake/raw/events", external: false, openLineage: { namespace: "s3://lake", name: "raw/events" }, writers: ["p.l"], readers: ["p.b"], scheduledDags: [] },
    ]);
    // DAGs in id order; within one, tasks in declaration order, then dependencies and schedule.
    expect(manifest.lineage.nodes).toEqual([
      { id: "dag:c", kind: "dag" },
      { id: "task:c.go", kind: "task" },
      { id: "asset:s3://lake/features/churn", kind: "asset" },
      { id: "dag:p", kind: "dag" },
      { id: "task:p.b", kind: "task" },
      { id: "asset:s3://lake/raw/events", kind: "asset" },
      { id: "task:p.l", kind: "task" },
    ]);
    expect(manifest.lineage.edges).toEqual([
      { from: "dag:c", to: "task:c.go", relation: "starts" },
      { from: "asset:s3://lake/features/churn", to: "dag:c", relation: "schedules" },
      { from: "dag:p", to: "task:p.b", relation: "starts" },
      { from: "task:p.b", to: "asset:s3://lake/features/churn", relation: "writes" },
      { from: "asset:s3://lake/raw/events", to: "task:p.b", relation: "reads" },
      { from: "dag:p", to: "task:p.l", relation: "starts" },
      { from: "task:p.l", to: "asset:s3://lake/raw/events", relation: "writes" },
    ]);
  });

  it("name datasets as OpenLineage does", () => {
    expect(openLineageName("s3://bucket/a/b.parquet")).toEqual({ namespace: "s3://bucket", name: "a/b.parquet" });
    expect(openLineageName("file:///data/x.csv")).toEqual({ namespace: "file", name: "/data/x.csv" });
    expect(openLineageName("postgres://db.internal:5432/analytics.public.orders")).toEqual({
      namespace: "postgres://db.internal:5432",
      name: "analytics.public.orders",
    });
    // As Airflow's OpenLineage provider translates file assets: "file" without a host.
    expect(openLineageName("file://nas01/share/x.csv")).toEqual({ namespace: "file://nas01", name: "/share/x.csv" });
  });

  it("name models as datasets inside their registry", () => {
    expect(openLineageModelName({ name: "churn", registry: "s3://models/prod/" })).toEqual({ namespace: "s3://models", name: "prod/churn" });
    expect(openLineageModelName({ name: "churn", registry: "file:///srv/registry" })).toEqual({ namespace: "file", name: "/srv/registry/churn" });
    expect(openLineageModelName({ name: "churn", registry: "s3://models" })).toEqual({ namespace: "s3://models", name: "/churn" });
    expect(openLineageModelName({ name: "churn", registry: "mlflow" })).toEqual({ namespace: "mlflow", name: "churn" });
    expect(openLineageModelName({ name: "churn" })).toEqual({ namespace: "models", name: "churn" });
  });
});

describe("lineage rules", () => {
  it("warn about an asset read but written nowhere, unless external (DW501)", async () => {
    const diagnostics = await diagnosticsOf({
      "dags-src/x.ts": `import { dag } from "dagwright";\nimport { raw, vendor } from "./lib/assets.js";\nexport default dag("x", { schedule: [raw] }, (d) => {\n  d.empty("a", { inputs: [vendor, raw] });\n});\n`,
    });
    expect(diagnostics.map((d) => `${d.severity} ${d.code} ${d.location!.line}:${d.location!.column} ${d.message}`)).toEqual([
      'warning DW501 3:16 DAG "x" is scheduled on asset "s3://lake/raw/events", which no task of the project writes',
      'warning DW501 4:5 task "a" of DAG "x" reads asset "s3://lake/raw/events", which no task of the project writes',
    ]);
  });

  it("warn about a model that no evaluation follows (DW504)", async () => {
    const diagnostics = await diagnosticsOf({
      "dags-src/m.ts": `import { dag, model, metric } from "dagwright";\nconst m = model("m");\nexport const a = dag("a", { schedule: null }, (d) => { d.empty("train", { outputs: [m] }); });\nexport const b = dag("b", { schedule: null }, (d) => { d.empty("train", { outputs: [model("n")] }).then(d.empty("check", { inputs: [model("n")], outputs: [metric("auc", { direction: "higher" })] })); });\n`,
    });
    expect(diagnostics.map((d) => `${d.severity} ${d.code} ${d.message}`)).toEqual(['warning DW504 model "m" written by task "train" of DAG "a" is never evaluated']);
  });

  it("warn about an asset written by two DAGs (DW502)", async () => {
    const diagnostics = await diagnosticsOf({
      "dags-src/a.ts": `import { dag } from "dagwright";\nimport { raw } from "./lib/assets.js";\nexport default dag("a", { schedule: null }, (d) => { d.empty("w", { outputs: [raw] }); });\n`,
      "dags-src/b.ts": `import { dag } from "dagwright";\nimport { raw } from "./lib/assets.js";\nexport default dag("b", { schedule: null }, (d) => { d.empty("w", { outputs: [raw] }); });\n`,
    });
    expect(where(diagnostics)).toEqual(["DW502 dags-src/b.ts:3:56"]);
    expect(diagnostics[0]!.message).toBe('asset "s3://lake/raw/events" is written by 2 DAGs: "a", "b"');
  });

  it("reject DAGs scheduled on each other's assets in a cycle, naming the path (DW503)", async () => {
    const diagnostics = await diagnosticsOf({
      "dags-src/loop.ts": source`
        import { dag } from "dagwright";
        import { raw, features } from "./lib/assets.js";
        export const one = dag("one", { schedule: [features] }, (d) => { d.empty("w", { outputs: [raw] }); });
        export const two = dag("two", { schedule: [raw] }, (d) => { d.empty("w", { outputs: [features] }); });
      `,
    });
    expect(diagnostics.map((d) => `${d.code} ${d.location!.line} ${d.message}`)).toEqual([
      "DW503 3 DAGs trigger each other through assets in a cycle: one -[s3://lake/raw/events]-> two -[s3://lake/features/churn]-> one",
    ]);
  });

  it("reject malformed asset URIs (DW505)", async () => {
    const diagnostics = await diagnosticsOf({
      "dags-src/u.ts": `import { dag, asset } from "dagwright";\nexport default dag("u", { schedule: null }, (d) => {\n  d.empty("a", { outputs: [asset("lake/features"), asset("airflow://x"), asset("s3://bucket/with space")] });\n});\n`,
    });
    expect(diagnostics.map((d) => d.message)).toEqual([
      'asset URI "lake/features" is malformed: it needs a scheme, such as "s3://bucket/key" or "file:///path"',
      'asset URI "airflow://x" is malformed: the "airflow" scheme is reserved by Airflow',
      'asset URI "s3://bucket/with space" is malformed: it must be ASCII without spaces',
    ]);
  });
});

describe("dagwright lineage", () => {
  it("shows the example model's upstream down to the raw data, and its downstream across DAGs (golden)", async () => {
    const run = runCli(["lineage", "churn"]);
    expect(run.status).toBe(0);
    expect(goldenDifferences("lineage", { "churn-model.txt": run.stdout }).join("\n")).toBe("");
    expect(run.stdout).toContain("asset churn_events (file:///tmp/dagwright-churn/events)");
    expect(runCli(["lineage", "no_such_thing"]).status).toBe(1);
  });
});

describe("typed data passing", () => {
  const producer = `  const count = d.python<number>("count", { callable: "pkg.mod:count" });\n`;

  it("passes an upstream output as an XCom argument and depends on its task", async () => {
    const result = await compile(
      makeProject({ "dags-src/x.ts": `import { dag } from "dagwright";\nexport default dag("x", { schedule: null }, (d) => {\n${producer}  d.python<void, { rows: number; label: string }>("report", { callable: "pkg.mod:report", kwargs: { rows: count.output, label: "daily" } });\n});\n` }),
    );
    expect(result.diagnostics).toEqual([]);
    const python = result.files!.find((f) => f.path === "airflow/x.py")!.contents;
    expect(python).toContain('op_kwargs={"label": "daily", "rows": count.output}');
    const manifest = JSON.parse(result.files!.find((f) => f.path === "manifest.json")!.contents) as Manifest;
    expect(manifest.dags[0]!.tasks.find((task) => task.id === "report")!.upstreamTasks).toEqual(["count"]);
  });

  it("makes a type mismatch a TypeScript error at the argument", async () => {
    const result = await compile(
      makeProject({ "dags-src/x.ts": `import { dag } from "dagwright";\nexport default dag("x", { schedule: null }, (d) => {\n${producer}  d.python<void, { rows: string }>("report", { callable: "pkg.mod:report", kwargs: { rows: count.output } });\n});\n` }),
      { emit: false, typecheck: true },
    );
    expect(where(result.diagnostics)).toEqual(["DW001 dags-src/x.ts:4:86"]);
    expect(result.diagnostics[0]!.message).toMatch(/^Type 'TaskOutput<number>' is not assignable to type 'string \| GroupArgumentRef<string> \| TaskOutputRef<string>'/);
  });
});
