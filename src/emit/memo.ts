/**
 * Remembered output, per DAG: each back end's text for one DAG, kept under a key that hashes
 * exactly what that back end reads for it, so a compile after an edit renders only the DAGs
 * whose inputs changed. A DAG's resolved facts are a function of its IR, the project's settings
 * and the Python its tasks call (resolve reads nothing else for it), so these stand for them in
 * every key.
 */
import { sha256 } from "./files.js";
import type { ResolvedDag, ResolvedProject } from "../ir/resolved.js";
import { openLineageReads } from "./openlineage/index.js";

/** The parts of a DAG's output that are remembered: its Airflow file, its events, its manifest entry. */
export type DagPart = "airflow" | "openlineage" | "manifest";

export interface RememberedText {
  text: string;
  /** sha256 of the text (the manifest lists each file's). */
  sha256: string;
}

/** Where remembered output is kept: in memory across watch builds, on disk across processes. */
export interface DagOutputMemo {
  get(dagId: string, part: DagPart, key: string): RememberedText | undefined;
  set(dagId: string, part: DagPart, key: string, value: RememberedText): void;
}

export interface KeyInputs {
  dagwrightVersion: string;
  /** A hash of dagwright's own code, when known: a build of dagwright under the same version must not reuse another's output. */
  code?: string;
  /** Templates.fingerprint(). */
  templates: string;
  eventTime: string;
}


/** The keys of each DAG's parts, computed as needed. */
export class DagKeys {
  readonly #common: string;
  readonly #bases = new Map<ResolvedDag, string>();

  constructor(
    private readonly project: ResolvedProject,
    private readonly inputs: KeyInputs,
  ) {
    // The project's settings (target, defaults, folders, timetable, Spark and OpenLineage configuration): everything but its DAGs.
    const { dags: _dags, ...settings } = project.ir;
    this.#common = sha256(["dagwright", inputs.dagwrightVersion, inputs.code ?? "-", JSON.stringify(settings)].join("\0"));
  }

  key(dag: ResolvedDag, part: DagPart): string {
    let base = this.#bases.get(dag);
    // The Python functions its tasks call (file, line, source hash) are facts of the project's Python, not of the DAG's IR.
    if (base === undefined) this.#bases.set(dag, (base = sha256(`${this.#common}\0${JSON.stringify(dag.ir)}\0${JSON.stringify(dag.tasks.map((task) => task.python ?? null))}`)));
    switch (part) {
      case "airflow":
        return sha256(`airflow\0${base}\0${this.inputs.templates}`);
      case "openlineage":
        return sha256(`openlineage\0${base}\0${this.inputs.eventTime}\0${openLineageReads(this.project, dag)}`);
      case "manifest":
        return sha256(`manifest\0${base}`);
    }
  }
}
