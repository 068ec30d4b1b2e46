/**
 * The typed bindings of the project's Python (src/python/bindings.ts): the type mapping, the
 * TypeScript errors they give at the kwarg, the task's `.output` type, staleness under --check,
 * and a signature changed in a scratch copy of the examples failing the compile at the call.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bindingFiles } from "../src/python/bindings.js";
import { inspectPython } from "../src/python/inspect.js";
import { compile, makeProject, REPO_ROOT, runCli, source } from "./helpers/project.js";

/** Python annotation -> the TypeScript type its binding gives. */
const MAPPING: ReadonlyArray<readonly [string, string]> = [
  ["int", "number"],
  ["float", "number"],
  ["str", "string"],
  ["bool", "boolean"],
  ["None", "null"],
  ["Optional[int]", "number | null"],
  ["int | None", "number | null"],
  ["Union[int, str]", "number | string"],
  ["list[str]", "readonly string[]"],
  ["List[int | None]", "readonly (number | null)[]"],
  ["list", "readonly unknown[]"],
  ["Sequence[float]", "readonly number[]"],
  ["set[str]", "readonly string[]"],
  ["tuple[int, str]", "readonly [number, string]"],
  ["tuple[int, ...]", "readonly number[]"],
  ["dict[str, float]", "Record<string, number>"],
  ["Dict[str, list[int]]", "Record<string, readonly number[]>"],
  ["dict", "Record<string, unknown>"],
  ["Mapping[str, str]", "Record<string, string>"],
  ['Literal["a", "b", 1, True]', '"a" | "b" | 1 | true'],
  ["Literal[-1]", "-1"],
  ["Annotated[int, 'meta']", "number"],
  ['"Stats"', "Stats"],
  ["Stats", "Stats"],
  ["Run", "Run"],
  ["Color", "Color"],
  ["Model", "Model"],
  ["models.Model", "Model"],
  ["Other", "unknown"],
  ["Any", "unknown"],
  ["object", "unknown"],
  ["Callable[[int], str]", "unknown"],
  ["Plain", "unknown"],
];

const TYPES_MODULE = source`
  from dataclasses import dataclass
  from enum import Enum
  from typing import Annotated, Any, Callable, Dict, List, Literal, Mapping, NotRequired, Optional, Sequence, TypedDict, Union

  from pydantic import BaseModel

  from . import models
  from .models import Model


  class Stats(TypedDict, total=False):
      rows: int
      name: str


  class Strict(TypedDict):
      rows: int
      note: NotRequired[str]


  @dataclass
  class Run:
      day: str
      retries: int = 2


  class Color(Enum):
      RED = "red"
      GREEN = "green"


  class Plain:
      x: int
`;

function typesProject(): string {
  const functions = MAPPING.map(([annotation], index) => `def f${index}(x: ${annotation}) -> None:\n    pass\n`).join("\n\n");
  return makeProject({
    "python/pkg/__init__.py": "",
    "python/pkg/types.py": `${TYPES_MODULE}\n\n${functions}\n\ndef strict(s: Strict) -> Run:\n    pass\n`,
    "python/pkg/models.py": "from pydantic import BaseModel\n\n\nclass Model(BaseModel):\n    score: float\n    label: str | None = None\n",
  });
}

describe("the type mapping of the bindings", () => {
  const root = typesProject();
  const { index, diagnostics } = inspectPython(root, { roots: [path.join(root, "python")], interpreter: "python3" });
  const file = bindingFiles(index!).find((candidate) => candidate.path === "pkg.ts")!.contents;

  it("reads every annotation", () => expect(diagnostics).toEqual([]));

  it.each(MAPPING.map(([python, typescript], index) => ({ python, typescript, index })))("maps $python to $typescript", ({ typescript, index }) => {
    const match = new RegExp(`f${index}: pythonFunction<\\{\\n(?:.*\\n)*?\\s+x: (.*);\\n`).exec(file);
    expect(match?.[1]).toBe(typescript);
  });

  it("declares TypedDicts, dataclasses, pydantic models and Enums the functions use, optional fields as Python makes them", () => {
    expect(file).toContain("export interface Stats {\n  rows?: number;\n  name?: string;\n}");
    expect(file).toContain("export interface Strict {\n  rows: number;\n  note?: string;\n}");
    expect(file).toContain("export interface Run {\n  day: string;\n  retries?: number;\n}");
    expect(file).toContain('export type Color = "red" | "green";');
    expect(file).toContain("export interface Model {\n  score: number;\n  label?: string | null;\n}");
    expect(file).toContain("strict: pythonFunction<{\n      /** `s: Strict` */\n      s: Strict;\n    }, Run>(\"pkg.types:strict\"),");
  });

  it("notes what became unknown in the hover text, and writes the same bytes every time", () => {
    expect(file).toContain("unknown: Plain is a plain class, which has no JSON form.");
    expect(file).toContain("unknown: Other is not a type dagwright knows.");
    expect(bindingFiles(index!)).toEqual(bindingFiles(index!));
  });
});

const PYTHON = {
  "python/ml/__init__.py": "",
  "python/ml/train.py": source`
    """Training."""


    def fit(run_dir: str, epochs: int, rate: float = 0.1, *, ti=None) -> dict[str, float]:
        """Fit the model; returns its metrics."""
        return {}


    def report(names: list[str], **context) -> str:
        return ""
  `,
};

function dagProject(body: string): string {
  return makeProject({
    ...PYTHON,
    "dags-src/x.ts": `import { dag } from "dagwright";\nimport { ml } from "./.python/ml.js";\nexport default dag("x", { schedule: null }, (d) => {\n${body}\n});\n`,
  });
}

/** The whole messages of the last typeErrors call. */
let missing: string[] = [];

async function typeErrors(root: string): Promise<string[]> {
  const { diagnostics } = await compile(root, { emit: false, typecheck: true, bindings: "write" });
  missing = diagnostics.map((d) => d.message);
  return diagnostics.map((d) => `${d.toolCode ?? d.code} ${d.location?.file}:${d.location?.line}:${d.location?.column} ${d.message.split("\n")[0]}`);
}

describe("bound functions in d.python", () => {
  it("type-check: an unknown kwarg, a wrong type and a missing parameter are errors at the kwarg; the return type is the output's", async () => {
    const root = dagProject(source`
      const a = d.python("a", { callable: ml.train.fit, kwargs: { run_dir: "r", epochz: 1 } });
      d.python("b", { callable: ml.train.fit, kwargs: { run_dir: "r", epochs: "ten" } });
      d.python("c", { callable: ml.train.fit, kwargs: { run_dir: "r" } });
      d.python("d", { callable: ml.train.fit });
      d.python("e", { callable: ml.train.report, kwargs: { names: a.output } });
      d.python("f", { callable: ml.train.report, kwargs: { names: ["x"], anything: 1 } });
      d.python("g", { callable: "ml.train:fit", kwargs: { run_dir: "r", epochs: 2 } });
    `);
    const errors = await typeErrors(root);
    expect(errors).toEqual([
      `TS2561 dags-src/x.ts:4:75 Object literal may only specify known properties, but 'epochz' does not exist in type 'PythonKwargs<{ run_dir: string; epochs: number; rate?: number | undefined; }> & Partial<PythonKwargs<Pick<{ run_dir: string; epochs: number; rate?: number | undefined; }, never>>>'. Did you mean to write 'epochs'?`,
      `TS2322 dags-src/x.ts:5:65 Type 'string' is not assignable to type 'number | GroupArgumentRef<number> | TaskOutputRef<number>'.`,
      `TS2322 dags-src/x.ts:6:41 Type '{ run_dir: string; }' is not assignable to type 'PythonKwargs<{ run_dir: string; epochs: number; rate?: number | undefined; }> & Partial<PythonKwargs<Pick<{ run_dir: string; epochs: number; rate?: number | undefined; }, never>>>'.`,
      `TS2345 dags-src/x.ts:7:15 Argument of type '{ callable: PythonFunction<{ run_dir: string; epochs: number; rate?: number; }, Record<string, number>>; }' is not assignable to parameter of type 'PythonTaskOptions<{ run_dir: string; epochs: number; rate?: number | undefined; }, never, Record<string, number>> & { kwargs: unknown; }'.`,
      `TS2322 dags-src/x.ts:8:54 Type 'TaskOutput<Record<string, number>>' is not assignable to type 'GroupArgumentRef<readonly string[]> | readonly string[] | TaskOutputRef<readonly string[]>'.`,
    ]);
  });

  it("say which parameter is missing", () => {
    expect(missing[2]).toContain("Property 'epochs' is missing");
  });

  it("compile to the same DAG file as the string form", async () => {
    const bound = dagProject(`  d.python("t", { callable: ml.train.fit, kwargs: { run_dir: "r", epochs: 2 } });`);
    const written = dagProject(`  d.python("t", { callable: "ml.train:fit", kwargs: { run_dir: "r", epochs: 2 } });`);
    const dagFile = async (root: string) => (await compile(root, { typecheck: true, bindings: "write" })).files!.find((file) => file.path === "airflow/x.py")!.contents;
    expect(await dagFile(bound)).toBe(await dagFile(written));
  });
});

describe("bound functions in other Python kinds", () => {
  it("are taken by branch, shortCircuit and pythonSensor as their string, and checked as the string is (DW307)", async () => {
    const root = dagProject(source`
      const s = d.shortCircuit("s", { callable: ml.train.report, kwargs: { names: ["a"] } });
      const p = d.pythonSensor("p", { callable: ml.train.fit, kwargs: { run_dir: "r" } });
      const e = d.empty("e");
      s.then(p).then(d.branch("b", { callable: ml.train.report, targets: [e] })).then(e);
    `);
    const result = await compile(root, { typecheck: true, bindings: "write" });
    // DW165 is the sensor's own import warning on Airflow 3.3.
    expect(result.diagnostics.filter((d) => d.code !== "DW165").map((d) => `${d.code} ${d.location?.line}:${d.location?.column} ${d.message}`)).toEqual([
      `DW307 5:65 task "p" of DAG "x": ml.train:fit needs 1 argument the task does not give: epochs`,
      `DW307 7:42 task "b" of DAG "x": ml.train:report needs 1 argument the task does not give: names`,
    ]);
  });
});

describe("dagwright bind and compile --check", () => {
  it("writes the bindings, reports them stale after a Python change under --check, and refreshes them on compile", () => {
    const root = dagProject(`  d.python("t", { callable: ml.train.fit, kwargs: { run_dir: "r", epochs: 2 } });`);
    const bound = runCli(["bind"], { cwd: root });
    expect(bound.status, bound.stderr).toBe(0);
    expect(bound.stdout).toMatch(/^bound 2 functions of 2 Python modules into dags-src\/\.python\/ \(2 written, 0 removed\) in \d+\.\d\ds\n$/);
    expect(fs.readdirSync(path.join(root, "dags-src/.python")).sort()).toEqual(["index.ts", "ml.ts"]);
    expect(runCli(["compile"], { cwd: root }).status).toBe(0);
    expect(runCli(["compile", "--check"], { cwd: root }).status).toBe(0);

    fs.appendFileSync(path.join(root, "python/ml/train.py"), "\n\ndef extra(n: int) -> int:\n    return n\n");
    const check = runCli(["compile", "--check"], { cwd: root });
    expect(check.status).toBe(1);
    expect(check.stderr).toContain("dags-src/.python/ml.ts:1:1 - error DW008: dags-src/.python/ml.ts differs from what compile would write");
    const bindCheck = runCli(["bind", "--check"], { cwd: root });
    expect(bindCheck.status).toBe(1);
    expect(bindCheck.stderr).toContain("error DW008: dags-src/.python/ml.ts differs from what compile would write");
    expect(fs.readFileSync(path.join(root, "dags-src/.python/ml.ts"), "utf8")).not.toContain("extra");

    expect(runCli(["compile"], { cwd: root }).status).toBe(0);
    expect(fs.readFileSync(path.join(root, "dags-src/.python/ml.ts"), "utf8")).toContain('extra: pythonFunction<{\n      /** `n: int` */\n      n: number;\n    }, number>("ml.train:extra"),');
    expect(runCli(["compile", "--check"], { cwd: root }).status).toBe(0);
  });
});

describe("a Python signature changed under the examples", () => {
  it("fails the compile at the TypeScript call that passes the old name, and passes once reverted", () => {
    // Inside the repository, so `dagwright` resolves as it does for the examples; .cache/ is git-ignored and not there on a clean clone.
    fs.mkdirSync(path.join(REPO_ROOT, ".cache"), { recursive: true });
    const scratch = fs.mkdtempSync(path.join(REPO_ROOT, ".cache", "rename-"));
    try {
      for (const item of ["dagwright.config.ts", "dags-src", "python", "rules"]) fs.cpSync(path.join(REPO_ROOT, item), path.join(scratch, item), { recursive: true });
      const train = path.join(scratch, "python/churn/train.py");
      const original = fs.readFileSync(train, "utf8");
      fs.writeFileSync(train, original.replace("def train_model(run_dir: str, epochs: int,", "def train_model(run_dir: str, n_epochs: int,").replace("range(epochs)", "range(n_epochs)"));
      const failed = runCli(["compile", "--no-cache"], { cwd: scratch });
      expect(failed.status).toBe(1);
      expect(failed.stderr).toContain("dags-src/churn_training.ts:51:35 - error TS2561: Object literal may only specify known properties, but 'epochs' does not exist in type");
      expect(failed.stderr).toContain("Did you mean to write 'n_epochs'?");
      expect(fs.existsSync(path.join(scratch, "generated"))).toBe(false);

      fs.writeFileSync(train, original);
      const passed = runCli(["compile", "--no-cache"], { cwd: scratch });
      expect(passed.status, passed.stderr).toBe(0);
      expect(fs.readFileSync(path.join(scratch, "dags-src/.python/churn.ts"), "utf8")).toBe(fs.readFileSync(path.join(REPO_ROOT, "dags-src/.python/churn.ts"), "utf8"));
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });
});

describe("dagwright bind without Python", () => {
  it("says there is nothing to bind, and fails with DW019 when the interpreter is missing", () => {
    const empty = makeProject({});
    const none = runCli(["bind"], { cwd: empty });
    expect([none.status, none.stdout]).toEqual([0, "no Python to bind: the project has no python/ folder and its config names no python.roots\n"]);
    const missing = makeProject({
      ...PYTHON,
      "dagwright.config.ts": `import { defineConfig } from "dagwright";\nexport default defineConfig({ airflow: "3.3", python: { interpreter: "no-such-python-3" } });\n`,
    });
    const run = runCli(["bind"], { cwd: missing });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`warning DW019: the Python interpreter "no-such-python-3" was not found`);
    expect(fs.existsSync(path.join(missing, "dags-src/.python"))).toBe(false);
  });
});

describe("bindings of awkward names", () => {
  it("keep a class named like a TypeScript type, a package named index and a reserved word apart", async () => {
    const root = makeProject({
      "dags-src/x.ts": `import { dag } from "dagwright";\nimport * as py from "./.python/index.js";\nexport default dag("x", { schedule: null }, (d) => {\n  const a = d.python("a", { callable: py.index.run });\n  d.python("b", { callable: py.delete_.run, kwargs: { r: { n: 1 } } }).after(a);\n});\n`,
      "python/index/__init__.py": "def run() -> None:\n    pass\n",
      "python/delete/__init__.py": "from typing import TypedDict\n\n\nclass Record(TypedDict):\n    n: int\n\n\ndef run(r: Record) -> dict[str, Record]:\n    pass\n",
    });
    const { index } = inspectPython(root, { roots: [path.join(root, "python")], interpreter: "python3" });
    const files = bindingFiles(index!);
    expect(files.map((file) => file.path)).toEqual(["delete.ts", "index.ts", "index_.ts"]);
    expect(files[1]!.contents).toContain('export { delete_ } from "./delete.js";\nexport { index } from "./index_.js";\n');
    expect(files[0]!.contents).toContain("export interface delete_Record {\n  n: number;\n}");
    expect(files[0]!.contents).toContain("}, Record<string, delete_Record>>(\"delete:run\"),");
    expect(files[0]!.contents).toContain("export const delete_ = {");
    const compiled = await compile(root, { typecheck: true, bindings: "write" });
    expect(compiled.diagnostics).toEqual([]);
    expect(compiled.files!.find((file) => file.path === "airflow/x.py")!.contents).toContain('python_callable=_Callable("delete:run")');
  });
});
