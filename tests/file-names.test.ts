/**
 * Every id Airflow accepts gets a file in generated/ that the file system accepts and no other
 * id shares: `.` and `..` never climb out of their folder, long ids never exceed 255 bytes.
 */
import { describe, expect, it } from "vitest";
import { fileSegment } from "../src/emit/files.js";
import { compile, makeProject } from "./helpers/project.js";

describe("generated file names", () => {
  it("are the id itself when it is a safe name", () => {
    expect(fileSegment("daily_etl")).toBe("daily_etl");
    expect(fileSegment("a.b-c")).toBe("a.b-c");
  });

  it("never climb out of their folder, and never collide", () => {
    const names = [".", "..", ".hidden", "hidden"].map(fileSegment);
    expect(names.every((name) => !name.startsWith("."))).toBe(true);
    expect(new Set(names).size).toBe(4);
    expect(fileSegment("..")).toMatch(/^[0-9a-f]{10}$/);
  });

  it("fit in a file name with their extension, and stay distinct", () => {
    const long = "x".repeat(250);
    const other = `${"x".repeat(249)}y`;
    expect(Buffer.byteLength(`${fileSegment(long)}.jsonl`)).toBeLessThanOrEqual(255);
    expect(fileSegment(long)).not.toBe(fileSegment(other));
  });

  it("keep a DAG called .. with a Spark task called manifest from overwriting the manifest", async () => {
    const root = makeProject({
      "dags-src/a.ts": `import { dag } from "dagwright";\nexport const dots = dag("..", { schedule: null }, (d) => {\n  d.spark("manifest", { application: "s3://jobs/build.py" });\n});\nexport const long = dag("${"x".repeat(250)}", { schedule: null }, (d) => {\n  d.bash("t", { command: "echo" });\n});\n`,
    });
    const result = await compile(root);
    expect(result.diagnostics).toEqual([]);
    const paths = result.files!.map((file) => file.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths.filter((file) => file === "manifest.json")).toHaveLength(1);
    expect(paths.every((file) => !file.split("/").some((part) => part === "." || part === ".." || Buffer.byteLength(part) > 255))).toBe(true);
  });
});
