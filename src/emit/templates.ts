/**
 * The handlebars templates the back ends render. A project may override any of them with a
 * file of the same relative path in its own templates folder.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";

export type Render = (context: object) => string;

const BUILT_IN_DIR = fileURLToPath(new URL("../../templates/", import.meta.url));

export class Templates {
  readonly #compiled = new Map<string, Render>();
  readonly #handlebars = Handlebars.create();

  constructor(private readonly overrideDir?: string) {
    // Comment text must stay on its line: a newline in a file name would end the comment.
    this.#handlebars.registerHelper("comment", (text: unknown) => String(text).replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, "?"));
  }

  /** The compiled template at `name` (for example "airflow/dag.py.hbs"), the project's own if it has one. */
  get(name: string): Render {
    let render = this.#compiled.get(name);
    if (!render) {
      const override = this.overrideDir ? path.join(this.overrideDir, name) : undefined;
      const file = override && fs.existsSync(override) ? override : path.join(BUILT_IN_DIR, name);
      const template = this.#handlebars.compile(fs.readFileSync(file, "utf8"), { noEscape: true, strict: true });
      render = (context) => template(context);
      this.#compiled.set(name, render);
    }
    return render;
  }
}
