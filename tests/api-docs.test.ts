/** The API's reference docs: TypeDoc builds them from the JSDoc of dagwright/api and dagwright/testing, warnings as errors (a broken {@link} fails). */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./helpers/project.js";

describe("the API reference", () => {
  it("builds with TypeDoc, every entry point and export in it", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "dagwright-typedoc-"));
    const run = spawnSync(process.execPath, [path.join(REPO_ROOT, "node_modules", "typedoc", "bin", "typedoc"), "--out", out], { cwd: REPO_ROOT, encoding: "utf8" });
    expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
    const pages = fs.readdirSync(out, { recursive: true, encoding: "utf8" });
    for (const page of ["modules/api.html", "modules/testing.html", "functions/api.compile.html", "functions/api.validate.html", "functions/testing.plan.html", "variables/testing.dagwrightMatchers.html", "interfaces/testing.TaskPlan.html"]) {
      expect(pages, page).toContain(page);
    }
    expect(fs.readFileSync(path.join(out, "functions/testing.plan.html"), "utf8")).toContain("compiled with its project");
  });
});
