import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { DAGWRIGHT_VERSION } from "../version.js";
import type { AirflowTarget } from "../ir/schema.js";
import { EXIT, projectRoot } from "./context.js";
import { airflowOption } from "./options.js";

/** Scaffold files: where each goes, and the template it comes from. package.json is merged, not written, when there is one. */
const SCAFFOLD: Array<[string, string]> = [
  ["dagwright.config.ts", "init/dagwright.config.ts.hbs"],
  ["dags-src/hello.ts", "init/hello.ts.hbs"],
  ["tests/hello.test.ts", "init/hello.test.ts.hbs"],
  [".github/workflows/dagwright.yml", "init/workflow.yml.hbs"],
  ["tsconfig.json", "init/tsconfig.json.hbs"],
  [".gitignore", "init/gitignore.hbs"],
];

export function registerInit(program: Command): void {
  program
    .command("init")
    .description("Scaffold a dagwright project: config, an example DAG and its test, a CI workflow, package.json scripts (merged into an existing package.json; no file is overwritten)")
    .argument("[dir]", "the folder to create the project in", ".")
    .addOption(airflowOption().default("3.3"))
    .action(async (dir: string, options: { airflow: AirflowTarget }) => {
      const root = projectRoot({ root: dir });
      if (fs.existsSync(path.join(root, "dagwright.config.ts"))) {
        process.stderr.write(`error: ${root} already has a dagwright.config.ts; init leaves a project as it is\n`);
        process.exitCode = EXIT.userErrors;
        return;
      }
      const { Templates } = await import("../emit/templates.js");
      const templates = new Templates();
      const context = { airflow: options.airflow, dagwrightVersion: DAGWRIGHT_VERSION, name: path.basename(root).toLowerCase().replace(/[^a-z0-9-]/g, "-") };
      // package.json first: one that does not parse stops init before it writes anything.
      const manifest = path.join(root, "package.json");
      const scaffolded = templates.get("init/package.json.hbs")(context);
      const merged = fs.existsSync(manifest) ? mergePackageJson(fs.readFileSync(manifest, "utf8"), JSON.parse(scaffolded) as PackageJson) : scaffolded;
      if (typeof merged !== "string") {
        process.stderr.write(`error: ${manifest} is not JSON (${merged.problem}); init changed nothing\n`);
        process.exitCode = EXIT.userErrors;
        return;
      }
      const created: string[] = [];
      const kept: string[] = [];
      for (const [file, template] of SCAFFOLD) {
        const target = path.join(root, file);
        if (fs.existsSync(target)) {
          kept.push(file);
          continue;
        }
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, templates.get(template)(context));
        created.push(file);
      }
      created.push(fs.existsSync(manifest) ? "package.json (merged: the scripts and devDependencies it lacked)" : "package.json");
      fs.writeFileSync(manifest, merged);
      process.stdout.write(
        `created a dagwright project in ${root}\n${created.map((file) => `  wrote ${file}\n`).join("")}${kept.map((file) => `  kept ${file} as it was\n`).join("")}next: npm install, then npx dagwright compile and npm test\n`,
      );
    });
}

interface PackageJson {
  scripts?: Record<string, string>;
  devDependencies?: Record<string, string>;
  [key: string]: unknown;
}

/**
 * An existing package.json with the scaffold's scripts and devDependencies added where it has
 * none by that name (its own win), everything else and its indentation kept.
 */
export function mergePackageJson(text: string, scaffold: PackageJson): string | { problem: string } {
  let current: PackageJson;
  try {
    current = JSON.parse(text) as PackageJson;
  } catch (failure) {
    return { problem: (failure as Error).message };
  }
  const indent = /^[ \t]+(?=")/m.exec(text)?.[0] ?? "  ";
  const dependencies = { ...(current.dependencies as Record<string, string> | undefined) };
  const devDependencies = { ...current.devDependencies };
  for (const [name, version] of Object.entries(scaffold.devDependencies ?? {})) if (!(name in dependencies) && !(name in devDependencies)) devDependencies[name] = version;
  const scripts = { ...current.scripts };
  for (const [name, command] of Object.entries(scaffold.scripts ?? {})) if (!(name in scripts)) scripts[name] = command;
  // Nothing else changes: not even "type", which would change how its own .js files load.
  const merged: PackageJson = { ...current, scripts, devDependencies };
  return `${JSON.stringify(merged, null, indent)}\n`;
}
