/** The manifest: valid against its own published JSON Schema, and saying what users need to know. */
import fs from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { manifestJsonSchema } from "../src/emit/manifest/index.js";
import { canonicalJson, manifestJson } from "../src/values/json.js";
import { Manifest } from "../src/ir/manifest.js";
import { compile, makeProject, REPO_ROOT, source } from "./helpers/project.js";

const generated = path.join(REPO_ROOT, "generated");
const manifest = JSON.parse(fs.readFileSync(path.join(generated, "manifest.json"), "utf8")) as Manifest;

describe("manifest", () => {
  it("validates against the JSON Schema written beside it, which is the zod schema's", async () => {
    const schema = JSON.parse(fs.readFileSync(path.join(generated, "manifest.schema.json"), "utf8"));
    expect(schema).toEqual(JSON.parse(JSON.stringify(manifestJsonSchema())));
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate(manifest), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...manifest, formatVersion: 2 })).toBe(false);
  });

  it("lists every generated file with its hash", async () => {
    expect(manifest.files.map((file) => file.path).filter((file) => !file.startsWith("openlineage/"))).toEqual([
      "airflow/churn_training.py",
      "airflow/daily_at_midnight.py",
      "airflow/daily_etl.py",
      "airflow/feature_audit.py",
      "airflow/feature_drift.py",
      "airflow/hello.py",
      "airflow/inventory.py",
      "airflow/model_monitor.py",
      "airflow/nightly_exports.py",
      "airflow/options_tour.py",
      "airflow/params_tour.py",
      "airflow/platform_ops.py",
      "airflow/quarter_close.py",
      "airflow/report_builder.py",
      "airflow/standard_ops.py",
      "spark/.airflowignore",
      "spark/churn_training/build_features.json",
      "spark/churn_training/score_customers.json",
      "spark/churn_training/score_customers.yaml",
    ]);
    expect(manifest.files.filter((file) => file.path.startsWith("openlineage/")).map((file) => file.path)).toEqual(
      manifest.dags.map((dag) => `openlineage/${dag.id}.jsonl`).sort(),
    );
    for (const file of manifest.files) expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("records each DAG and task with its source, options and effective options", async () => {
    const etl = manifest.dags.find((dag) => dag.id === "daily_etl")!;
    expect(etl.location).toEqual({ file: "dags-src/daily_etl.ts", line: 5, column: 16 });
    expect(etl.schedule).toEqual({ kind: "cron", expression: "0 2 * * *" });
    expect(etl.airflowFile).toBe("airflow/daily_etl.py");
    const notify = etl.tasks.find((task) => task.id === "notify")!;
    expect(notify.config.kind).toBe("bash");
    expect(notify.upstream.map((up) => up.task)).toEqual(["build_marts"]);
    expect(notify.options).toEqual({ triggerRule: "all_done", retries: 0 });
    expect(notify.effective).toEqual({
      owner: "analytics",
      retries: 0,
      retryDelay: "5m",
      retryExponentialBackoff: true,
      maxRetryDelay: "1h",
      queue: "etl",
      triggerRule: "all_done",
    });
    const extract = etl.tasks.find((task) => task.id === "extract_orders")!;
    expect(extract.location.file).toBe("dags-src/lib/warehouse.ts");
  });

  it("keeps a DAG's definition hash when only source positions or option order change", async () => {
    const hashOf = async (text: string) => {
      const result = await compile(makeProject({ "dags-src/h.ts": text }));
      const file = result.files!.find((f) => f.path === "manifest.json")!;
      return (JSON.parse(file.contents) as Manifest).dags[0]!.definitionHash;
    };
    const a = source`
      import { dag } from "dagwright";
      export default dag("h", { schedule: null, owner: "x", tags: ["t"] }, (d) => { d.empty("a"); });
    `;
    const b = `\n\n${a.replace('owner: "x", tags: ["t"]', 'tags: ["t"], owner: "x"')}`;
    expect(await hashOf(b)).toBe(await hashOf(a));
    expect(await hashOf(a.replace('d.empty("a")', 'd.empty("b")'))).not.toBe(await hashOf(a));
  });

  it("records which TypeScript checked the sources, and null when nothing did", async () => {
    const root = makeProject({ "dags-src/t.ts": `import { dag } from "dagwright";\nexport default dag("t", { schedule: null }, (d) => { d.empty("a"); });\n` });
    const typecheckOf = async (result: Awaited<ReturnType<typeof compile>>) =>
      (JSON.parse(result.files!.find((f) => f.path === "manifest.json")!.contents) as Manifest).typecheck;
    const checked = await compile(root, { typecheck: true });
    expect(await typecheckOf(checked)).toEqual({ typescript: checked.checker!.version, source: "bundled" });
    expect(checked.checker!.version).toMatch(/^7\./);
    expect(await typecheckOf(await compile(root))).toBeNull();
    // This repository pins its own TypeScript, which checks its examples.
    expect(manifest.typecheck).toEqual({ typescript: JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "node_modules/typescript/package.json"), "utf8")).version, source: "project" });
  });
});

describe("manifest text", () => {
  const json = fc.jsonValue({ maxDepth: 5 }).map((value) => JSON.parse(JSON.stringify(value)) as unknown);
  const sortedReplacer = (_key: string, item: unknown) =>
    item && typeof item === "object" && !Array.isArray(item) ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : item;

  it("canonicalJson is JSON.stringify with sorted keys, the form definition hashes have always hashed", () => {
    fc.assert(
      fc.property(json, (value) => {
        expect(canonicalJson(value)).toBe(JSON.stringify(value, sortedReplacer));
      }),
    );
    expect(canonicalJson({ b: 1, location: { line: 1 }, a: [{ location: 2, c: undefined }] }, new Set(["location"]))).toBe('{"a":[{}],"b":1}');
  });

  it("reads back as the same value, with what fits in 120 columns on one line", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), json), (value) => {
        expect(JSON.parse(manifestJson(value))).toEqual(value);
      }),
    );
    const location = { file: "dags-src/a.ts", line: 3, column: 5 };
    const text = manifestJson({ formatVersion: 1, dags: [{ id: "a", tasks: [{ id: "t", location, upstream: [], note: "x".repeat(90) }] }] });
    expect(text).toBe(`{
  "formatVersion": 1,
  "dags": [
    {
      "id": "a",
      "tasks": [
        {
          "id": "t",
          "location": {"file":"dags-src/a.ts","line":3,"column":5},
          "upstream": [],
          "note": "${"x".repeat(90)}"
        }
      ]
    }
  ]
}
`);
    for (const line of fs.readFileSync(path.join(generated, "manifest.json"), "utf8").split("\n")) {
      if (line.length > 120) expect(line, "a long line holds one long value").toMatch(/^\s*("[^"]+": )?("([^"\\]|\\.)*"|\d+),?$/);
    }
  });
});
