import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { DAGWRIGHT_VERSION } from "../version.js";
import type { AirflowTarget } from "../ir/schema.js";
import { EXIT, projectRoot } from "./context.js";
import { airflowOption } from "./options.js";

/** Scaffold files: where each goes, and the template it comes from. */
const SCAFFOLD: Array<[string, string]> = [
  ["dagwright.config.ts", "init/dagwright.config.ts.hbs"],
  ["dags-src/hello.ts", "init/hello.ts.hbs"],
  ["package.json", "init/package.json.hbs"],
  ["tsconfig.json", "init/tsconfig.json.hbs"],
  [".gitignore", "init/gitignore.hbs"],
];

export function registerInit(program: Command): void {
  program
    .command("init")
    .description("Create a working dagwright project in an empty folder: config, an example DAG, package.json scripts")
    .argument("[dir]", "the folder to create the project in", ".")
    .addOption(airflowOption().default("3.3"))
    .action(async (dir: string, options: { airflow: AirflowTarget }) => {
      const root = projectRoot({ root: dir });
      const present = fs.existsSync(root) ? fs.readdirSync(root).filter((entry) => entry !== ".git") : [];
      if (present.length > 0) {
        process.stderr.write(`error: ${root} is not empty (${present.slice(0, 3).join(", ")}${present.length > 3 ? ", ..." : ""}); init only writes into an empty folder\n`);
        process.exitCode = EXIT.userErrors;
        return;
      }
      const { Templates } = await import("../emit/templates.js");
      const templates = new Templates();
      const context = { airflow: options.airflow, dagwrightVersion: DAGWRIGHT_VERSION, name: path.basename(root).toLowerCase().replace(/[^a-z0-9-]/g, "-") };
      for (const [file, template] of SCAFFOLD) {
        const target = path.join(root, file);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, templates.get(template)(context));
      }
      process.stdout.write(
        `created a dagwright project in ${root}\nnext: npm install, then npx dagwright compile\n`,
      );
    });
}
