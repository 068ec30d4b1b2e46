/**
 * Output is all or nothing: a compile killed while writing leaves the previous generated/
 * exactly as it was, and the next compile cleans up after it.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, makeProject, runCli, snapshotDir } from "./helpers/project.js";

function dagModule(id: string, tasks: number, command: string): string {
  return `import { dag } from "dagwright";\nexport default dag("${id}", { schedule: null }, (d) => {\n  for (let i = 0; i < ${tasks}; i++) d.bash(\`t\${i}\`, { command: "${command} " + i });\n});\n`;
}

function writeDags(root: string, count: number, command: string): void {
  for (let index = 0; index < count; index++) {
    fs.writeFileSync(path.join(root, "dags-src", `dag_${index}.ts`), dagModule(`dag_${index}`, 40, command));
  }
}

/** Start a compile and SIGKILL it `delayMs` after its staging folder appears; resolves once it is dead. */
function killWhileWriting(root: string, delayMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, "compile", "--no-typecheck", "-C", root], { stdio: "ignore" });
    let killed = false;
    const poll = setInterval(() => {
      if (fs.readdirSync(root).some((entry) => entry.startsWith(".generated.staging-"))) {
        clearInterval(poll);
        setTimeout(() => {
          killed = child.kill("SIGKILL");
        }, delayMs);
      }
    }, 1);
    child.on("exit", () => {
      clearInterval(poll);
      resolve(killed);
    });
  });
}

describe("atomic output", () => {
  it("leaves generated/ as it was when a compile is killed mid-write", async () => {
    const root = makeProject({});
    fs.mkdirSync(path.join(root, "dags-src"), { recursive: true });
    writeDags(root, 150, "echo before");
    // Type-checking is not what this tests; 150 modules of it would only slow each compile.
    expect(runCli(["compile", "--no-typecheck", "-C", root]).status).toBe(0);
    const before = snapshotDir(path.join(root, "generated"));
    writeDags(root, 150, "echo after");

    let killedMidWrite = 0;
    for (const delay of [0, 0, 2, 5, 10]) {
      const killed = await killWhileWriting(root, delay);
      const now = snapshotDir(path.join(root, "generated"));
      expect(Object.keys(now).sort()).toEqual(Object.keys(before).sort());
      if (now["airflow/dag_0.py"]!.includes("echo before")) {
        // Killed before the swap: the old output, byte for byte.
        expect(now).toEqual(before);
        if (killed) killedMidWrite++;
      } else {
        // The swap happened first: every file is new, none old.
        expect(Object.entries(now).filter(([file, text]) => file.startsWith("airflow/") && !text.includes("echo after"))).toEqual([]);
      }
    }
    expect(killedMidWrite).toBeGreaterThan(0);

    // The next compile finishes the job and removes what the killed ones left beside generated/.
    expect(runCli(["compile", "--no-typecheck", "-C", root]).status).toBe(0);
    const after = snapshotDir(path.join(root, "generated"));
    expect(after["airflow/dag_0.py"]).toContain("echo after");
    expect(fs.readdirSync(root).filter((entry) => entry.startsWith(".generated."))).toEqual([]);
  }, 120_000);

  it("restores the previous output when a compile died between its two renames", () => {
    const root = makeProject({ "dags-src/a.ts": dagModule("a", 2, "echo a") });
    expect(runCli(["compile", "-C", root]).status).toBe(0);
    const before = snapshotDir(path.join(root, "generated"));
    // What a kill between "generated -> previous" and "staging -> generated" leaves behind.
    fs.renameSync(path.join(root, "generated"), path.join(root, ".generated.previous-999999"));
    const check = runCli(["compile", "-C", root]);
    expect(check.status).toBe(0);
    expect(snapshotDir(path.join(root, "generated"))).toEqual(before);
    expect(fs.readdirSync(root).filter((entry) => entry.startsWith(".generated."))).toEqual([]);
  });

  it("keeps what users put in generated/: folders, empty folders and symlinks, with a warning each", () => {
    const root = makeProject({ "dags-src/a.ts": dagModule("a", 2, "echo a") });
    expect(runCli(["compile", "-C", root]).status).toBe(0);
    const out = path.join(root, "generated");
    fs.mkdirSync(path.join(out, "airflow", "plugins"), { recursive: true });
    fs.writeFileSync(path.join(out, "airflow", "plugins", "hooks.py"), "# ours\n");
    fs.mkdirSync(path.join(out, "airflow", "include"));
    fs.writeFileSync(path.join(root, "shared.py"), "X = 1\n");
    fs.symlinkSync("../../shared.py", path.join(out, "airflow", "shared.py"));
    fs.symlinkSync("plugins", path.join(out, "airflow", "more_plugins"));
    fs.writeFileSync(path.join(root, "dags-src", "a.ts"), dagModule("a", 2, "echo changed"));

    const run = runCli(["compile", "-C", root]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(
      [
        "airflow/include/",
        "airflow/more_plugins",
        "airflow/plugins/hooks.py",
        "airflow/shared.py",
      ].map((entry) => `warning: generated/${entry} was not written by dagwright; left as it is\n`).join(""),
    );
    expect(fs.readFileSync(path.join(out, "airflow", "a.py"), "utf8")).toContain("echo changed");
    expect(fs.readFileSync(path.join(out, "airflow", "plugins", "hooks.py"), "utf8")).toBe("# ours\n");
    expect(fs.statSync(path.join(out, "airflow", "include")).isDirectory()).toBe(true);
    expect(fs.readlinkSync(path.join(out, "airflow", "shared.py"))).toBe("../../shared.py");
    expect(fs.readlinkSync(path.join(out, "airflow", "more_plugins"))).toBe("plugins");
    expect(runCli(["compile", "--check", "-C", root]).status).toBe(0);
  });

  it("removes what the previous manifest lists, read from its own layout or, edited by hand, whole", () => {
    for (const edit of [(text: string) => text, (text: string) => JSON.stringify({ ...JSON.parse(text), note: "edited" })]) {
      const root = makeProject({ "dags-src/a.ts": dagModule("a", 2, "echo a"), "dags-src/b.ts": dagModule("b", 2, "echo b") });
      expect(runCli(["compile", "--no-typecheck", "-C", root]).status).toBe(0);
      const manifest = path.join(root, "generated", "manifest.json");
      fs.writeFileSync(manifest, edit(fs.readFileSync(manifest, "utf8")));
      fs.rmSync(path.join(root, "dags-src", "b.ts"));
      const run = runCli(["compile", "--no-typecheck", "-C", root]);
      expect(run.stdout).toMatch(/\(generated\/: 1 written, 2 removed\)\n$/); // the manifest; b.py and b.jsonl
      expect(run.stderr).toBe("");
      expect(fs.existsSync(path.join(root, "generated", "airflow", "b.py"))).toBe(false);
    }
  });
});
