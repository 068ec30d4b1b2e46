/** The names a generated file imports, rendered as sorted import lines from the target's capabilities. */
import type { Capabilities, PythonName } from "../../capabilities/index.js";
import { compareText } from "../../values/names.js";
import { LINE_LENGTH } from "../python/layout.js";

export class Imports {
  readonly #names = new Set<PythonName>();
  /** Classes of other operators (the escape hatch), by module: module -> class names. */
  readonly #others = new Map<string, Set<string>>();
  #kubernetes = false;
  /** Standard-library modules imported whole (`import datetime`). */
  readonly #stdlib = new Set<string>();

  constructor(private readonly capabilities: Capabilities) {}

  /** Marks a name as used; returns what it is called on the target's line. */
  use(name: PythonName): string {
    this.#names.add(name);
    return this.#import(name).name;
  }

  /** Validation refuses what the target lacks (DW140), so a missing name here is dagwright's bug. */
  #import(name: PythonName) {
    const found = this.capabilities.imports[name];
    if (!found) throw new Error(`${name} does not exist on Airflow ${this.capabilities.target}`);
    return found;
  }

  /**
   * A class by its import path ("package.module:Class" or "package.module.Class"), for operators
   * and triggers dagwright has no builder for; returns its name.
   */
  useClass(importPath: string): string {
    const colon = importPath.indexOf(":");
    const dot = colon >= 0 ? colon : importPath.lastIndexOf(".");
    const module = importPath.slice(0, dot);
    const name = importPath.slice(dot + 1);
    this.#others.set(module, (this.#others.get(module) ?? new Set()).add(name));
    return name;
  }

  /** The kubernetes client's models, as real DAGs import them for pod overrides: `from kubernetes.client import models as k8s`. */
  kubernetesModels(): string {
    this.#kubernetes = true;
    return "k8s";
  }

  /** Marks the standard `datetime` module as used; returns its name. */
  datetime(): string {
    return this.stdlib("datetime");
  }

  /** Marks a standard-library module (`datetime`, `zoneinfo`) as imported whole; returns its name. */
  stdlib(module: "datetime" | "zoneinfo"): string {
    this.#stdlib.add(module);
    return module;
  }

  /** Groups of import lines (the standard library's, then the others), each sorted, as isort would order them. */
  lines(): string[][] {
    const byModule = new Map<string, string[]>();
    for (const name of this.#names) {
      const { module, name: local } = this.#import(name);
      byModule.set(module, [...(byModule.get(module) ?? []), local]);
    }
    for (const [module, names] of this.#others) {
      byModule.set(module, [...new Set([...(byModule.get(module) ?? []), ...names])]);
    }
    const lines: Array<[string, string]> = [...byModule].map(([module, names]) => [module, fromImport(module, names.sort(byType))]);
    if (this.#kubernetes) lines.push(["kubernetes.client", "from kubernetes.client import models as k8s"]);
    const airflow = lines.sort(([a], [b]) => compareText(a, b)).map(([, line]) => line);
    const stdlib = [...this.#stdlib].sort(compareText).map((module) => `import ${module}`);
    return [stdlib, airflow].filter((group) => group.length > 0);
  }
}

/** One import statement; too long for a line, it lists the names one per line, as ruff and isort do. */
function fromImport(module: string, names: string[]): string {
  const line = `from ${module} import ${names.join(", ")}`;
  return line.length <= LINE_LENGTH ? line : `from ${module} import (\n${names.map((name) => `    ${name},\n`).join("")})`;
}

/** isort's "order by type": CONSTANTS, then Classes, then functions, each alphabetical. */
function byType(a: string, b: string): number {
  const rank = (name: string) => (name === name.toUpperCase() ? 0 : /^[A-Z]/.test(name) ? 1 : 2);
  return rank(a) - rank(b) || compareText(a, b);
}
