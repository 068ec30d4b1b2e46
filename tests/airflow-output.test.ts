/**
 * The generated Airflow files: Python's own parser over every file, imports of Airflow only, and
 * user strings that come back exactly as Python reads them (their golden copies are in
 * golden.test.ts).
 */
import { describe, expect, it } from "vitest";
import { compile, makeProject, REPO_ROOT, source } from "./helpers/project.js";
import { python, pythonCalls } from "./helpers/python.js";

async function airflowFiles(root: string, airflow: "2.10" | "3.3") {
  const result = await compile(root, { airflow });
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return Object.fromEntries(result.files!.filter((file) => file.path.startsWith("airflow/")).map((file) => [file.path, file.contents]));
}

describe.each(["2.10", "3.3"] as const)("examples compiled for Airflow %s", async (airflow) => {
  const files = await airflowFiles(REPO_ROOT, airflow);

  it("parse with Python's own parser, as Python 3.8 syntax too", async () => {
    const checked = await python(
      `import ast, json, sys\nfiles = json.load(sys.stdin)\nfor name, text in files.items():\n    ast.parse(text, filename=name, feature_version=(3, 8))\nprint(len(files))`,
      JSON.stringify(files),
    );
    expect(Number(checked)).toBe(Object.keys(files).length);
  });

  // Besides, the kubernetes client's models for pod overrides, as Airflow's Kubernetes executor brings them, and the
  // team's operator package (python/team_ops): the class d.operator names.
  it("import only Airflow, the standard library, the Kubernetes models and the classes escape-hatch operators name", async () => {
    for (const [file, contents] of Object.entries(files)) {
      // One statement per entry, with parenthesized name lists joined onto one line.
      const statements = contents.replace(/\(\n((?:    \w+,\n)+)\)/g, (_, names: string) => names.trim().split(/,\s*/).filter(Boolean).join(", "));
      const imports = statements.split("\n").filter((line) => /^(from|import) /.test(line));
      for (const line of imports) expect(line, file).toMatch(/^(from __future__ import annotations|import datetime|import zoneinfo|from airflow[.\w]* import [\w, ]+|from kubernetes\.client import models as k8s|from team_ops\.operators import PublishOperator)$/);
    }
  });
});

describe("user strings in generated Python", () => {
  const hostile = [
    `it's "quoted" '''and''' """tripled"""`,
    "back\\slash and trailing \\",
    "new\nline and \r\n windows",
    "nul \u0000, lone \ud800 surrogate, emoji 😀, bidi \u202e",
    "jinja {{ ds }} {% if x %}y{% endif %} {# c #}",
  ];
  const joined = hostile.join(" | ");

  function hostileProject(airflow: string) {
    return makeProject(
      {
        "dags-src/hostile.ts": source`
          import { dag } from "dagwright";
          const hostile: string[] = ${JSON.stringify(hostile)};
          const joined = hostile.join(" | ");
          export default dag("hostile", {
            schedule: null,
            description: joined,
            docs: joined,
            tags: hostile.map((text) => text.slice(0, 40)),
            owner: joined,
            defaults: { pool: joined, queue: joined, email: hostile },
          }, (d) => {
            const a = d.bash("a", { command: joined, env: { [joined]: joined }, cwd: joined, doc: joined });
            const b = d.python("b", { callable: "pkg.mod:fn", kwargs: { [joined]: [joined, { nested: joined }] } });
            a.then(b);
          });
        `,
      },
      airflow,
    );
  }

  it.each(["2.10", "3.3"])("come back exactly as Python reads them (Airflow %s)", async (airflow) => {
    const result = await compile(hostileProject(airflow));
    expect(result.diagnostics).toEqual([]);
    const file = result.files!.find((f) => f.path === "airflow/hostile.py")!;
    const calls = (await pythonCalls({ [file.path]: file.contents }))[file.path]!;
    const byCallee = (name: string) => calls.find((c) => c.callee === name)!.keywords;
    const dag = byCallee("DAG");
    expect(dag.description).toBe(joined);
    expect(dag.tags).toEqual(hostile.map((text) => text.slice(0, 40)));
    expect(dag.default_args).toEqual({ owner: joined, pool: joined, queue: joined, email: hostile });
    expect(dag.doc_md).toBe(joined);
    expect(byCallee("BashOperator")).toEqual({
      task_id: "a",
      bash_command: joined,
      env: { [joined]: joined },
      append_env: true,
      cwd: joined,
      doc_md: joined,
    });
    expect(byCallee("PythonOperator")).toEqual({
      task_id: "b",
      python_callable: { "<expr>": "_Callable('pkg.mod:fn')" },
      op_kwargs: { [joined]: [joined, { nested: joined }] },
    });
  });

  it("keeps a command ending in .sh a command, and docs ending in .md text", async () => {
    const root = makeProject({
      "dags-src/ends.ts": `import { dag } from "dagwright";\nexport default dag("ends", { schedule: null, docs: "see README.md" }, (d) => { d.bash("run", { command: "scripts/run.sh" }); });\n`,
    });
    const file = (await compile(root)).files!.find((f) => f.path === "airflow/ends.py")!;
    const calls = (await pythonCalls({ f: file.contents })).f!;
    expect(calls.find((c) => c.callee === "BashOperator")!.keywords.bash_command).toBe("scripts/run.sh ");
    expect(calls.find((c) => c.callee === "DAG")!.keywords.doc_md).toBe("see README.md\n");
  });
});

describe("template overrides", () => {
  it("use the project's own template where it has one, dagwright's elsewhere", async () => {
    const root = makeProject({
      "dagwright.config.ts": `import { defineConfig } from "dagwright";\nexport default defineConfig({ airflow: "3.3", templates: "my-templates" });\n`,
      "my-templates/airflow/python_callable.py.hbs": "def _Callable(target):\n    raise RuntimeError(target)\n",
      "dags-src/p.ts": `import { dag } from "dagwright";\nexport default dag("p", { schedule: null }, (d) => { d.python("t", { callable: "a.b:c" }); });\n`,
    });
    const file = (await compile(root)).files!.find((f) => f.path === "airflow/p.py")!;
    expect(file.contents).toContain("\n\ndef _Callable(target):\n    raise RuntimeError(target)\n\n\nwith DAG(");
    expect(file.contents).toMatch(/^# Generated by dagwright /);
  });
});
