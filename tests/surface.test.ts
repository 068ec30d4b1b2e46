/**
 * The wider authoring surface: task groups, mapping, branches, sensors, triggers, pods,
 * setup/teardown, params, callbacks, cascading defaults and the operator escape hatch: each
 * rule with its exact code and location, and what the generated file and manifest say.
 */
import { describe, expect, it } from "vitest";
import type { Manifest } from "../src/ir/manifest.js";
import { diagnosticsOf as validated } from "./helpers/ir.js";
import { compile, makeProject, source, where } from "./helpers/project.js";

async function diagnosticsOf(body: string, airflow = "3.3", extraFiles: Record<string, string> = {}) {
  return validated(
    {
      "dags-src/x.ts": `import { dag, external, param } from "dagwright";\nexport default dag("x", { schedule: null }, (d) => {\n${body}\n});\n`,
      ...extraFiles,
    },
    airflow,
  );
}

async function compiled(files: Record<string, string>, airflow = "3.3") {
  const result = await compile(makeProject(files, airflow));
  expect(result.diagnostics).toEqual([]);
  const file = (path: string) => result.files!.find((f) => f.path === path)!.contents;
  return { file, manifest: JSON.parse(file("manifest.json")) as Manifest };
}

describe("task groups", () => {
  const groups = source`
    import { dag } from "dagwright";
    export default dag("grouped", { schedule: null, defaults: { retries: 1 } }, (d) => {
      const start = d.empty("start");
      const load = d.group("load", { tooltip: "Load tables", defaults: { retries: 3, pool: "loads" } }, (g) => {
        const a = g.bash("a", { command: "echo a" });
        const inner = g.group("inner", {}, (i) => {
          i.empty("x").then(i.empty("y", { retries: 0 }));
        });
        a.then(inner);
        g.bash("b", { command: "echo b" });
      });
      start.then(load).then(d.empty("end"));
    });
  `;

  it("prefix task ids, nest in the generated file, and expand group dependencies to first and last tasks", async () => {
    const { file, manifest } = await compiled({ "dags-src/g.ts": groups });
    const dag = manifest.dags[0]!;
    const upstream = Object.fromEntries(dag.tasks.map((task) => [task.id, task.upstreamTasks]));
    expect(upstream).toEqual({
      start: [],
      "load.a": ["start"],
      "load.inner.x": ["load.a"],
      "load.inner.y": ["load.inner.x"],
      "load.b": ["start"],
      end: ["load.inner.y", "load.b"],
    });
    const effective = Object.fromEntries(dag.tasks.map((task) => [task.id, [task.effective.retries, task.effective.pool]]));
    expect(effective).toEqual({
      start: [1, undefined],
      "load.a": [3, "loads"],
      "load.inner.x": [3, "loads"],
      "load.inner.y": [0, "loads"],
      "load.b": [3, "loads"],
      end: [1, undefined],
    });
    const python = file("airflow/grouped.py");
    expect(python).toContain('    with TaskGroup(\n        group_id="load",\n        tooltip="Load tables",\n        default_args={"retries": 3, "pool": "loads"},\n    ) as load_group:\n');
    expect(python).toContain('        with TaskGroup(group_id="inner") as load_inner_group:\n            load_inner_x = EmptyOperator(task_id="x")\n');
    expect(python).toContain("    [load_inner_y, load_b] >> end\n");
  });

  it("reject group ids Airflow refuses and a group named like a task (DW112, DW102)", async () => {
    const diagnostics = await diagnosticsOf(`  d.group("load.orders", {}, (g) => { g.empty("a"); });\n  d.empty("twin");\n  d.group("twin", {}, (g) => { g.empty("b"); });`);
    expect(where(diagnostics)).toEqual(["DW112 dags-src/x.ts:3:5", "DW102 dags-src/x.ts:5:5"]);
  });
});

describe("defaults that cascade", () => {
  it("apply project, folder, DAG, group and task options in that order, and record the result", async () => {
    const { manifest, file } = await compiled({
      "dagwright.config.ts": `import { defineConfig } from "dagwright";\nexport default defineConfig({ airflow: "3.3", defaults: { retries: 5, queue: "default_q", owner: "data" }, folders: { ml: { queue: "gpu", retries: 4 } } });\n`,
      "dags-src/ml/train.ts": `import { dag } from "dagwright";\nexport default dag("train", { schedule: null, defaults: { retries: 3 } }, (d) => {\n  d.group("g", { defaults: { retries: 2 } }, (g) => { g.empty("a"); g.empty("b", { retries: 1 }); });\n});\n`,
      "dags-src/other.ts": `import { dag } from "dagwright";\nexport default dag("other", { schedule: null }, (d) => { d.empty("c"); });\n`,
    });
    const effective = (dagId: string) => Object.fromEntries(manifest.dags.find((d) => d.id === dagId)!.tasks.map((t) => [t.id, t.effective]));
    expect(effective("train")).toEqual({
      "g.a": { owner: "data", retries: 2, queue: "gpu" },
      "g.b": { owner: "data", retries: 1, queue: "gpu" },
    });
    expect(effective("other")).toEqual({ c: { owner: "data", retries: 5, queue: "default_q" } });
    expect(file("airflow/train.py")).toContain('default_args={"owner": "data", "retries": 3, "queue": "gpu"}');
  });
});

describe("dynamic task mapping", () => {
  it("emits partial() and expand() for lists and for an upstream task's output", async () => {
    const { file, manifest } = await compiled({
      "dags-src/m.ts": source`
        import { dag } from "dagwright";
        export default dag("mapped", { schedule: null }, (d) => {
          const list = d.python("list", { callable: "pkg.mod:commands" });
          d.bash("run", { command: "unused", expand: { command: list.output } });
          d.python("each", { callable: "pkg.mod:each", kwargs: { day: "{{ ds }}" }, expandKwargs: [{ n: 1 }, { n: 2 }] });
        });
      `,
    });
    const python = file("airflow/mapped.py");
    expect(python).toContain("    run = BashOperator.partial(task_id=\"run\").expand(bash_command=list.output)\n");
    expect(python).toContain('{"day": "{{ ds }}", "n": 1}');
    // Mapping over an output depends on the task that produces it, as Airflow makes it.
    expect(manifest.dags[0]!.tasks.find((t) => t.id === "run")!.upstreamTasks).toEqual(["list"]);
  });

  it("keeps an upstream output passed as a keyword argument in every mapped instance", async () => {
    const { file, manifest } = await compiled({
      "dags-src/m.ts": source`
        import { dag } from "dagwright";
        export default dag("mapped", { schedule: null }, (d) => {
          const count = d.python<number>("count", { callable: "pkg.mod:count" });
          d.python("each", { callable: "pkg.mod:each", kwargs: { rows: count.output }, expandKwargs: [{ n: 1 }, { n: 2 }] });
        });
      `,
    });
    const python = file("airflow/mapped.py");
    // The output travels in partial()'s op_args, which Airflow resolves for every instance without
    // mapping over it; the callable hands it to the function as `rows`.
    expect(python).toContain(
      '    each = PythonOperator.partial(\n        task_id="each",\n        python_callable=_Callable("pkg.mod:each", keywords=["rows"]),\n        op_args=[count.output],\n    ).expand(op_kwargs=[{"n": 1}, {"n": 2}])\n',
    );
    expect(manifest.dags[0]!.tasks.find((t) => t.id === "each")!.upstreamTasks).toEqual(["count"]);
  });

  it("refuses to map over the output of a task of another DAG (DW113)", async () => {
    const root = makeProject({
      "dags-src/m.ts": source`
        import { dag, type TaskHandle } from "dagwright";
        let list: TaskHandle | undefined;
        export const first = dag("first", { schedule: null }, (d) => { list = d.python("list", { callable: "pkg.mod:commands" }); });
        export const second = dag("second", { schedule: null }, (d) => {
          d.bash("run", { command: "unused", expand: { command: list!.output } });
        });
      `,
    });
    expect(where((await compile(root, { emit: false })).diagnostics)).toEqual(["DW113 dags-src/m.ts:5:5"]);
  });

  it("refuses an empty mapped list or one longer than Airflow maps (DW127)", async () => {
    const diagnostics = await diagnosticsOf(
      `  d.bash("none", { command: "x", expand: { command: [] } });\n  d.bash("many", { command: "x", expand: { command: Array.from({ length: 1025 }, (_, i) => "echo " + i) } });`,
    );
    expect(where(diagnostics)).toEqual(["DW127 dags-src/x.ts:3:5", "DW127 dags-src/x.ts:4:5"]);
  });
});

describe("branches", () => {
  it("require every target directly downstream (DW120) and warn about a join that would be skipped (DW121)", async () => {
    const diagnostics = await diagnosticsOf(
      [
        `  const a = d.empty("a");`,
        `  const b = d.empty("b");`,
        `  const far = d.empty("far");`,
        `  const pick = d.branch("pick", { callable: "pkg.mod:pick", targets: [a, b, far] });`,
        `  pick.then([a, b]);`,
        `  b.then(far);`,
        `  d.empty("join").after([a, far]);`,
      ].join("\n"),
    );
    expect(where(diagnostics)).toEqual(["DW120 dags-src/x.ts:6:18", "DW121 dags-src/x.ts:9:5"]);
    expect(diagnostics[1]!.message).toBe('task "join" of DAG "x" joins paths of branch "pick" with trigger rule "all_success", so it is skipped whenever one path is');
  });

  it("accept a join with none_failed_min_one_success", async () => {
    const diagnostics = await diagnosticsOf(
      `  const a = d.empty("a");\n  const b = d.empty("b");\n  d.branch("pick", { callable: "pkg.mod:pick", targets: [a, b] }).then([a, b]);\n  d.empty("join", { triggerRule: "none_failed_min_one_success" }).after([a, b]);`,
    );
    expect(diagnostics).toEqual([]);
  });
});

describe("sensors and triggers of other DAGs", () => {
  const other = { "dags-src/other.ts": `import { dag } from "dagwright";\nexport default dag("other", { schedule: null }, (d) => { d.empty("done"); });\n` };

  it("check that the DAG and task exist unless declared external (DW122)", async () => {
    const diagnostics = await diagnosticsOf(
      [
        `  d.externalTaskSensor("ok", { dag: { id: "other" } as any, task: "done" });`,
        `  d.externalTaskSensor("no_task", { dag: { id: "other" } as any, task: "missing" });`,
        `  d.triggerDag("no_dag", { dag: { id: "nowhere" } as any });`,
        `  d.triggerDag("elsewhere", { dag: external("billing") });`,
      ].join("\n"),
      "3.3",
      other,
    );
    expect(diagnostics.map((d) => `${d.code} ${d.location!.line} ${d.message}`)).toEqual([
      'DW122 4 task "no_task" of DAG "x" waits for task "missing", which DAG "other" does not have',
      'DW122 5 task "no_dag" of DAG "x" triggers DAG "nowhere", which is not in the project',
    ]);
  });

  it("allow deferrable where the target Airflow has a deferrable argument or an async class (DW123)", async () => {
    const body = `  d.timeDeltaSensor("wait", { delta: "1h", deferrable: true });\n  d.dateTimeSensor("until", { targetTime: "{{ ds }}", deferrable: true });\n  d.bashSensor("flag", { command: "true", deferrable: true });`;
    expect(where(await diagnosticsOf(body, "3.3"))).toEqual(["DW123 dags-src/x.ts:5:5"]);
    expect(where(await diagnosticsOf(body, "2.10"))).toEqual(["DW123 dags-src/x.ts:5:5"]);
  });
});

describe("pods", () => {
  it("validate Kubernetes quantities and requests against limits (DW125)", async () => {
    const diagnostics = await diagnosticsOf(
      `  d.pod("p", { image: "python:3.11", resources: { requests: { cpu: "2", memory: "2GB" as any }, limits: { cpu: "500m" } } });`,
    );
    expect(diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      'DW125 task "p" of DAG "x": resources.requests.memory "2GB" is not a Kubernetes quantity',
      'DW125 task "p" of DAG "x": the cpu request (2) is above its limit (500m)',
    ]);
  });

  it("accept every quantity Kubernetes parses: exponents, a trailing point, a plus sign", async () => {
    const diagnostics = await diagnosticsOf(
      `  d.pod("p", { image: "python:3.11", resources: { requests: { cpu: "1e3", memory: "2e0" }, limits: { cpu: "+2E3", memory: "3." } } });\n  d.pod("q", { image: "python:3.11", resources: { requests: { cpu: "-1" as any, memory: "1e" as any } } });`,
    );
    expect(diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      'DW125 task "q" of DAG "x": resources.requests.cpu "-1" is not a Kubernetes quantity',
      'DW125 task "q" of DAG "x": resources.requests.memory "1e" is not a Kubernetes quantity',
    ]);
  });

  it("emit secrets by reference and resources as the kubernetes client's model the operator takes", async () => {
    const { file } = await compiled({
      "dags-src/p.ts": `import { dag } from "dagwright";\nexport default dag("pods", { schedule: null }, (d) => {\n  d.pod("p", { image: "python:3.11", secrets: [{ env: "TOKEN", secret: "api", key: "token" }], resources: { limits: { memory: "1Gi" } } });\n});\n`,
    });
    const python = file("airflow/pods.py");
    expect(python).toContain('secrets=[Secret("env", "TOKEN", "api", "token")]');
    expect(python).toContain('container_resources=k8s.V1ResourceRequirements(limits={"memory": "1Gi"})');
    expect(python).toContain("from kubernetes.client import models as k8s\n");
  });
});

describe("the operator escape hatch", () => {
  it("imports the class and passes JSON arguments; rejects bad import paths and argument names (DW126)", async () => {
    const { file } = await compiled({
      "dags-src/o.ts": `import { dag } from "dagwright";\nexport default dag("ops", { schedule: null }, (d) => {\n  d.operator("ping", { import: "airflow.providers.http.operators.http.HttpOperator", args: { endpoint: "/health", method: "GET" } });\n});\n`,
    });
    expect(file("airflow/ops.py")).toContain("from airflow.providers.http.operators.http import HttpOperator\n");
    expect(file("airflow/ops.py")).toContain('ping = HttpOperator(task_id="ping", endpoint="/health", method="GET")');
    const diagnostics = await diagnosticsOf(`  d.operator("bad", { import: "HttpOperator", args: { "task_id": "x", "not-a-name": 1 } });`);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'task "bad" of DAG "x": "HttpOperator" is not the import path of an operator class: it names no module: write "package.module:ClassName" or "package.module.ClassName"',
      'task "bad" of DAG "x": "task_id" cannot be an operator argument',
      'task "bad" of DAG "x": "not-a-name" cannot be an operator argument',
    ]);
  });
});

describe("setup and teardown", () => {
  it("make the setup an upstream of its teardown and require all_success after a setup (DW128)", async () => {
    const diagnostics = await diagnosticsOf(
      [
        `  const create = d.bash("create", { command: "x", setup: true });`,
        `  const work = d.bash("work", { command: "x", triggerRule: "all_done" });`,
        `  const plain = d.empty("plain");`,
        `  d.bash("drop", { command: "x", teardown: { setups: [create, plain] } });`,
        `  create.then(work);`,
      ].join("\n"),
    );
    expect(diagnostics.map((d) => `${d.code} ${d.location!.line}`)).toEqual(["DW128 4", "DW128 6"]);
  });
});

describe("params, owner links and callbacks", () => {
  it("check param defaults against their types and require defaults on scheduled DAGs (DW129)", async () => {
    const root = makeProject({
      "dags-src/p.ts": source`
        import { dag, param } from "dagwright";
        export default dag("params", {
          schedule: "@daily",
          startDate: "2026-01-01",
          params: {
            n: param.integer({ default: 1.5 }),
            level: param.string({ default: "loud", enum: ["quiet", "normal"] }),
            limit: param.number({ default: 200, maximum: 100 }),
            day: param.string({ format: "date" }),
          },
        }, (d) => { d.empty("a"); });
      `,
    });
    const diagnostics = (await compile(root, { emit: false })).diagnostics;
    expect(diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      'DW129 param "n" of DAG "params": the default 1.5 is not of type integer',
      'DW129 param "level" of DAG "params": the default "loud" is not one of its enum values',
      'DW129 param "limit" of DAG "params": the default 200 is above the maximum 100',
      'DW129 param "day" of DAG "params" has no default, but scheduled runs cannot be given one',
    ]);
  });

  it("accept only http(s) and mailto owner links (DW130) and package.module:function callbacks (DW304)", async () => {
    const root = makeProject({
      "dags-src/l.ts": `import { dag } from "dagwright";\nexport default dag("links", { schedule: null, ownerLinks: { ok: "mailto:team@example.com", bad: "wiki/team" }, onFailure: "alerts.notify" as any }, (d) => {\n  d.empty("a", { onRetry: "alerts:retry" });\n});\n`,
    });
    const diagnostics = (await compile(root, { emit: false })).diagnostics;
    expect(diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      'DW130 DAG "links" has owner link "wiki/team" for "bad"; Airflow accepts http(s) and mailto links',
      'DW304 DAG "links": callback onFailure "alerts.notify" is not "package.module:function"',
    ]);
  });

  it("refuse SLAs on Airflow 3, pointing to deadlines (DW124), and emit them for Airflow 2", async () => {
    const files = { "dags-src/s.ts": `import { dag } from "dagwright";\nexport default dag("sla", { schedule: null }, (d) => { d.empty("a", { sla: "1h" }); });\n` };
    expect(where((await compile(makeProject(files), { emit: false })).diagnostics)).toEqual(["DW124 dags-src/s.ts:2:58"]);
    const { file } = await compiled(files, "2.10");
    expect(file("airflow/sla.py")).toContain('a = EmptyOperator(task_id="a", sla=datetime.timedelta(hours=1))');
  });
});
