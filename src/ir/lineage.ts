/**
 * The shapes of the project's lineage, as resolve computes it and the manifest publishes it:
 * which tasks write and read each asset and model, which DAGs an asset schedules, and each
 * dataset's name as OpenLineage spells it (namespace and name), so a lineage backend can join
 * these design-time facts with run-time events.
 */

/** A dataset as OpenLineage names it. */
export interface OpenLineageName {
  namespace: string;
  name: string;
}

export interface AssetLineage {
  uri: string;
  name?: string;
  description?: string;
  external: boolean;
  /** OpenLineage's dataset namespace and name for the URI. */
  openLineage: OpenLineageName;
  /** "dag_id.task_id" of every task that writes it. */
  writers: string[];
  /** "dag_id.task_id" of every task that reads it. */
  readers: string[];
  /** DAGs scheduled on it. */
  scheduledDags: string[];
}

export interface ModelLineage {
  name: string;
  registry?: string;
  flavour?: string;
  /** The model as an OpenLineage dataset. */
  openLineage: OpenLineageName;
  writers: string[];
  readers: string[];
}

export interface MetricLineage {
  name: string;
  direction: "higher" | "lower";
  threshold?: number;
  reporters: string[];
}

/** A node of the lineage graph: "task:<dag>.<task>", "dag:<id>", "asset:<uri>", "model:<name>" or "metric:<name>". */
export type LineageNode = string;

/**
 * How two nodes connect, always pointing downstream: a task writes an asset or model and reads
 * one, reports a metric, precedes the tasks that depend on it; an asset schedules the DAGs
 * waiting for it, and a DAG starts its first tasks.
 */
export const LINEAGE_RELATIONS = ["writes", "reads", "reports", "precedes", "schedules", "starts"] as const;
export type LineageRelation = (typeof LINEAGE_RELATIONS)[number];

/** The kinds of lineage nodes, each the prefix of its nodes' ids. */
export const LINEAGE_NODE_KINDS = ["dag", "task", "asset", "model", "metric"] as const;
export type LineageNodeKind = (typeof LINEAGE_NODE_KINDS)[number];

export interface LineageEdge {
  from: LineageNode;
  to: LineageNode;
  relation: LineageRelation;
}

/** The whole project's lineage. */
export interface ProjectLineage {
  assets: AssetLineage[];
  models: ModelLineage[];
  metrics: MetricLineage[];
  /** Every node, in first-seen order. */
  nodes: LineageNode[];
  /** Downstream edges, each once. */
  edges: LineageEdge[];
}
