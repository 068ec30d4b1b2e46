/**
 * Type tests of the authoring API: `tsc -p tsconfig.json` (part of `npm test`) checks this file;
 * each `@ts-expect-error` pins a mistake tsc must catch, and every other line must type-check.
 * Nothing here runs.
 */
import { dag, param, py } from "../../src/dsl/index.js";

// A schedule held in a variable or a shared object type-checks without `as const`.
const schedule = "@daily";
dag("held", { schedule, startDate: "2026-01-01" }, () => {});
let widened = "0 3 * * *";
widened += "";
dag("widened", { schedule: widened, startDate: "2026-01-01" }, () => {});
const cfg = { schedule: "0 3 * * *" };
dag("spread", { ...cfg, startDate: "2026-01-01" }, () => {});
const shared = { cron: "30 2 * * 1-5" };
dag("cron", { schedule: shared, startDate: "2026-01-01" }, () => {});
const crons = ["0 3 * * *", "0 15 * * *"];
dag("crons", { schedule: { crons }, startDate: "2026-01-01" }, () => {});

// A literal schedule text must still be a preset or a five-field cron.
// @ts-expect-error unknown preset
dag("typo", { schedule: "@dayly", startDate: "2026-01-01" }, () => {});
// @ts-expect-error four fields
dag("short", { schedule: "0 3 * *", startDate: "2026-01-01" }, () => {});
// @ts-expect-error unknown preset in a cron schedule
dag("typo_cron", { schedule: { cron: "@dayly", timetable: "trigger" }, startDate: "2026-01-01" }, () => {});
dag("trigger", { schedule: { cron: "@daily", timetable: "trigger" }, startDate: "2026-01-01" }, () => {});

// Param defaults follow the schema.
param.string({ default: "x" });
// @ts-expect-error a string param's default is a string
param.string({ default: 1 });
param.string({ enum: ["eu", "us"], default: "eu" });
// @ts-expect-error the default of an enum param is one of its values
param.string({ enum: ["eu", "us"], default: "apac" });
param.integer({ enum: [1, 2], default: 2 });
// @ts-expect-error the default of an enum param is one of its values
param.integer({ enum: [1, 2], default: 3 });
// @ts-expect-error null needs nullable: true
param.string({ default: null });
param.string({ nullable: true, default: null });
param.integer({ nullable: true, default: null });
// @ts-expect-error an integer param's default is a number
param.integer({ default: "1" });
// @ts-expect-error a boolean param's default is a boolean
param.boolean({ default: "yes" });
// @ts-expect-error an array param's default is an array
param.array({ default: "a" });
param.array({ default: ["a"], examples: ["a", "b"], items: { type: "string" } });
// @ts-expect-error an object param's default is an object
param.object({ default: [] });
param.of({ type: ["null", "string"], default: null });
param.of({ type: ["null", "string"], default: "x" });
// @ts-expect-error the default of a multi-type param is of one of its types
param.of({ type: ["null", "string"], default: 1 });
param.any({ default: { anything: [1, "x", null] } });
// @ts-expect-error formats are the ones Airflow knows
param.string({ format: "colour" });
param.string({ format: "multiline" });
// @ts-expect-error a string has no minimum
param.string({ minimum: 1 });

// Escape-hatch values.
dag("hatch", { schedule: null }, (d) => {
  d.operator("op", {
    import: "reports.operators:PublishOperator",
    args: { a: py.timedelta("90m"), b: py.timedelta({ hours: 1.5 }), c: py.date("2026-01-01"), d: [py.time("06:30")], e: { f: py.callable("m:f") } },
  });
  // @ts-expect-error a duration is a number and a unit
  py.timedelta("90 minutes");
  // @ts-expect-error a callable is "module:function"
  py.callable("module.function");
  // @ts-expect-error arguments are JSON or py.* values
  d.operator("bad", { import: "m:Op", args: { when: new Date() } });
});

// Pods: resources by Kubernetes name, extended resources as domain/name; one source per volume.
dag("pods", { schedule: null }, (d) => {
  d.pod("gpu", {
    image: "trainer:1",
    resources: { requests: { cpu: "4", "ephemeral-storage": "20Gi", "hugepages-2Mi": "64Mi" }, limits: { memory: "16Gi", "nvidia.com/gpu": "1" } },
    volumes: [
      { name: "data", persistentVolumeClaim: { claimName: "data" } },
      { name: "shm", emptyDir: { medium: "Memory", sizeLimit: "8Gi" } },
    ],
    volumeMounts: [{ name: "data", mountPath: "/data", readOnly: true }],
    envFrom: [{ secret: "wandb", prefix: "WANDB_" }, { configMap: "train-env" }],
    affinity: { nodeAffinity: { required: [{ matchExpressions: [{ key: "gpu", operator: "Exists" }] }] } },
  });
  // @ts-expect-error a GPU is an extended resource: "nvidia.com/gpu", not "gpu"
  d.pod("bare", { image: "t", resources: { limits: { gpu: "1" } } });
  // @ts-expect-error a quantity is a number and a unit
  d.pod("size", { image: "t", resources: { limits: { "nvidia.com/gpu": "one" } } });
  // @ts-expect-error an emptyDir's medium is "Memory" or the node's disk
  d.pod("medium", { image: "t", volumes: [{ name: "x", emptyDir: { medium: "Disk" } }] });
  // @ts-expect-error an affinity operator is one Kubernetes knows
  d.pod("op", { image: "t", affinity: { nodeAffinity: { required: [{ matchExpressions: [{ key: "gpu", operator: "Has" }] }] } } });
});
