/**
 * Spark jobs: every validation rule with its exact code and location, project defaults and
 * size profiles, golden job specs and SparkApplications, and the SparkApplication checked
 * against the Spark operator's own CRD schema.
 */
import fs from "node:fs";
import path from "node:path";
import { Ajv } from "ajv";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { diagnosticsOf as validated } from "./helpers/ir.js";
import { compile, makeProject, REPO_ROOT, source, where } from "./helpers/project.js";

const SPARK_CONFIG = `import { defineConfig } from "dagwright";
export default defineConfig({
  airflow: "3.3",
  spark: {
    defaults: { driver: { memory: "1g" }, target: { kind: "submit", connId: "spark_yarn" } },
    profiles: {
      small: { executor: { memory: "2g", cores: 1, instances: 2 } },
      large: { executor: { memory: "8g", cores: 4 }, dynamicAllocation: { min: 2, max: 20 } },
    },
  },
});
`;

/** The files of a project whose one DAG's body is `body`, with `d` in scope. */
function sparkFiles(body: string, config = SPARK_CONFIG) {
  return {
    "dagwright.config.ts": config,
    "dags-src/jobs.ts": `import { dag, type MemorySize } from "dagwright";\nexport default dag("jobs", { schedule: null }, (d) => {\n${body}\n});\n`,
  };
}

function sparkProject(body: string, config = SPARK_CONFIG) {
  return makeProject(sparkFiles(body, config));
}

async function diagnosticsOf(body: string) {
  return validated(sparkFiles(body));
}

/** With the type-check, for what only TypeScript reports. */
async function typeDiagnosticsOf(body: string) {
  return (await compile(sparkProject(body), { emit: false, typecheck: true })).diagnostics;
}

describe("Spark validation", () => {
  it.each([
    ["4gb", 'Spark task "etl" of DAG "jobs": executor.memory "4gb" is not a memory size'],
    ["4 GB", 'Spark task "etl" of DAG "jobs": executor.memory "4 GB" is not a memory size'],
    ["0g", 'Spark task "etl" of DAG "jobs": executor.memory "0g" is not a memory size'],
    ["-1g", 'Spark task "etl" of DAG "jobs": executor.memory "-1g" is not a memory size'],
  ])("rejects memory %s where the types cannot see it (DW401)", async (memory, message) => {
    const diagnostics = await diagnosticsOf(`  d.spark("etl", { application: "jobs/etl.py", executor: { memory: "${memory}" as MemorySize } });`);
    expect(where(diagnostics)).toEqual(["DW401 dags-src/jobs.ts:3:5"]);
    expect(diagnostics[0]!.message).toBe(message);
  });

  it("accepts 512m, 4g, 1t and 4G", async () => {
    for (const memory of ["512m", "4g", "1t", "4G"]) {
      expect(await diagnosticsOf(`  d.spark("etl", { application: "jobs/etl.py", executor: { memory: "${memory}" } });`)).toEqual([]);
    }
  });

  it("makes 4gb a TypeScript error where the types can see it", async () => {
    const diagnostics = await typeDiagnosticsOf(`  d.spark("etl", { application: "jobs/etl.py", executor: { memory: "4gb" } });`);
    expect(where(diagnostics)).toEqual(["DW001 dags-src/jobs.ts:3:60"]);
    // The type's name, not every unit's template spelled out.
    expect(diagnostics[0]!.message).toBe(`Type '"4gb"' is not assignable to type 'MemorySize | undefined'.`);
  });

  it("rejects cores and instances that are not positive whole numbers (DW402)", async () => {
    const diagnostics = await diagnosticsOf(`  d.spark("etl", { application: "jobs/etl.py", driver: { cores: 0 }, executor: { cores: 1.5, instances: -2 } });`);
    expect(diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      'DW402 Spark task "etl" of DAG "jobs": driver.cores is 0; it must be a whole number, 1 or more',
      'DW402 Spark task "etl" of DAG "jobs": executor.cores is 1.5; it must be a whole number, 1 or more',
      'DW402 Spark task "etl" of DAG "jobs": executor.instances is -2; it must be a whole number, 1 or more',
    ]);
  });

  it("rejects fixed instances together with dynamic allocation, also through a profile (DW403)", async () => {
    const diagnostics = await diagnosticsOf(`  d.spark("etl", { application: "jobs/etl.py", profile: "large", executor: { instances: 10 } });`);
    expect(where(diagnostics)).toEqual(["DW403 dags-src/jobs.ts:3:5"]);
    expect(diagnostics[0]!.message).toBe('Spark task "etl" of DAG "jobs": executor.instances (10) fixes the number of executors, but dynamic allocation is on');
  });

  it("requires min <= initial <= max (DW404)", async () => {
    const diagnostics = await diagnosticsOf(`  d.spark("etl", { application: "jobs/etl.py", dynamicAllocation: { min: 5, initial: 3, max: 4 } });`);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'Spark task "etl" of DAG "jobs": dynamicAllocation.min (5) is greater than dynamicAllocation.initial (3)',
    ]);
    const over = await diagnosticsOf(`  d.spark("etl", { application: "jobs/etl.py", dynamicAllocation: { min: 5, max: 4 } });`);
    expect(over.map((d) => d.message)).toEqual(['Spark task "etl" of DAG "jobs": dynamicAllocation.min (5) is greater than dynamicAllocation.max (4)']);
  });

  it("rejects conf keys without the spark. prefix, in the types and in validation (DW405)", async () => {
    const typed = await typeDiagnosticsOf(`  d.spark("etl", { application: "jobs/etl.py", conf: { "executor.memory": "4g" } });`);
    expect(typed.map((d) => d.code)).toEqual(["DW001"]);
    const diagnostics = await diagnosticsOf(`  d.spark("etl", { application: "jobs/etl.py", conf: { "executor.memory": "4g" } as any });`);
    expect(diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      'DW405 Spark task "etl" of DAG "jobs": conf key "executor.memory" is not a Spark property (they start with "spark.")',
    ]);
  });

  it("suggests the property a misspelled conf key meant (DW406), and warns about unknown ones (DW407)", async () => {
    const diagnostics = await diagnosticsOf(
      `  d.spark("etl", { application: "jobs/etl.py", conf: { "spark.executor.memroy": "4g", "spark.sql.shuffle.partitons": 8, "spark.mycompany.feature": true, "spark.hadoop.fs.s3a.endpoint": "x" } });`,
    );
    expect(diagnostics.map((d) => `${d.severity} ${d.code} ${d.message}`)).toEqual([
      'error DW406 Spark task "etl" of DAG "jobs": conf key "spark.executor.memroy" is not a Spark property; did you mean "spark.executor.memory"?',
      'error DW406 Spark task "etl" of DAG "jobs": conf key "spark.sql.shuffle.partitons" is not a Spark property; did you mean "spark.sql.shuffle.partitions"?',
      'warning DW407 Spark task "etl" of DAG "jobs": conf key "spark.mycompany.feature" is not a property this Spark version defines',
    ]);
  });

  it("rejects a conf key that duplicates a typed field (DW408)", async () => {
    const diagnostics = await diagnosticsOf(`  d.spark("etl", { application: "jobs/etl.py", executor: { memory: "4g" }, conf: { "spark.executor.memory": "8g" } });`);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'Spark task "etl" of DAG "jobs": conf key "spark.executor.memory" sets what the typed field executor.memory is for',
    ]);
  });

  it("requires mainClass for a jar and refuses it for Python (DW409), and knows .py and .jar only (DW410)", async () => {
    const diagnostics = await diagnosticsOf(
      [
        `  d.spark("jar", { application: "jobs/etl.jar" });`,
        `  d.spark("py", { application: "jobs/etl.py", mainClass: "com.example.Main" });`,
        `  d.spark("scala", { application: "jobs/etl.scala" });`,
        `  d.spark("ok", { application: "s3a://bucket/jobs/etl.jar", mainClass: "com.example.Etl" });`,
      ].join("\n"),
    );
    expect(where(diagnostics)).toEqual(["DW409 dags-src/jobs.ts:3:5", "DW409 dags-src/jobs.ts:4:5", "DW410 dags-src/jobs.ts:5:5"]);
  });

  it("names an unknown size profile with a suggestion (DW411)", async () => {
    const diagnostics = await diagnosticsOf(`  d.spark("etl", { application: "jobs/etl.py", profile: "larg" });`);
    expect(diagnostics.map((d) => `${d.code} ${d.message} | ${d.hint}`)).toEqual([
      'DW411 Spark task "etl" of DAG "jobs": size profile "larg" is not defined; did you mean "large"? | defined profiles: small, large',
    ]);
  });

  it("requires image and Spark version for Kubernetes, and valid names (DW412, DW413)", async () => {
    const diagnostics = await diagnosticsOf(
      `  d.spark("k8s", { application: "local:///app/etl.py", target: { kind: "kubernetes", namespace: "Spark_Jobs", serviceAccount: "spark runner" } });`,
    );
    expect(diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      'DW412 Spark task "k8s" of DAG "jobs": the Kubernetes target needs target.image and target.sparkVersion',
      'DW413 Spark task "k8s" of DAG "jobs": namespace "Spark_Jobs" is not a valid Kubernetes name',
      'DW413 Spark task "k8s" of DAG "jobs": service account "spark runner" is not a valid Kubernetes name',
    ]);
  });

  it("reports invalid Spark settings in the configuration as DW005", async () => {
    const root = sparkProject(`  d.spark("etl", { application: "jobs/etl.py" });`, SPARK_CONFIG.replace('memory: "2g"', 'memroy: "2g"'));
    const diagnostics = (await compile(root)).diagnostics;
    expect(diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      "DW005 invalid configuration: unknown option memroy",
    ]);
  });
});

describe("Spark defaults and profiles", () => {
  it("combine field by field: defaults, then the profile, then the task", async () => {
    const result = await compile(
      sparkProject(`  d.spark("etl", { application: "jobs/etl.py", profile: "small", executor: { cores: 2 }, driver: { cores: 2 } });`),
    );
    expect(result.diagnostics).toEqual([]);
    const spec = JSON.parse(result.files!.find((file) => file.path === "spark/jobs/etl.json")!.contents);
    expect(spec.driver).toEqual({ memory: "1g", cores: 2, memoryOverhead: null });
    expect(spec.executor).toEqual({ memory: "2g", cores: 2, memoryOverhead: null, instances: 2 });
    expect(spec.target).toEqual({ kind: "submit", connId: "spark_yarn", deployMode: null });
  });
});

describe("the example Spark jobs", () => {
  const examples = compile(REPO_ROOT);
  const read = async (file: string) => (await examples).files!.find((f) => f.path === file)!.contents;

  it("write spark-submit arguments that match the typed settings", async () => {
    const spec = JSON.parse(await read("spark/churn_training/build_features.json"));
    expect(spec.sparkSubmit).toEqual([
      "--conf",
      "spark.sql.shuffle.partitions=4",
      "--conf",
      "spark.ui.enabled=false",
      "--num-executors",
      "2",
      "--executor-cores",
      "1",
      "--executor-memory",
      "1g",
      "--driver-memory",
      "1g",
      "--name",
      "churn_training.build_features",
      "python/jobs/build_features.py",
      "--run-dir",
      "/tmp/dagwright-churn/{{ ds }}",
    ]);
  });

  it("write a SparkApplication that the Spark operator's CRD schema accepts", async () => {
    const application = parse(await read("spark/churn_training/score_customers.yaml"));
    const crd = parse(fs.readFileSync(path.join(REPO_ROOT, "tests", "schemas", "sparkoperator.k8s.io_sparkapplications.yaml"), "utf8"));
    const version = crd.spec.versions.find((v: { name: string }) => v.name === "v1beta2");
    const validate = new Ajv({ strict: false, validateFormats: false, logger: false }).compile(version.schema.openAPIV3Schema);
    expect(validate(application), JSON.stringify(validate.errors, null, 2)).toBe(true);
    // The schema must be able to fail: a driver with zero cores is refused.
    expect(validate({ ...application, spec: { ...application.spec, driver: { cores: 0 } } })).toBe(false);
    expect(application.spec).toMatchObject({
      type: "Python",
      mode: "cluster",
      image: "registry.example.com/churn/spark:3.5.3",
      sparkVersion: "3.5.3",
      restartPolicy: { type: "Never" },
      driver: { memory: "1g", serviceAccount: "spark" },
      executor: { memory: "8g", cores: 4, memoryOverhead: "1g" },
      dynamicAllocation: { enabled: true, initialExecutors: 4, minExecutors: 2, maxExecutors: 20 },
    });
  });

  it("list every Spark job and each DAG's peak in the manifest", async () => {
    const manifest = JSON.parse(await read("manifest.json"));
    expect(manifest.sparkJobs.map((job: { taskId: string; target: string }) => `${job.taskId} ${job.target}`)).toEqual([
      "build_features submit",
      "score_customers kubernetes",
    ]);
    const churn = manifest.dags.find((dag: { id: string }) => dag.id === "churn_training");
    // The two jobs run one after the other, so the peak is the larger one, not their sum.
    const [features, score] = manifest.sparkJobs.map((job: { requested: unknown }) => job.requested);
    expect(features).toEqual({ cores: 3, memoryMib: 1408 + 2 * 1408 });
    expect(score).toEqual({ cores: 1 + 20 * 4, memoryMib: 1408 + 20 * (8192 + 1024) });
    expect(churn.sparkPeak).toEqual({ jobs: 2, cores: 81, memoryMib: 1408 + 20 * 9216, exact: true });
  });
});

describe("Spark peak", () => {
  it("orders jobs through dependencies on task groups too", async () => {
    const result = await compile(
      sparkProject(
        [
          `  const first = d.group("stage", {}, (g) => { g.spark("a", { application: "a.py", executor: { instances: 1, cores: 2 } }); });`,
          `  first.then(d.spark("b", { application: "b.py", executor: { instances: 1, cores: 3 } }));`,
        ].join("\n"),
      ),
    );
    const manifest = JSON.parse(result.files!.find((file) => file.path === "manifest.json")!.contents);
    // stage.a runs before b, so they never run together: the peak is b's 1+3 cores, not 3+4.
    expect(manifest.dags[0].sparkPeak.cores).toBe(4);
  });

  it("adds up jobs that can run at the same time", async () => {
    const result = await compile(
      sparkProject(
        [
          `  const a = d.spark("a", { application: "a.py", executor: { instances: 1, cores: 2 } });`,
          `  const b = d.spark("b", { application: "b.py", executor: { instances: 1, cores: 3 } });`,
          `  const c = d.spark("c", { application: "c.py", executor: { instances: 1, cores: 10 } });`,
          `  d.empty("start").then([a, b]);`,
          `  a.then(c);`,
        ].join("\n"),
      ),
    );
    const manifest = JSON.parse(result.files!.find((file) => file.path === "manifest.json")!.contents);
    // a and b run together (1+2 and 1+3 cores); c runs after a, so with b: 1+10 and 1+3.
    expect(manifest.dags[0].sparkPeak.cores).toBe(15);
  });
});
