/**
 * What a whole compile read, gathered from the config's and every module's Dependencies: the
 * union, as one Dependencies. A compile whose reads cannot be trusted on a later run (a module
 * read the clock, one failed, two modules saw one file differ) is spoiled and gives none.
 */
import type { Dependencies } from "./modules.js";
import { compareText } from "../values/names.js";

export class Inputs {
  readonly #reads: { [K in keyof Dependencies]: Map<string, string> } = { files: new Map(), listings: new Map(), folders: new Map() };
  #spoiled = false;

  add(dependencies: Dependencies): void {
    for (const kind of ["files", "listings", "folders"] as const) {
      for (const [what, fingerprint] of Object.entries(dependencies[kind])) {
        const before = this.#reads[kind].get(what);
        if (before !== undefined && before !== fingerprint) this.#spoiled = true;
        this.#reads[kind].set(what, fingerprint);
      }
    }
  }

  spoil(): void {
    this.#spoiled = true;
  }

  /** The union, in sorted order; undefined when spoiled. */
  dependencies(): Dependencies | undefined {
    if (this.#spoiled) return undefined;
    const sorted = (reads: Map<string, string>) => Object.fromEntries([...reads].sort(([a], [b]) => compareText(a, b)));
    return { files: sorted(this.#reads.files), listings: sorted(this.#reads.listings), folders: sorted(this.#reads.folders) };
  }
}
