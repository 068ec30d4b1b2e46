/**
 * The OpenLineage export: every event valid against OpenLineage's own JSON Schema and each facet
 * against its facet schema, named as Airflow's provider names jobs and datasets, and stamped
 * so that the same sources give the same bytes.
 */
import fs from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import type { Manifest } from "../src/ir/manifest.js";
import { compile, makeProject, REPO_ROOT, runCli, source, where } from "./helpers/project.js";

const SCHEMA_DIR = path.join(REPO_ROOT, "tests", "schemas", "openlineage");
const generated = path.join(REPO_ROOT, "generated");
const manifest = JSON.parse(fs.readFileSync(path.join(generated, "manifest.json"), "utf8")) as Manifest;

/** OpenLineage's schemas, each under its own $id, so facets' `_schemaURL`s resolve to them. */
function openLineageAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  for (const file of fs.readdirSync(SCHEMA_DIR).filter((name) => name.endsWith(".json"))) {
    ajv.addSchema(JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, file), "utf8")));
  }
  return ajv;
}

const ajv = openLineageAjv();
const validateEvent = ajv.getSchema("https://openlineage.io/spec/2-0-2/OpenLineage.json")!;

interface Facet {
  _producer: string;
  _schemaURL: string;
  [field: string]: unknown;
}
interface Dataset {
  namespace: string;
  name: string;
  facets?: Record<string, Facet>;
}
interface JobEvent {
  eventTime: string;
  producer: string;
  schemaURL: string;
  job: { namespace: string; name: string; facets: Record<string, Facet> };
  inputs: Dataset[];
  outputs: Dataset[];
}

/** Problems of one event: against the spec, then each facet against the schema its `_schemaURL` names. */
function problems(event: unknown): string[] {
  const found: string[] = [];
  if (!validateEvent(event)) found.push(...validateEvent.errors!.map((error) => `event${error.instancePath} ${error.message}`));
  const { job, inputs = [], outputs = [] } = event as Partial<JobEvent>;
  const facets = [job?.facets ?? {}, ...[...inputs, ...outputs].map((dataset) => dataset.facets ?? {})];
  for (const [name, facet] of facets.flatMap((group) => Object.entries(group))) {
    const validateFacet = ajv.getSchema(facet._schemaURL);
    if (!validateFacet) found.push(`${name}: no schema at ${facet._schemaURL}`);
    else if (!validateFacet(facet)) found.push(...validateFacet.errors!.map((error) => `${name}${error.instancePath} ${error.message}`));
  }
  return found;
}

/** The events of newline-delimited JSON text, one per line. */
function parseLines(text: string): JobEvent[] {
  expect(text.endsWith("\n")).toBe(true);
  return text.slice(0, -1).split("\n").map((line) => JSON.parse(line) as JobEvent);
}

/** Every event of every DAG's file, by job name. */
function readEvents(dir: string): Map<string, JobEvent> {
  const events = new Map<string, JobEvent>();
  for (const file of fs.readdirSync(dir).sort()) {
    for (const event of parseLines(fs.readFileSync(path.join(dir, file), "utf8"))) events.set(event.job.name, event);
  }
  return events;
}

const events = readEvents(path.join(generated, "openlineage"));
const trainModel = events.get("churn_training.train_model")!;

describe("OpenLineage export", () => {
  it("writes one JobEvent per task, a line each in its DAG's file, named <dag_id>.<task_id> as Airflow's provider names the task's job", () => {
    expect(fs.readdirSync(path.join(generated, "openlineage")).sort()).toEqual(manifest.dags.map((dag) => `${dag.id}.jsonl`).sort());
    for (const dag of manifest.dags) {
      const lines = parseLines(fs.readFileSync(path.join(generated, "openlineage", `${dag.id}.jsonl`), "utf8"));
      expect(lines.map((event) => event.job.name)).toEqual(dag.tasks.map((task) => `${dag.id}.${task.id}`));
    }
    for (const event of events.values()) {
      expect(event.job.namespace).toBe("default");
      expect(event).not.toHaveProperty("run");
    }
    expect(events.has("report_builder.extract.quality.row_counts")).toBe(true);
  });

  it("validates every event against OpenLineage's JSON Schema, and every facet against its own", () => {
    expect(events.size).toBe(manifest.dags.reduce((sum, dag) => sum + dag.tasks.length, 0));
    for (const [name, event] of events) expect(problems(event), name).toEqual([]);
  });

  it("has a validation that fails on events the spec rejects", () => {
    const { job, ...withoutJob } = trainModel;
    expect(problems(withoutJob)).not.toEqual([]);
    expect(problems({ ...trainModel, run: { runId: "not-a-uuid" } })).not.toEqual([]);
    expect(problems({ ...trainModel, eventTime: "yesterday" })).toContain("event/eventTime must match format \"date-time\"");
    const { url, ...location } = job.facets.sourceCodeLocation!;
    expect(url).toBeDefined();
    expect(problems({ ...trainModel, job: { ...job, facets: { sourceCodeLocation: location } } })).toContain(
      "sourceCodeLocation must have required property 'url'",
    );
    const unknownFacet = { ...location, url, _schemaURL: "https://openlineage.io/spec/facets/9-9-9/Nope.json#/$defs/Nope" };
    expect(problems({ ...trainModel, job: { ...job, facets: { nope: unknownFacet } } })).toEqual([
      "nope: no schema at https://openlineage.io/spec/facets/9-9-9/Nope.json#/$defs/Nope",
    ]);
  });

  it("names datasets as the manifest's lineage does, models inside their registry", () => {
    const assetNames = new Map(manifest.lineage.assets.map((asset) => [asset.uri, asset.openLineage]));
    const churn = manifest.dags.find((dag) => dag.id === "churn_training")!;
    for (const task of churn.tasks) {
      const event = events.get(`churn_training.${task.id}`)!;
      const names = (datasets: Dataset[]) => datasets.map(({ namespace, name }) => ({ namespace, name }));
      const modelName = (name: string) => manifest.lineage.models.find((model) => model.name === name)!.openLineage;
      expect(names(event.inputs), task.id).toEqual([
        ...(task.inputs ?? []).map((asset) => assetNames.get(asset.uri)),
        ...(task.modelInputs ?? []).map((model) => modelName(model.name)),
      ]);
      expect(names(event.outputs), task.id).toEqual([
        ...(task.outputs ?? []).map((asset) => assetNames.get(asset.uri)),
        ...(task.modelOutputs ?? []).map((model) => modelName(model.name)),
      ]);
    }
    expect(trainModel.outputs).toEqual([
      expect.objectContaining({ namespace: "file", name: "/tmp/dagwright-churn/registry/churn", facets: { datasetType: expect.objectContaining({ datasetType: "MODEL" }) } }),
    ]);
  });

  it("points a job at the Python function it runs, and other jobs at the TypeScript file and line that declared the task", () => {
    const churn = manifest.dags.find((dag) => dag.id === "churn_training")!;
    const train = churn.tasks.find((task) => task.id === "train_model")!;
    expect(train.python).toMatchObject({ module: "churn.train", function: "train_model", file: "python/churn/train.py" });
    expect(trainModel.job.facets.sourceCodeLocation).toMatchObject({ type: "file", url: `file:python/churn/train.py#L${train.python!.line}`, path: "python/churn/train.py" });
    const def = fs.readFileSync(path.join(REPO_ROOT, "python/churn/train.py"), "utf8").split("\n")[train.python!.line - 1];
    expect(def).toContain("def train_model(");
    const deep = churn.tasks.find((task) => task.id === "train_deep_model")!;
    const deepEvent = events.get("churn_training.train_deep_model")!;
    expect(deepEvent.job.facets.sourceCodeLocation).toMatchObject({ type: "file", url: `file:dags-src/churn_training.ts#L${deep.location.line}`, path: "dags-src/churn_training.ts" });
    const line = fs.readFileSync(path.join(REPO_ROOT, "dags-src/churn_training.ts"), "utf8").split("\n")[deep.location.line - 1];
    expect(line).toContain(`d.pod("train_deep_model"`);
  });

});

describe("OpenLineage configuration", () => {
  const dagModule = source`
    import { dag } from "dagwright";
    export default dag("nightly", { schedule: "@daily", startDate: "2026-01-01", owner: "data, ml" }, (d) => {
      d.bash("load", { command: "true", doc: "Loads **orders**." });
    });
  `;

  it("takes the job namespace and a source URL template, encoding the path", async () => {
    const root = makeProject({
      "dagwright.config.ts": source`
        import { defineConfig } from "dagwright";
        export default defineConfig({
          airflow: "3.3",
          openLineage: { namespace: "prod-airflow", sourceUrl: "https://git.example.com/data/pipelines/-/blob/main/{path}#L{line}" },
        });
      `,
      "dags-src/my dags/nightly.ts": dagModule,
    });
    const result = await compile(root);
    expect(where(result.diagnostics)).toEqual([]);
    const [event] = parseLines(result.files!.find((file) => file.path === "openlineage/nightly.jsonl")!.contents) as [JobEvent];
    expect(problems(event)).toEqual([]);
    expect(event.job.namespace).toBe("prod-airflow");
    expect(event.job.facets.sourceCodeLocation).toMatchObject({
      type: "git",
      url: "https://git.example.com/data/pipelines/-/blob/main/dags-src/my%20dags/nightly.ts#L3",
      path: "dags-src/my dags/nightly.ts",
    });
    expect(event.job.facets.ownership!.owners).toEqual([{ name: "data" }, { name: "ml" }]);
    expect(event.job.facets.documentation).toMatchObject({ description: "Loads **orders**.", contentType: "text/markdown" });
  });

  it("rejects a source URL without {path}, at the option", async () => {
    const root = makeProject({
      "dagwright.config.ts": source`
        import { defineConfig } from "dagwright";
        export default defineConfig({
          airflow: "3.3",
          openLineage: { sourceUrl: "https://github.com/acme/pipelines" },
        });
      `,
      "dags-src/nightly.ts": dagModule,
    });
    const result = await compile(root);
    expect(where(result.diagnostics)).toEqual(["DW005 dagwright.config.ts:4:18"]);
    expect(result.diagnostics[0]!.message).toBe("invalid configuration: openLineage.sourceUrl: must contain {path}");
  });

  it("stamps events with SOURCE_DATE_EPOCH, and refuses one that is not a time", () => {
    const root = makeProject({ "dags-src/nightly.ts": dagModule });
    expect(runCli(["compile", "-C", root], { env: { SOURCE_DATE_EPOCH: "1767225600" } }).status).toBe(0);
    const [event] = parseLines(fs.readFileSync(path.join(root, "generated/openlineage/nightly.jsonl"), "utf8")) as [JobEvent];
    expect(event.eventTime).toBe("2026-01-01T00:00:00.000Z");

    const bad = runCli(["compile", "-C", root], { env: { SOURCE_DATE_EPOCH: "yesterday" } });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('error DW009: SOURCE_DATE_EPOCH is "yesterday", not a whole number of seconds since 1970');
    // The earlier output stays as it was.
    expect(parseLines(fs.readFileSync(path.join(root, "generated/openlineage/nightly.jsonl"), "utf8"))[0]!.eventTime).toBe("2026-01-01T00:00:00.000Z");
  });
});
