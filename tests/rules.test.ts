/**
 * Team rules (the config's `rules`), severities (its `severity`) and suppressions (a task's or
 * DAG's `suppress`): exact codes, messages and locations, what the manifest records, and what
 * never reaches Airflow.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../src/diagnostics/index.js";
import { BIN, compile, makeProject, runCli, source } from "./helpers/project.js";

const CONFIG = (extra: string) => source`
  import { defineConfig } from "dagwright";
  export default defineConfig({
    airflow: "3.3",
    rules: ["rules/*.ts"],
    ${extra}
  });
`;

const OWNER_RULE = source`
  import { defineRule } from "dagwright";

  export const owned = defineRule({
    code: "ACME001",
    description: "every DAG has an owner",
    hint: "set owner on the DAG",
    check(project, report) {
      for (const dag of project.dags) {
        if (!dag.defaultArgs.owner) report({ dag, message: \`DAG "\${dag.id}" has no owner\` });
      }
    },
  });

  export const retried = defineRule({
    code: "ACME002",
    description: "no task retries 0 times",
    severity: "warning",
    check(project, report) {
      for (const task of project.dags.flatMap((dag) => dag.tasks)) {
        if (task.options.retries === 0) report({ task, option: "retries", message: \`task "\${task.id}" never retries\` });
      }
    },
  });
`;

const DAGS = source`
  import { dag } from "dagwright";
  export const etl = dag("etl", { schedule: "@daily", startDate: "2026-01-01" }, (d) => {
    d.bash("load", { command: "load.sh", retries: 0 });
    d.bash("report", { command: "report.sh", retries: 1 });
  });
`;

/** `code/toolCode severity file:line:col message` of each diagnostic. */
function shown(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map(
    (d) => `${d.toolCode ?? d.code} ${d.severity} ${d.location ? `${d.location.file}:${d.location.line}:${d.location.column}` : "-"} ${d.message}`,
  );
}

function project(files: Record<string, string>, configExtra = ""): string {
  return makeProject({ "dagwright.config.ts": CONFIG(configExtra), "rules/team.ts": OWNER_RULE, "dags-src/etl.ts": DAGS, ...files });
}

describe("team rules", () => {
  it("report with their own codes at the DAG, or at the option's value they name", async () => {
    const result = await compile(project({}), { emit: false });
    expect(shown(result.diagnostics)).toEqual([
      'ACME001 error dags-src/etl.ts:2:20 DAG "etl" has no owner',
      'ACME002 warning dags-src/etl.ts:3:49 task "load" never retries',
    ]);
    const [owner, retries] = result.diagnostics as [Diagnostic, Diagnostic];
    expect(owner).toMatchObject({ code: "DW015", toolCode: "ACME001", hint: "set owner on the DAG", subject: { dag: "etl" } });
    // The value's whole range, as an editor underlines it.
    expect(retries).toMatchObject({ code: "DW015", end: { line: 3, column: 50 }, subject: { dag: "etl", task: "load" } });
    // Without a hint of its own, the finding's hint names its rule's code.
    expect(retries.hint).toBe('change the DAG or task as rule ACME002 asks, or, where it does not apply, say why on it: suppress: { ACME002: "why" }');
    expect(result.policy?.rules.map((rule) => `${rule.code} ${rule.severity} ${rule.file} ${rule.description}`)).toEqual([
      "ACME001 error rules/team.ts every DAG has an owner",
      "ACME002 warning rules/team.ts no task retries 0 times",
    ]);
  });

  it("see every option after defaults, Spark jobs after profiles, and lineage", async () => {
    const root = makeProject({
      "dagwright.config.ts": CONFIG(`defaults: { owner: "data" }, folders: { ml: { retries: 3 } }, spark: { profiles: { big: { executor: { memory: "32g" } } } },`),
      "rules/spark.ts": source`
        import { defineRule } from "dagwright";
        export default defineRule({
          code: "SPARK1",
          description: "executors at most 16g",
          check(project, report) {
            for (const dag of project.dags) {
              for (const task of dag.tasks) {
                report({ task, message: \`\${dag.folder}|\${task.options.owner}|\${task.optionSources.retries}:\${task.options.retries}|\${task.spark?.job.executor.memory ?? "-"}|\${task.reads.join(",")}>\${task.writes.join(",")}\` });
              }
            }
          },
        });
      `,
      "dags-src/ml/train.ts": source`
        import { asset, dag, model } from "dagwright";
        export const train = dag("train", { schedule: null }, (d) => {
          d.spark("fit", { application: "fit.py", profile: "big", inputs: [asset("s3://lake/features")], outputs: [model("churn")] });
        });
      `,
    });
    const result = await compile(root, { emit: false });
    expect(shown(result.diagnostics.filter((d) => d.toolCode === "SPARK1"))).toEqual(["SPARK1 error dags-src/ml/train.ts:3:5 ml|data|folder:dags-src/ml:3|32g|asset:s3://lake/features>model:churn"]);
  });

  it("take the configured severity, and \"off\" silences a code", async () => {
    const warnings = await compile(project({}, `severity: { ACME001: "warning", ACME002: "off" },`), { emit: false });
    expect(shown(warnings.diagnostics)).toEqual(['ACME001 warning dags-src/etl.ts:2:20 DAG "etl" has no owner']);
    expect(warnings.policy?.rules.map((rule) => `${rule.code} ${rule.severity}`)).toEqual(["ACME001 warning", "ACME002 off"]);
  });

  it("raise a built-in warning to an error, and refuse to lower a built-in error", async () => {
    const dags = source`
      import { dag, model } from "dagwright";
      export const train = dag("train", { schedule: null, owner: "ml" }, (d) => {
        d.python("fit", { callable: "ml.fit:main", outputs: [model("churn")] });
      });
    `;
    const raised = await compile(project({ "dags-src/etl.ts": dags }, `severity: { DW504: "error" },`), { emit: false });
    expect(shown(raised.diagnostics)).toEqual(['DW504 error dags-src/etl.ts:3:5 model "churn" written by task "fit" of DAG "train" is never evaluated']);

    const lowered = await compile(project({}, `severity: { DW101: "warning" },`), { emit: false });
    expect(shown(lowered.diagnostics)).toEqual([
      "DW005 error dagwright.config.ts:5:15 invalid configuration: severity: DW101 is an error, which dagwright does not lower: dependency cycle would not compile to a DAG Airflow runs as written",
    ]);
    const unknown = await compile(project({}, `severity: { ACME009: "warning" },`), { emit: false });
    expect(shown(unknown.diagnostics)).toContain("DW016 error dagwright.config.ts:5:15 severity in dagwright.config.ts names ACME009, which no rule defines");
  });

  it("are type-checked with the DAG modules", async () => {
    const rule = source`
      import { defineRule } from "dagwright";
      export const typo = defineRule({
        code: "ACME005",
        description: "a typo",
        check(project) {
          for (const dag of project.dags) dag.taks;
        },
      });
    `;
    const result = await compile(project({ "rules/typo.ts": rule }), { emit: false, typecheck: true });
    expect(shown(result.diagnostics)).toEqual([
      "TS2551 error rules/typo.ts:6:41 Property 'taks' does not exist on type 'RuleDag'. Did you mean 'tasks'?",
    ]);
  });
});

describe("rule modules that cannot run", () => {
  it("report each problem at its line", async () => {
    const result = await compile(
      project({
        "rules/empty.ts": `export const notARule = { code: "ACME003", check() {} };\n`,
        "rules/broken.ts": source`
          import { defineRule } from "dagwright";
          export const again = defineRule({ code: "ACME001", description: "a second ACME001", check() {} });
          export const lower = defineRule({ code: "acme4", description: "lower case", check() {} });
          export const throws = defineRule({
            code: "ACME006",
            description: "throws",
            check(project) {
              throw new Error(\`cannot read \${project.dags.length} DAGs\`);
            },
          });
          export const misplaced = defineRule({
            code: "ACME007",
            description: "reports what is not a task",
            check(_project, report) {
              report({ task: { id: "ghost", dagId: "etl" } as never, message: "boo" });
            },
          });
        `,
      }),
      { emit: false },
    );
    // Modules load in path order: the first ACME001 (broken.ts's, which finds nothing) is the one that runs.
    expect(shown(result.diagnostics)).toEqual([
      'ACME002 warning dags-src/etl.ts:3:49 task "load" never retries',
      'DW016 error rules/broken.ts:3:35 rules/broken.ts defines a rule with code "acme4", which is not a team rule\'s code',
      "DW016 error rules/broken.ts:8:11 rule ACME006 of rules/broken.ts threw: Error: cannot read 1 DAGs",
      "DW016 error rules/broken.ts:15:5 rule ACME007 of rules/broken.ts reported a finding dagwright cannot place: its task is not one of the project's tasks",
      "DW016 error rules/empty.ts:1:1 rules/empty.ts exports no rule made with defineRule",
      "DW016 error rules/team.ts:4:3 rule ACME001 of rules/team.ts has the code of a rule in rules/broken.ts",
    ]);
  });

  it("refuse a pattern that matches no module, at the pattern", async () => {
    const root = makeProject({ "dagwright.config.ts": CONFIG("").replace('"rules/*.ts"', '"rules/*.ts", "policy/*.ts"'), "rules/team.ts": OWNER_RULE, "dags-src/etl.ts": DAGS });
    const result = await compile(root, { emit: false });
    expect(shown(result.diagnostics)).toEqual(['DW005 error dagwright.config.ts:4:25 invalid configuration: rules: "policy/*.ts" matches no TypeScript module']);
  });

  it("stop a rule that never returns, naming its module", async () => {
    const root = project({
      "rules/loop.ts": source`
        import { defineRule } from "dagwright";
        export const forever = defineRule({ code: "ACME008", description: "loops", check() { for (;;) {} } });
      `,
    });
    const result = await compile(root, { emit: false, evaluation: "worker", moduleTimeoutMs: 500 });
    expect(shown(result.diagnostics)).toEqual([
      'ACME001 error dags-src/etl.ts:2:20 DAG "etl" has no owner',
      'ACME002 warning dags-src/etl.ts:3:49 task "load" never retries',
      "DW006 error rules/loop.ts:2:37 rule ACME008 of rules/loop.ts did not finish its check within the time limit",
    ]);
  }, 30_000);
});

describe("suppress", () => {
  const suppressing = (options: string, dagOptions = "") => source`
    import { dag } from "dagwright";
    export const etl = dag("etl", { schedule: "@daily", startDate: "2026-01-01"${dagOptions} }, (d) => {
      d.bash("load", { command: "load.sh", retries: 0${options} });
    });
  `;

  it("silences one finding on one task with a reason, recorded in the manifest, and reaches no Airflow file", async () => {
    const root = project({
      "dags-src/etl.ts": suppressing(`, suppress: { ACME002: "idempotent only by hand" }`, `, suppress: { ACME001: "owned by whoever is on call" }`),
    });
    const result = await compile(root);
    expect(shown(result.diagnostics)).toEqual([]);
    const manifest = JSON.parse(result.files!.find((file) => file.path === "manifest.json")!.contents) as { suppressed: unknown; dags: Array<{ suppress?: unknown; tasks: Array<{ suppress?: unknown }> }> };
    expect(manifest.suppressed).toEqual([
      { code: "ACME001", dag: "etl", task: null, reason: "owned by whoever is on call", message: 'DAG "etl" has no owner', location: { file: "dags-src/etl.ts", line: 2, column: 20 } },
      { code: "ACME002", dag: "etl", task: "load", reason: "idempotent only by hand", message: 'task "load" never retries', location: { file: "dags-src/etl.ts", line: 3, column: 49 } },
    ]);
    expect(manifest.dags[0]!.suppress).toEqual({ ACME001: "owned by whoever is on call" });
    expect(manifest.dags[0]!.tasks[0]!.suppress).toEqual({ ACME002: "idempotent only by hand" });

    const plain = await compile(project({ "dags-src/etl.ts": suppressing("") }, `severity: { ACME001: "off", ACME002: "off" },`));
    const airflow = (files: typeof result.files) => files!.find((file) => file.path === "airflow/etl.py")!.contents;
    expect(airflow(result.files)).toBe(airflow(plain.files));
  });

  it("silences a built-in warning on its task", async () => {
    const root = project({
      "dags-src/etl.ts": source`
        import { dag, model } from "dagwright";
        export const train = dag("train", { schedule: null, owner: "ml" }, (d) => {
          d.python("fit", { callable: "ml.fit:main", outputs: [model("churn")], retries: 1, suppress: { DW504: "evaluated by the review board" } });
        });
      `,
    });
    const result = await compile(root, { emit: false });
    expect(shown(result.diagnostics)).toEqual([]);
    expect(result.policy?.suppressed.map((each) => `${each.code} ${each.dag}.${each.task} ${each.reason}`)).toEqual(["DW504 train.fit evaluated by the review board"]);
  });

  it("refuses a suppression without a reason, and of an error dagwright finds", async () => {
    const root = project({ "dags-src/etl.ts": suppressing(`, retryDelay: "soon" as never, suppress: { ACME002: " ", DW301: "it is fine" }`, `, owner: "data"`) });
    const result = await compile(root, { emit: false });
    expect(shown(result.diagnostics)).toEqual([
      'ACME002 warning dags-src/etl.ts:3:49 task "load" never retries',
      'DW301 error dags-src/etl.ts:3:64 task "load" of DAG "etl": retryDelay "soon" is not a duration',
      'DW017 error dags-src/etl.ts:3:102 task "load" of DAG "etl" suppresses ACME002 without a reason',
      'DW017 error dags-src/etl.ts:3:114 task "load" of DAG "etl" suppresses DW301, an error, which cannot be suppressed',
    ]);
  });

  it("warns of a suppression that silences nothing, at its entry", async () => {
    const root = project({ "dags-src/etl.ts": suppressing(`, suppress: { ACME002: "by hand", ACME001: "no owner yet" }`, `, owner: "data"`) });
    const result = await compile(root, { emit: false });
    expect(shown(result.diagnostics)).toEqual(['DW018 warning dags-src/etl.ts:3:93 task "load" of DAG "etl" suppresses ACME001, which reports nothing there']);
    expect(result.diagnostics[0]!.hint).toBe("remove ACME001 from suppress: nothing of it is found on this task");
  });
});

describe("the CLI", () => {
  it("shows team rules' findings as its own, and a new rule module makes the last compile out of date", () => {
    const root = project({ "dags-src/etl.ts": DAGS.replace('startDate: "2026-01-01"', 'startDate: "2026-01-01", owner: "data"') });
    const first = runCli(["compile", "--no-typecheck"], { cwd: root });
    expect(first.status).toBe(0);
    expect(first.stderr).toContain('dags-src/etl.ts:3:49 - warning ACME002: task "load" never retries');
    expect(runCli(["compile", "--no-typecheck", "--verbose"], { cwd: root }).stderr).toContain("up to date: nothing the last compile read has changed");
    expect(runCli(["doctor", "-C", root]).stdout).toContain("\nrules       rules/team.ts (the config's rules; compile and validate run them)\n");
    expect(runCli(["explain", "acme002"], { cwd: path.join(root, "dags-src") }).stdout).toBe(
      'ACME002: no task retries 0 times\n\nA team rule, defined in rules/team.ts; its findings are reported as warning.\nThe config\'s `severity` sets that per code; a task\'s or DAG\'s `suppress: { ACME002: "why" }` silences one finding.\n',
    );

    fs.writeFileSync(
      path.join(root, "rules", "tags.ts"),
      source`
        import { defineRule } from "dagwright";
        export const tagged = defineRule({ code: "ACME010", description: "tagged", check(project, report) { for (const dag of project.dags) if (!dag.tags.length) report({ dag, message: "no tag", option: "tags" }); } });
      `,
    );
    const second = runCli(["compile", "--no-typecheck"], { cwd: root });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain("dags-src/etl.ts:2:20 - error ACME010: no tag");
  });

  it("runs the rules again in watch mode when a rule module changes", async () => {
    const root = project({ "dags-src/etl.ts": DAGS.replace('startDate: "2026-01-01"', 'startDate: "2026-01-01", owner: "data"') });
    const child = spawn(process.execPath, [BIN, "compile", "--watch", "--no-typecheck", "-C", root], { env: { ...process.env, NO_COLOR: "1" } });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    const builds = (count: number) =>
      new Promise<void>((resolve, reject) => {
        const deadline = setTimeout(() => reject(new Error(`${count} builds not seen:\n${output}`)), 20_000);
        const check = () => ((output.match(/Watching for file changes\./g) ?? []).length >= count ? (clearTimeout(deadline), resolve()) : setTimeout(check, 25));
        check();
      });
    try {
      await builds(1);
      expect(output).toContain('warning ACME002: task "load" never retries');
      fs.writeFileSync(path.join(root, "rules", "team.ts"), OWNER_RULE.replace("never retries", "does not retry"));
      await builds(2);
      expect(output.slice(output.indexOf("File change detected"))).toContain('warning ACME002: task "load" does not retry');
    } finally {
      child.kill("SIGINT");
    }
  }, 30_000);
});
