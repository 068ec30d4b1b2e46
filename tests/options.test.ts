/**
 * Options real Airflow DAGs set, on every target line: weight rules, executor configurations
 * (Kubernetes pod overrides and JSON), pre/post execute hooks, labelled edges, the graph's
 * orientation, a command's append_env, deadline alerts, SLAs on Airflow 3 and catchup: each
 * refusal with its exact code and location, and what the generated file says.
 */
import { describe, expect, it } from "vitest";
import type { AirflowTarget } from "../src/ir/schema.js";
import type { Manifest } from "../src/ir/manifest.js";
import { diagnosticsOf as validated } from "./helpers/ir.js";
import { compile, makeProject } from "./helpers/project.js";

const HEADER = `import { dag } from "dagwright";\n`;

/** A module with one DAG "x" (options `dagOptions`) whose body is `body`. */
function module(body: string, dagOptions = "") {
  return { "dags-src/x.ts": `${HEADER}export default dag("x", { schedule: null${dagOptions} }, (d) => {\n${body}\n});\n` };
}

async function diagnosticsOf(body: string, airflow: AirflowTarget = "3.3", dagOptions = "") {
  return (await validated(module(body, dagOptions), airflow)).map((d) => `${d.code} ${d.location ? `${d.location.line}:${d.location.column}` : "-"} ${d.message}`);
}

async function compiled(body: string, airflow: AirflowTarget = "3.3", dagOptions = "") {
  const result = await compile(makeProject(module(body, dagOptions), airflow));
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const file = (path: string) => result.files!.find((f) => f.path === path)!.contents;
  return { python: file("airflow/x.py"), manifest: JSON.parse(file("manifest.json")) as Manifest, diagnostics: result.diagnostics };
}

const ALL_LINES: AirflowTarget[] = ["2.9", "2.10", "2.11", "3.0", "3.1", "3.2", "3.3"];

describe("weightRule", () => {
  it.each(ALL_LINES)("becomes weight_rule on tasks and in default_args (Airflow %s)", async (airflow) => {
    const { python, manifest } = await compiled(`  d.empty("a", { weightRule: "absolute", priorityWeight: 5 });\n  d.empty("b");`, airflow, `, defaults: { weightRule: "upstream" }`);
    expect(python).toContain('default_args={"weight_rule": "upstream"}');
    expect(python).toContain('a = EmptyOperator(task_id="a", priority_weight=5, weight_rule="absolute")');
    expect(python).toContain('b = EmptyOperator(task_id="b")');
    expect(manifest.dags[0]!.tasks.map((task) => task.effective.weightRule)).toEqual(["absolute", "upstream"]);
  });

  it("refuses a rule Airflow does not have (DW004, from the IR schema)", async () => {
    const diagnostics = await validated(module(`  d.empty("a", { weightRule: "sideways" as any });`), "3.3");
    expect(diagnostics.map((d) => d.code)).toEqual(["DW004"]);
  });
});

describe("executorConfig", () => {
  const pod = `executorConfig: { podOverride: { container: { image: "py:3.12", env: { MODE: "full" }, resources: { requests: { cpu: "500m" }, limits: { memory: "1Gi" } } }, labels: { team: "data" }, annotations: { note: "n" }, nodeSelector: { pool: "batch" }, tolerations: [{ key: "batch", operator: "Exists", effect: "NoSchedule" }], serviceAccount: "runner" } }`;

  it.each(["2.9", "3.3"] as const)("builds a pod override as k8s.V1Pod with the kubernetes client's models (Airflow %s)", async (airflow) => {
    const { python } = await compiled(`  d.empty("a", { ${pod} });`, airflow);
    expect(python).toContain("from kubernetes.client import models as k8s\n");
    expect(python).toContain(
      [
        "        executor_config={",
        '            "pod_override": k8s.V1Pod(',
        "                metadata=k8s.V1ObjectMeta(",
        '                    labels={"team": "data"}, annotations={"note": "n"}',
        "                ),",
        "                spec=k8s.V1PodSpec(",
        "                    containers=[",
        "                        k8s.V1Container(",
        '                            name="base",',
        '                            image="py:3.12",',
        '                            env=[k8s.V1EnvVar(name="MODE", value="full")],',
        "                            resources=k8s.V1ResourceRequirements(",
        '                                requests={"cpu": "500m"}, limits={"memory": "1Gi"}',
        "                            ),",
        "                        )",
        "                    ],",
        '                    node_selector={"pool": "batch"},',
        "                    tolerations=[",
        "                        k8s.V1Toleration(",
        '                            key="batch", operator="Exists", effect="NoSchedule"',
        "                        )",
        "                    ],",
        '                    service_account_name="runner",',
        "                ),",
        "            )",
        "        },",
      ].join("\n"),
    );
  });

  it("passes JSON through for other executors, in defaults too, without importing kubernetes", async () => {
    const { python } = await compiled(`  d.empty("a");`, "2.10", `, defaults: { executorConfig: { overrides: { memory: 512 } } }`);
    expect(python).toContain('default_args={"executor_config": {"overrides": {"memory": 512}}}');
    expect(python).not.toContain("kubernetes");
  });

  it("refuses a pod override written as JSON (DW180) and resources Kubernetes rejects (DW181)", async () => {
    expect(
      await diagnosticsOf(
        [
          `  d.empty("a", { executorConfig: { pod_override: { spec: {} } } });`,
          `  d.empty("c", { executorConfig: { podOverride: { container: { resources: { limits: { memory: "2GB" as any } } } } } });`,
          `  d.empty("d", { executorConfig: { podOverride: { container: { resources: { requests: { cpu: "2" }, limits: { cpu: "500m" } } } } } });`,
        ].join("\n"),
      ),
    ).toEqual([
      'DW180 3:5 task "a" of DAG "x": executorConfig.pod_override is JSON, but the Kubernetes executor needs a V1Pod there',
      'DW181 4:5 task "c" of DAG "x": executorConfig.podOverride.container.resources.limits.memory is "2GB", not a Kubernetes quantity',
      'DW181 5:5 task "d" of DAG "x": executorConfig.podOverride requests 2 of cpu, above its limit 500m',
    ]);
  });

  it.each([
    ["beside other keys", `{ podOverride: {}, other: 1 } as any`],
    ["with a field a pod override has not", `{ podOverride: { container: { cpu: 2 } } } as any`],
  ])("refuses podOverride %s instead of passing it on as JSON (DW004)", async (_, config) => {
    const diagnostics = await validated(module(`  d.empty("a", { executorConfig: ${config} });`), "3.3");
    expect(diagnostics.map((d) => d.code)).toEqual(["DW004"]);
  });
});

describe("preExecute and postExecute", () => {
  it.each(["2.9", "3.0", "3.3"] as const)("become pre_execute and post_execute through the lazy _callback helper (Airflow %s)", async (airflow) => {
    const { python } = await compiled(`  d.empty("a", { preExecute: "pkg.hooks:before", postExecute: "pkg.hooks:after" });`, airflow);
    expect(python).toContain('        pre_execute=_callback("pkg.hooks:before"),\n        post_execute=_callback("pkg.hooks:after"),\n');
    // post_execute passes the result after the context.
    expect(python).toContain("    def callback(context, *result):\n");
    expect(python).toContain("        return function(context, *result)\n");
  });

  it("are package.module:function, wherever they are set (DW304)", async () => {
    expect(await diagnosticsOf(`  d.empty("a", { postExecute: "pkg.after" as any });`, "3.3", `, defaults: { preExecute: "before" as any }`)).toEqual([
      'DW304 3:5 task "a" of DAG "x": callback preExecute "before" is not "package.module:function"',
      'DW304 3:5 task "a" of DAG "x": callback postExecute "pkg.after" is not "package.module:function"',
    ]);
  });
});

describe("edge labels", () => {
  const body = [
    `  const a = d.empty("a");`,
    `  const b = d.empty("b");`,
    `  const c = d.empty("c");`,
    `  const g = d.group("g", {}, (g) => { g.empty("x").then(g.empty("y")); });`,
    `  a.then(b, { label: "yes" });`,
    `  c.after(a, { label: "no" });`,
    `  b.then(g, { label: "into group" });`,
    `  d.empty("z").after([b, c]);`,
  ].join("\n");

  it.each([
    ["2.10", "from airflow.utils.edgemodifier import Label\n"],
    ["3.3", "from airflow.sdk import DAG, Label, TaskGroup\n"],
  ] as const)("write a >> Label(...) >> b, group edges expanded, and record them in the manifest (Airflow %s)", async (airflow, importLine) => {
    const { python, manifest } = await compiled(body, airflow);
    expect(python).toContain(importLine);
    expect(python).toContain(
      '    a >> Label("yes") >> b\n    a >> Label("no") >> c\n    b >> Label("into group") >> g_x\n    g_x >> g_y\n    [b, c] >> z\n',
    );
    const labels = Object.fromEntries(manifest.dags[0]!.tasks.map((task) => [task.id, task.upstreamLabels]));
    expect(labels).toEqual({ a: undefined, b: { a: "yes" }, c: { a: "no" }, "g.x": { b: "into group" }, "g.y": undefined, z: undefined });
  });

  it("label an edge declared first without one, and refuse two labels for one edge (DW185)", async () => {
    const { python } = await compiled(`  const a = d.empty("a");\n  const b = d.empty("b");\n  a.then(b);\n  b.after(a, { label: "late" });`);
    expect(python).toContain('    a >> Label("late") >> b\n');
    expect(await diagnosticsOf(`  const a = d.empty("a");\n  const b = d.empty("b");\n  a.then(b, { label: "yes" });\n  a.then(b, { label: "no" });`)).toEqual([
      'DW185 6:5 DAG "x": the edge a -> b is labelled "yes" and "no"',
    ]);
  });
});

describe("orientation", () => {
  it.each(["2.9", "2.10", "2.11"] as const)("becomes orientation on Airflow %s", async (airflow) => {
    const { python } = await compiled(`  d.empty("a");`, airflow, `, orientation: "TB"`);
    expect(python).toContain('with DAG(dag_id="x", schedule=None, catchup=False, orientation="TB") as dag:\n');
  });

  it.each(["3.0", "3.1", "3.3"] as const)("is refused on Airflow %s, which removed it (DW182)", async (airflow) => {
    expect(await diagnosticsOf(`  d.empty("a");`, airflow, `, orientation: "TB"`)).toEqual([`DW182 2:16 DAG "x" sets orientation, which Airflow ${airflow} does not have (Airflow 3 removed it)`]);
  });
});

describe("bash appendEnv", () => {
  it("adds env to the worker's environment by default, and replaces it with appendEnv: false", async () => {
    const { python } = await compiled(`  d.bash("a", { command: "env", env: { A: "1" } });\n  d.bash("b", { command: "env", env: { B: "2" }, appendEnv: false });\n  d.bash("c", { command: "env" });`, "2.9");
    expect(python).toContain('a = BashOperator(task_id="a", bash_command="env", env={"A": "1"}, append_env=True)');
    expect(python).toContain('b = BashOperator(task_id="b", bash_command="env", env={"B": "2"}, append_env=False)');
    expect(python).toContain('c = BashOperator(task_id="c", bash_command="env")');
  });
});

describe("deadline", () => {
  const deadline = `, schedule: "@daily" as any, startDate: "2026-01-01", deadline: [{ reference: "dagrunQueuedAt", interval: "2h", callback: "pkg.alerts:late", kwargs: { channel: "#data" } }, { reference: { fixed: "2026-06-30T18:00Z" }, interval: "30m", callback: "pkg.alerts:late" }]`;

  it.each([
    ["3.1", "from airflow.sdk.definitions.deadline import (\n    AsyncCallback,\n    DeadlineAlert,\n    DeadlineReference,\n)\n"],
    ["3.3", "from airflow.sdk import (\n"],
  ] as const)("becomes deadline=[DeadlineAlert(...)] with an AsyncCallback by dotted path (Airflow %s)", async (airflow, importLine) => {
    const { python } = await compiled(`  d.empty("a");`, airflow, deadline);
    expect(python).toContain(importLine);
    expect(python).toContain(
      [
        "    deadline=[",
        "        DeadlineAlert(",
        "            reference=DeadlineReference.DAGRUN_QUEUED_AT,",
        "            interval=datetime.timedelta(hours=2),",
        '            callback=AsyncCallback("pkg.alerts.late", kwargs={"channel": "#data"}),',
        "        ),",
        "        DeadlineAlert(",
        "            reference=DeadlineReference.FIXED_DATETIME(",
        "                datetime.datetime(2026, 6, 30, 18, 0, tzinfo=datetime.timezone.utc)",
        "            ),",
        "            interval=datetime.timedelta(minutes=30),",
        '            callback=AsyncCallback("pkg.alerts.late"),',
        "        ),",
        "    ],",
      ].join("\n"),
    );
  });

  it("is one DeadlineAlert when there is one", async () => {
    const { python } = await compiled(`  d.empty("a");`, "3.2", `, deadline: { reference: "dagrunLogicalDate", interval: "1d", callback: "pkg.alerts:late" }`);
    expect(python).toContain('    deadline=DeadlineAlert(\n        reference=DeadlineReference.DAGRUN_LOGICAL_DATE,\n        interval=datetime.timedelta(days=1),\n        callback=AsyncCallback("pkg.alerts.late"),\n    ),\n');
  });

  it.each(["2.10", "3.0"] as const)("is refused before Airflow 3.1 (DW183, on %s)", async (airflow) => {
    expect(await diagnosticsOf(`  d.empty("a");`, airflow, deadline)).toEqual([`DW183 2:16 DAG "x" sets deadline, which needs Airflow 3.1 or newer; the target is ${airflow}`]);
  });

  it("checks its interval (DW301), callback (DW304), fixed moment (DW184) and kwargs (DW186)", async () => {
    expect(await diagnosticsOf(`  d.empty("a");`, "3.3", `, deadline: { reference: { fixed: "soon" as any }, interval: "2 hours" as any, callback: "late" as any, kwargs: { context: 1 } }`)).toEqual([
      'DW184 2:16 DAG "x" has a deadline fixed at "soon", not a UTC date or instant',
      'DW186 2:16 DAG "x" has a deadline whose callback kwargs name context, which Airflow reserves for the run\'s context',
      'DW301 2:16 DAG "x": deadline.interval "2 hours" is not a duration',
      'DW304 2:16 DAG "x": callback deadline.callback "late" is not "package.module:function"',
    ]);
  });
});

describe("sla on Airflow 3", () => {
  it("is an error that points to deadlines (DW124)", async () => {
    const result = await validated(module(`  d.empty("a", { sla: "1h" });`), "3.3");
    expect(result.map((d) => [d.code, d.severity, d.message, d.hint])).toEqual([
      [
        "DW124",
        "error",
        'task "a" of DAG "x" sets sla, which Airflow 3.3 does not have (Airflow 3 removed SLAs)',
        'use the DAG\'s deadline: { reference: "dagrunQueuedAt", interval: "1h", callback: "pkg.alerts:late" } (Airflow\'s DeadlineAlert)',
      ],
    ]);
    const onThreeZero = await validated(module(`  d.empty("a");`, `, defaults: { sla: "1h" }`), "3.0");
    expect(onThreeZero.map((d) => [d.code, d.hint])).toEqual([["DW124", "Airflow 3.0 has no replacement: use dagrunTimeout or executionTimeout, or target 3.1+ and use the DAG's deadline"]]);
  });
});

describe("catchup", () => {
  it.each(ALL_LINES)("is written out when the DAG does not set it, so Airflow 2's catch-up-by-default never applies (Airflow %s)", async (airflow) => {
    const { python } = await compiled(`  d.empty("a");`, airflow, `, schedule: "@daily" as any, startDate: "2026-01-01"`);
    expect(python).toContain("    catchup=False,\n");
  });
});
