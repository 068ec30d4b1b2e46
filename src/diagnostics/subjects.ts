/**
 * How messages name what they are about: user text quoted and escaped, and one renderer for
 * subjects such as `task "x" of DAG "y"`, so every diagnostic says it the same way.
 */

/** User text in a message, quoted and escaped: a newline or quote in an id cannot forge output. */
export function q(text: string | undefined): string {
  return JSON.stringify(text ?? "");
}

/** An id as it is when Airflow would accept it, quoted and escaped otherwise (for paths like a -> b). */
export function bare(id: string): string {
  return /^[A-Za-z0-9_.-]+$/.test(id) ? id : q(id);
}

/** What a diagnostic is about. */
export type Subject =
  | { dag: string }
  /** A task; `as` names it by its role where the message is about that role. */
  | { dag: string; task: string; as?: "branch" | "teardown" | "Spark task" }
  | { dag: string; group: string }
  | { dag: string; param: string }
  /** The configuration itself, or one of its folders' settings. */
  | { config: string; folder?: string };

export function subject(about: Subject): string {
  if ("config" in about) return about.folder === undefined ? about.config : `folder ${q(about.folder)} in ${about.config}`;
  const dag = `DAG ${q(about.dag)}`;
  if ("task" in about) return `${about.as ?? "task"} ${q(about.task)} of ${dag}`;
  if ("group" in about) return `task group ${q(about.group)} of ${dag}`;
  if ("param" in about) return `param ${q(about.param)} of ${dag}`;
  return dag;
}

/** "1 error", "2 warnings": a count and its noun. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
