import { asset, dag, param } from "dagwright";

/** What publish_profiles writes; the metadata its generator yields lands on the asset event. */
const tableProfiles = asset("file:///tmp/dagwright-inventory/profiles", { description: "Column profiles of the warehouse tables", extra: { format: "json" } });

interface TableStats {
  rows: number;
  tables: string[];
}

interface Profile {
  table: string;
  columns: number;
  sample: string;
}

/**
 * Python callables as Airflow runs them: the task context (ti, params, templates_dict), several
 * outputs and one key of them, a task mapped over an upstream output, the list of a mapped
 * task's results, an async function, a generator yielding asset metadata, and a mapped group.
 */
export default dag(
  "inventory",
  {
    schedule: "@daily",
    startDate: "2026-01-01",
    owner: "data-platform",
    tags: ["python"],
    params: { rows_per_table: param.integer({ default: 10, minimum: 1 }) },
  },
  (d) => {
    const stats = d.python<TableStats>("table_stats", {
      callable: "inventory.profiling:table_stats",
      context: ["ti", "params", "ds"],
      multipleOutputs: true,
    });
    const checked = d.python<string, { rows: number }>("check_rows", {
      callable: "inventory.profiling:check_rows",
      kwargs: { rows: stats.output.key("rows") },
      context: ["templates_dict"],
      templatesDict: { expected_rows: "{{ params.rows_per_table * 2 }}" },
    });
    const tables = d.python<string[]>("list_tables", { callable: "inventory.profiling:list_tables" });
    // One instance per table that list_tables returns; `sample` is the same for each.
    const profiles = d.python<Profile, { table: string; sample: string }, "table">("profile_table", {
      callable: "inventory.profiling:profile_table",
      kwargs: { sample: "{{ ds }}" },
      expand: { table: tables.output },
    });
    const columns = d.python<number, { profiles: Profile[] }>("summarize_profiles", {
      callable: "inventory.profiling:summarize_profiles",
      kwargs: { profiles: profiles.output },
    });
    const fresh = d.python("fetch_freshness", { callable: "inventory.profiling:fetch_freshness", kwargs: { source: "warehouse" } });
    const published = d.python<number, { columns: number }>("publish_profiles", {
      callable: "inventory.profiling:publish_profiles",
      kwargs: { columns: columns.output },
      outputs: [tableProfiles],
    });
    const regions = d.python<string[]>("list_regions", { callable: "inventory.profiling:list_regions" });
    const perRegion = d.group("per_region", { tooltip: "Extract and load each region", expand: { region: regions.output } }, (g, { region }) => {
      const extracted = g.python<number, { region: string }>("extract", { callable: "inventory.profiling:extract_region", kwargs: { region } });
      g.python<string, { region: string; rows: number; dry_run: boolean }>("load", {
        callable: "inventory.profiling:load_region",
        kwargs: { region, rows: extracted.output, dry_run: true },
        showReturnValueInLogs: false,
      });
    });
    const archived = d.python("archive", { callable: "inventory.profiling:archive", args: ["inventory", 30], doXcomPush: false, triggerRule: "all_done" });
    d.chain(stats, [checked, tables]);
    columns.then(published);
    d.chain([fresh, published, perRegion], archived);
  },
);
