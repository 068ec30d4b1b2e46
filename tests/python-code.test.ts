/**
 * The project's Python, read without running it (src/python/), and the checks of what tasks
 * name of it: DW019-DW020 reading it, DW306-DW308 callables and callbacks, DW414 Spark files.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { inspectPython } from "../src/python/inspect.js";
import { Manifest } from "../src/ir/manifest.js";
import { diffManifests } from "../src/diff/compare.js";
import { compile, makeProject, source } from "./helpers/project.js";

const PYTHON = {
  "python/pkg/__init__.py": `"""The package."""\n`,
  "python/pkg/steps.py": source`
    """Steps."""
    from dataclasses import dataclass
    from typing import TypedDict

    CHANNEL = "#alerts"


    class Stats(TypedDict, total=False):
        rows: int


    @dataclass
    class Run:
        day: str
        retries: int = 2


    def train(run_dir: str, epochs: int, learning_rate: float = 0.1) -> dict[str, float]:
        """Fit the model.

        Returns metrics."""
        return {}


    def everything(a, /, b: int, *rest: str, c: bool = True, d, **options) -> None:
        pass


    def with_context(day: str, ti, params, ds=None):
        return day


    async def later(source: str) -> str:
        return source


    def on_failure(context) -> None:
        pass


    def no_arguments() -> None:
        pass


    def _private(x):
        return x
  `,
};

function project(dag: string, extra: Record<string, string> = {}): string {
  return makeProject({ ...PYTHON, ...extra, "dags-src/x.ts": `import { dag } from "dagwright";\nexport default dag("x", { schedule: null }, (d) => {\n${dag}\n});\n` });
}

function shown(diagnostics: ReadonlyArray<{ code: string; location?: { file: string; line: number; column: number }; message: string; hint?: string }>): string[] {
  return diagnostics.map((d) => `${d.code} ${d.location ? `${d.location.file}:${d.location.line}:${d.location.column}` : "-"} ${d.message} | ${d.hint}`);
}

describe("reading the project's Python", () => {
  it("extracts every function's parameters, annotations, defaults, docstring, line and source hash, and the classes", () => {
    const root = project("");
    const result = inspectPython(root, { roots: [path.join(root, "python")], interpreter: "python3" });
    expect(result.diagnostics).toEqual([]);
    const index = result.index!;
    expect(index.roots).toEqual(["python"]);
    expect(index.modules.map((module) => `${module.module} ${module.file}`)).toEqual(["pkg python/pkg/__init__.py", "pkg.steps python/pkg/steps.py"]);
    const steps = index.modules[1]!;
    expect(steps.doc).toBe("Steps.");
    expect(steps.functions.map((fn) => fn.name)).toEqual(["train", "everything", "with_context", "later", "on_failure", "no_arguments", "_private"]);
    const train = steps.functions[0]!;
    expect(train).toMatchObject({
      line: 18,
      column: 1,
      async: false,
      returns: "dict[str, float]",
      doc: "Fit the model.\n\nReturns metrics.",
      parameters: [
        { name: "run_dir", kind: "positional", annotation: "str", type: { n: "str" } },
        { name: "epochs", kind: "positional", annotation: "int" },
        { name: "learning_rate", kind: "positional", annotation: "float", default: "0.1" },
      ],
    });
    const text = fs.readFileSync(path.join(root, "python/pkg/steps.py"), "utf8").split("\n").slice(17, 22).join("\n");
    expect(train.sha256).toBe(createHash("sha256").update(text).digest("hex"));
    expect(steps.functions[1]!.parameters.map((parameter) => `${parameter.kind} ${parameter.name}${parameter.default ? `=${parameter.default}` : ""}`)).toEqual([
      "positional-only a",
      "positional b",
      "var-positional rest",
      "keyword-only c=True",
      "keyword-only d",
      "var-keyword options",
    ]);
    expect(steps.functions[3]!.async).toBe(true);
    expect(steps.classes.map((cls) => `${cls.kind} ${cls.name} ${JSON.stringify(cls.fields)} ${cls.total ?? ""}`)).toEqual([
      `typeddict Stats [{"name":"rows","annotation":"int","type":{"n":"int"},"default":false}] false`,
      `dataclass Run [{"name":"day","annotation":"str","type":{"n":"str"},"default":false},{"name":"retries","annotation":"int","type":{"n":"int"},"default":true}] `,
    ]);
    expect(steps.names).toMatchObject({ CHANNEL: "variable", Stats: "class", train: "function", dataclass: "import" });
    expect(steps.imports).toEqual({ dataclass: "dataclasses.dataclass", TypedDict: "typing.TypedDict" });
  });

  it("reports a Python that is not there as a warning with a hint, and compiles on (DW019)", async () => {
    const root = project(`  d.python("t", { callable: "pkg.steps:nope" });`, {
      "dagwright.config.ts": `import { defineConfig } from "dagwright";\nexport default defineConfig({ airflow: "3.3", python: { interpreter: "no-such-python-3" } });\n`,
    });
    const result = await compile(root);
    expect(shown(result.diagnostics)).toEqual([
      `DW019 - the Python interpreter "no-such-python-3" was not found; the project's Python is not checked and its bindings are not refreshed | install Python 3.9 or newer, or set python.interpreter in dagwright.config.ts to one (a command on PATH, or a path such as ".venv/bin/python")`,
    ]);
    expect(result.files).toBeDefined();
  });

  it("refuses a Python root that does not exist (DW005), but not the default one", async () => {
    const root = makeProject({
      "dagwright.config.ts": `import { defineConfig } from "dagwright";\nexport default defineConfig({ airflow: "3.3", python: { roots: ["src/py"] } });\n`,
      "dags-src/x.ts": `import { dag } from "dagwright";\nexport default dag("x", { schedule: null }, (d) => { d.empty("e"); });\n`,
    });
    expect(shown((await compile(root)).diagnostics)).toEqual([
      `DW005 dagwright.config.ts:2:65 invalid configuration: python.roots: "src/py" is not a folder of the project | python.roots lists the folders that hold the Python packages tasks import, relative to the config: python: { roots: ["python"] }`,
    ]);
  });

  it("points at the Python file and line of a syntax error (DW020)", async () => {
    const root = project(`  d.empty("e");`, { "python/pkg/broken.py": "def f(:\n    pass\n" });
    expect(shown((await compile(root)).diagnostics)).toEqual([
      `DW020 python/pkg/broken.py:1:7 python/pkg/broken.py is not valid Python: invalid syntax | fix the Python at this line; dagwright reads the module with Python's own parser and never runs it`,
    ]);
  });
});

describe("what tasks name of the project's Python", () => {
  it("finds a missing module or function, with did-you-mean and where the suggestion is defined (DW306)", async () => {
    const root = project(source`
      d.python("a", { callable: "pkg.step:train", kwargs: { run_dir: "r", epochs: 1 } });
      d.python("b", { callable: "pkg.steps:trian", kwargs: { run_dir: "r", epochs: 1 } });
      d.python("c", { callable: "pkg.steps:nothing_like_it" });
      d.python("d", { callable: "vendor.lib:anything", kwargs: { whatever: 1 } });
    `);
    expect(shown((await compile(root)).diagnostics)).toEqual([
      `DW306 dags-src/x.ts:3:27 task "a" of DAG "x": callable "pkg.step:train": there is no module pkg.step in the project's Python; did you mean "pkg.steps:train"? | pkg.steps:train is defined at python/pkg/steps.py:18`,
      `DW306 dags-src/x.ts:4:27 task "b" of DAG "x": callable "pkg.steps:trian": module pkg.steps has no function trian; did you mean "pkg.steps:train"? | pkg.steps:train is defined at python/pkg/steps.py:18`,
      `DW306 dags-src/x.ts:5:27 task "c" of DAG "x": callable "pkg.steps:nothing_like_it": module pkg.steps has no function nothing_like_it | pkg.steps is python/pkg/steps.py`,
    ]);
  });

  it("checks kwargs against the signature: unknown ones at the kwarg, missing ones at kwargs; context and **kwargs are not asked for (DW307)", async () => {
    const root = project(source`
      d.python("a", { callable: "pkg.steps:train", kwargs: { run_dir: "r", epochz: 1 } });
      d.python("b", { callable: "pkg.steps:with_context", kwargs: { day: "{{ ds }}" } });
      d.python("c", { callable: "pkg.steps:everything", args: [1], kwargs: { b: 2, d: 3, extra: "x" } });
      d.python("e", { callable: "pkg.steps:everything", kwargs: { a: 1, b: 2, d: 3 } });
      d.python("f", { callable: "pkg.steps:train", args: ["r"] });
    `);
    expect(shown((await compile(root)).diagnostics)).toEqual([
      `DW307 dags-src/x.ts:3:54 task "a" of DAG "x": pkg.steps:train needs 1 argument the task does not give: epochs | def train(run_dir: str, epochs: int, learning_rate: float = 0.1) -> dict[str, float] is at python/pkg/steps.py:18`,
      `DW307 dags-src/x.ts:3:78 task "a" of DAG "x": pkg.steps:train takes no keyword argument epochz; did you mean epochs? | def train(run_dir: str, epochs: int, learning_rate: float = 0.1) -> dict[str, float] is at python/pkg/steps.py:18`,
      `DW307 dags-src/x.ts:6:59 task "e" of DAG "x": pkg.steps:everything needs 1 argument the task does not give: a | def everything(a, /, b: int, *rest: str, c: bool = True, d, **options) -> None is at python/pkg/steps.py:25`,
      `DW307 dags-src/x.ts:6:64 task "e" of DAG "x": pkg.steps:everything takes no keyword argument a | def everything(a, /, b: int, *rest: str, c: bool = True, d, **options) -> None is at python/pkg/steps.py:25`,
      `DW307 dags-src/x.ts:7:27 task "f" of DAG "x": pkg.steps:train needs 1 argument the task does not give: epochs | def train(run_dir: str, epochs: int, learning_rate: float = 0.1) -> dict[str, float] is at python/pkg/steps.py:18`,
    ]);
  });

  it("refuses a callable that is a variable, a callback that is a class or takes no context (DW308)", async () => {
    const root = project(source`
      d.python("a", { callable: "pkg.steps:CHANNEL" });
      d.empty("b", { onFailure: "pkg.steps:Stats" });
      d.empty("c", { onFailure: "pkg.steps:no_arguments", onSuccess: "pkg.steps:on_failure", postExecute: "pkg.steps:on_failure" });
    `);
    expect(shown((await compile(root)).diagnostics)).toEqual([
      `DW308 dags-src/x.ts:3:27 task "a" of DAG "x": callable "pkg.steps:CHANNEL" names a variable, not a function | CHANNEL is at python/pkg/steps.py`,
      `DW308 dags-src/x.ts:4:27 task "b" of DAG "x": callback onFailure "pkg.steps:Stats" names a class, not a function | Stats is at python/pkg/steps.py:8`,
      `DW308 dags-src/x.ts:5:27 task "c" of DAG "x": callback onFailure "pkg.steps:no_arguments" takes fewer than 1 positional argument, but Airflow calls it with the context | no_arguments is at python/pkg/steps.py:41`,
      `DW308 dags-src/x.ts:5:101 task "c" of DAG "x": callback postExecute "pkg.steps:on_failure" takes fewer than 2 positional arguments, but Airflow calls it with the context and the result | on_failure is at python/pkg/steps.py:37`,
    ]);
  });

  it("finds the Spark job's local files that are not in the project, and leaves URLs alone (DW414)", async () => {
    const root = project(
      source`
      d.spark("s", { application: "jobs/missing.py", pyFiles: ["jobs/lib.zip", "s3a://bucket/dep.zip"], files: ["local:///opt/conf.yaml"] });
      d.spark("k", { application: "jobs/there.py" });
    `,
      { "jobs/there.py": "print(1)\n" },
    );
    expect(shown((await compile(root)).diagnostics)).toEqual([
      `DW414 dags-src/x.ts:3:29 Spark task "s" of DAG "x": application "jobs/missing.py" does not exist in the project | paths without a scheme are read from the project root; write local://, s3a:// or hdfs:// for a file that lives elsewhere`,
      `DW414 dags-src/x.ts:3:58 Spark task "s" of DAG "x": pyFiles "jobs/lib.zip" does not exist in the project | paths without a scheme are read from the project root; write local://, s3a:// or hdfs:// for a file that lives elsewhere`,
    ]);
  });
});

describe("the manifest", () => {
  it("records the Python file, function, line and source hash of each task that calls the project's Python, and nothing for others", async () => {
    const root = project(source`
      d.python("a", { callable: "pkg.steps:train", kwargs: { run_dir: "r", epochs: 1 } });
      d.python("b", { callable: "vendor.lib:anything" });
    `);
    const result = await compile(root);
    const manifest = Manifest.parse(JSON.parse(result.files!.find((file) => file.path === "manifest.json")!.contents));
    const [a, b] = manifest.dags[0]!.tasks;
    const text = fs.readFileSync(path.join(root, "python/pkg/steps.py"), "utf8").split("\n").slice(17, 22).join("\n");
    expect(a!.python).toEqual({ module: "pkg.steps", function: "train", file: "python/pkg/steps.py", line: 18, sha256: createHash("sha256").update(text).digest("hex") });
    expect(b!.python).toBeUndefined();
    // A manifest from before the field parses as it did.
    const older = JSON.parse(JSON.stringify(manifest));
    delete older.dags[0].tasks[0].python;
    expect(Manifest.safeParse(older).success).toBe(true);
  });
});

describe("diff", () => {
  it("reports a task whose Python function changed, and not one whose function only moved in its file", async () => {
    const root = project(`  d.python("a", { callable: "pkg.steps:train", kwargs: { run_dir: "r", epochs: 1 } });`);
    const manifestOf = async () => Manifest.parse(JSON.parse((await compile(root)).files!.find((file) => file.path === "manifest.json")!.contents));
    const before = await manifestOf();
    const steps = path.join(root, "python/pkg/steps.py");
    const text = fs.readFileSync(steps, "utf8");
    fs.writeFileSync(steps, text.replace('CHANNEL = "#alerts"', '# moved down\nCHANNEL = "#alerts"'));
    const moved = await manifestOf();
    expect(moved.dags[0]!.tasks[0]!.python!.line).toBe(19);
    expect(diffManifests(before, moved, { now: new Date(0) }).dags).toEqual([]);
    fs.writeFileSync(steps, text.replace("return {}", "return {'auc': 0.5}"));
    const changed = diffManifests(before, await manifestOf(), { now: new Date(0) });
    expect(changed.dags[0]!.tasks.map((task) => `${task.id} ${task.status} ${task.changes.map((change) => change.field).join(",")}`)).toEqual(["a changed python"]);
  });
});
