/**
 * Choosing DAGs and tasks by selectors in the style of dbt's: a DAG id glob (`churn_*`),
 * `tag:ml`, `owner:ml-platform`, `folder:dags-src/ml` (a source folder), or `dag_id.task_glob`
 * for tasks; `+` before a selector adds everything upstream of what it picks, `+` after it
 * everything downstream (DAGs through the assets they write and are scheduled on, the DAGs
 * they trigger and wait for; tasks through their dependencies). Several selectors add up;
 * excluded ones are taken away last.
 */
export interface SelectableTask {
  id: string;
  upstream: readonly string[];
  config: { kind: string };
}

export interface SelectableDag {
  id: string;
  tags: readonly string[];
  owner?: string;
  /** Its module, relative to the project. */
  file: string;
  tasks: readonly SelectableTask[];
}

export interface SelectableAsset {
  /** "dag_id.task_id" of the tasks that write it. */
  writers: readonly string[];
  scheduledDags: readonly string[];
}

/** The DAGs picked, in the project's order, and for DAGs picked by task, which tasks. */
export interface Selected {
  dags: string[];
  /** Present for a DAG only some of whose tasks were picked. */
  tasks: Record<string, string[]>;
}

function globPattern(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`);
}

/** DAG-to-DAG links, downstream: writer -> scheduled on what it writes, trigger -> triggered, waited for -> waiting. */
function dagLinks(dags: readonly SelectableDag[], assets: readonly SelectableAsset[]): Map<string, Set<string>> {
  const links = new Map(dags.map((dag) => [dag.id, new Set<string>()]));
  const link = (from: string, to: string) => {
    if (from !== to && links.has(from) && links.has(to)) links.get(from)!.add(to);
  };
  for (const asset of assets) for (const writer of asset.writers) for (const scheduled of asset.scheduledDags) link(writer.slice(0, writer.indexOf(".")), scheduled);
  for (const dag of dags) {
    for (const task of dag.tasks) {
      const config = task.config as { kind: string; targetDag?: string; externalDag?: string };
      if (config.kind === "trigger_dag" && config.targetDag) link(dag.id, config.targetDag);
      if (config.kind === "external_task_sensor" && config.externalDag) link(config.externalDag, dag.id);
    }
  }
  return links;
}

function reach(start: Iterable<string>, next: (id: string) => Iterable<string>): Set<string> {
  const seen = new Set(start);
  const queue = [...seen];
  while (queue.length) {
    for (const id of next(queue.shift()!)) {
      if (seen.has(id)) continue;
      seen.add(id);
      queue.push(id);
    }
  }
  return seen;
}

/** What `selectors` pick, less what `exclude` picks; a message for a selector that is malformed or picks nothing. */
export function selectDags(dags: readonly SelectableDag[], assets: readonly SelectableAsset[], selectors: readonly string[], exclude: readonly string[] = []): Selected | { error: string } {
  const downstream = dagLinks(dags, assets);
  const upstream = new Map(dags.map((dag) => [dag.id, new Set<string>()]));
  for (const [from, tos] of downstream) for (const to of tos) upstream.get(to)!.add(from);


  /** One selector: the whole DAGs it picks, and tasks of DAGs it picks by task. */
  const pick = (selector: string): { dags: Set<string>; tasks: Map<string, Set<string>> } | string => {
    const up = selector.startsWith("+");
    const down = selector.endsWith("+") && selector.length > 1;
    const body = selector.slice(up ? 1 : 0, down ? -1 : undefined);
    if (body === "") return `empty selector ${JSON.stringify(selector)}`;
    const method = /^(tag|owner|folder|path):(.*)$/.exec(body);
    let picked: string[];
    if (method) {
      const [, kind, value] = method as unknown as [string, string, string];
      const folder = value.replace(/\/+$/, "");
      picked = dags
        .filter((dag) => (kind === "tag" ? dag.tags.some((tag) => globPattern(value).test(tag)) : kind === "owner" ? dag.owner !== undefined && globPattern(value).test(dag.owner) : dag.file === folder || dag.file.startsWith(`${folder}/`)))
        .map((dag) => dag.id);
    } else {
      picked = dags.filter((dag) => globPattern(body).test(dag.id)).map((dag) => dag.id);
      if (picked.length === 0) {
        // dag_id.task_glob: the longest DAG id before a dot.
        const owner = dags.filter((dag) => body.startsWith(`${dag.id}.`)).sort((a, b) => b.id.length - a.id.length)[0];
        if (owner) {
          const pattern = globPattern(body.slice(owner.id.length + 1));
          let tasks = new Set(owner.tasks.filter((task) => pattern.test(task.id)).map((task) => task.id));
          if (tasks.size === 0) return `no task of DAG "${owner.id}" matches ${JSON.stringify(selector)}`;
          const taskById = new Map(owner.tasks.map((task) => [task.id, task]));
          const after = new Map(owner.tasks.map((task) => [task.id, owner.tasks.filter((other) => other.upstream.includes(task.id)).map((other) => other.id)]));
          if (up) tasks = new Set([...tasks, ...reach(tasks, (id) => taskById.get(id)!.upstream)]);
          if (down) tasks = new Set([...tasks, ...reach(tasks, (id) => after.get(id)!)]);
          return { dags: new Set(), tasks: new Map([[owner.id, tasks]]) };
        }
      }
    }
    if (picked.length === 0) return `no DAG matches ${JSON.stringify(selector)}`;
    let all = new Set(picked);
    if (up) all = new Set([...all, ...reach(picked, (id) => upstream.get(id)!)]);
    if (down) all = new Set([...all, ...reach(picked, (id) => downstream.get(id)!)]);
    return { dags: all, tasks: new Map() };
  };

  const union = (list: readonly string[]) => {
    const whole = new Set<string>();
    const tasks = new Map<string, Set<string>>();
    for (const selector of list) {
      const picked = pick(selector);
      if (typeof picked === "string") return picked;
      for (const id of picked.dags) whole.add(id);
      for (const [dag, ids] of picked.tasks) tasks.set(dag, new Set([...(tasks.get(dag) ?? []), ...ids]));
    }
    return { whole, tasks };
  };
  const included = selectors.length ? union(selectors) : { whole: new Set(dags.map((dag) => dag.id)), tasks: new Map<string, Set<string>>() };
  if (typeof included === "string") return { error: included };
  const excluded = union(exclude);
  if (typeof excluded === "string") return { error: excluded };
  const result: Selected = { dags: [], tasks: {} };
  for (const dag of dags) {
    if (excluded.whole.has(dag.id)) continue;
    if (included.whole.has(dag.id)) {
      const dropped = excluded.tasks.get(dag.id);
      result.dags.push(dag.id);
      if (dropped) result.tasks[dag.id] = dag.tasks.map((task) => task.id).filter((id) => !dropped.has(id));
      continue;
    }
    const some = included.tasks.get(dag.id);
    if (!some) continue;
    const dropped = excluded.tasks.get(dag.id) ?? new Set();
    const kept = dag.tasks.map((task) => task.id).filter((id) => some.has(id) && !dropped.has(id));
    if (kept.length === 0) continue;
    result.dags.push(dag.id);
    result.tasks[dag.id] = kept;
  }

  return result;
}
