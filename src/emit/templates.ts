/**
 * The handlebars templates the back ends render. A project may override any of them with a
 * file of the same relative path in its own templates folder.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";

export type Render = (context: object) => string;

/** A project's own template that does not parse, or names a value the back end does not give it. */
export class TemplateError extends Error {
  constructor(
    /** The override's path, as given (absolute). */
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly problem: string,
  ) {
    super(`${file}:${line}:${column}: ${problem}`);
  }
}

const BUILT_IN_DIR = fileURLToPath(new URL("../../templates/", import.meta.url));

export class Templates {
  readonly #compiled = new Map<string, Render>();
  readonly #handlebars = Handlebars.create();

  constructor(private readonly overrideDir?: string) {
    // Comment text must stay on its line: a newline in a file name would end the comment.
    this.#handlebars.registerHelper("comment", (text: unknown) => String(text).replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, "?"));
  }

  /**
   * A hash of every template a render could read (the built-in ones and the project's own), for
   * the keys of remembered output: an override added, changed or removed changes it.
   */
  fingerprint(): string {
    const hash = createHash("sha256");
    for (const [label, dir] of [["built-in", BUILT_IN_DIR], ["own", this.overrideDir]] as const) {
      hash.update(`${label}\0`);
      if (dir !== undefined) for (const [name, contents] of filesUnder(dir)) hash.update(`${name}\0${contents.length}\0`).update(contents);
    }
    return hash.digest("hex");
  }

  /** The compiled template at `name` (for example "airflow/dag.py.hbs"), the project's own if it has one. */
  get(name: string): Render {
    let render = this.#compiled.get(name);
    if (!render) {
      const override = this.overrideDir ? path.join(this.overrideDir, name) : undefined;
      const own = override !== undefined && fs.existsSync(override);
      const file = own ? override : path.join(BUILT_IN_DIR, name);
      const template = this.#handlebars.compile(fs.readFileSync(file, "utf8"), { noEscape: true, strict: true });
      // Handlebars parses lazily, on the first render: both kinds of mistake surface there.
      render = own
        ? (context) => {
            try {
              return template(context);
            } catch (thrown) {
              throw templateError(file, thrown);
            }
          }
        : (context) => template(context);
      this.#compiled.set(name, render);
    }
    return render;
  }
}

/** Every file under `dir` (its path relative to `dir`) with its bytes, in a fixed order; none when it cannot be read. */
function filesUnder(dir: string): Array<[string, Buffer]> {
  let names: string[];
  try {
    names = fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();
  } catch {
    return [];
  }
  return names.flatMap((name): Array<[string, Buffer]> => {
    try {
      return [[name, fs.readFileSync(path.join(dir, name))]];
    } catch {
      return []; // a folder
    }
  });
}

/** Where in the template Handlebars says the problem is: "Parse error on line 3" or "... - 3:7". */
function templateError(file: string, thrown: unknown): TemplateError {
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  const parse = /Parse error on line (\d+):\n(.*)\n(-*)\^\n(.*)/.exec(message);
  if (parse) {
    // The caret sits under Handlebars' excerpt of the line, which may be cut: keep it on the line.
    const line = Number(parse[1]);
    const length = (fs.readFileSync(file, "utf8").split("\n")[line - 1] ?? "").length;
    return new TemplateError(file, line, Math.min(parse[3]!.length + 1, length + 1), parse[4]!.trim());
  }
  const strict = /^"?(.+?)"? not defined in .* - (\d+):(\d+)$/.exec(message);
  if (strict) return new TemplateError(file, Number(strict[2]), Number(strict[3]) + 1, `${JSON.stringify(strict[1])} is not a value this template is given`);
  return new TemplateError(file, 1, 1, message.split("\n")[0]!);
}
