import { dag, param } from "dagwright";

const REGIONS = ["emea", "amer", "apac"];

/**
 * Daily sales reports: task groups with their own defaults, tasks mapped over a list and over
 * an upstream task's output, a short-circuit, and a branch whose paths join again.
 */
export default dag(
  "report_builder",
  {
    schedule: "@daily",
    startDate: "2026-01-01",
    owner: "analytics",
    displayName: "Report builder",
    ownerLinks: { analytics: "https://wiki.example.com/teams/analytics" },
    tags: ["reports"],
    params: {
      top_n: param.integer({ default: 5, minimum: 1, maximum: 100, description: "How many products each report lists" }),
      audience: param.string({ default: "sales", enum: ["sales", "finance"] }),
    },
    onFailure: "reports.alerts:notify_failure",
    defaults: { retries: 1, retryDelay: "1m" },
  },
  (d) => {
    const regions = d.python("list_regions", { callable: "reports.sources:list_regions" });
    const extract = d.group("extract", { tooltip: "Pull each region's sales", defaults: { retries: 2 } }, (g) => {
      const fetch = g.bash("fetch", {
        command: "echo fetching sales of $REGION for {{ ds }}",
        expand: { env: REGIONS.map((region) => ({ REGION: region })) },
      });
      const quality = g.group("quality", { defaults: { retries: 0 } }, (q) => {
        q.bash("row_counts", { command: "echo counting rows" }).then(q.bash("freshness", { command: "echo checking freshness" }));
      });
      fetch.then(quality);
    });
    const summarize = d.python("summarize", {
      callable: "reports.sources:summarize",
      kwargs: { top_n: "{{ params.top_n }}" },
      expand: { region: REGIONS },
      displayName: "Summarize each region",
    });
    const fresh = d.shortCircuit("has_new_data", { callable: "reports.sources:has_new_data" });
    const pdf = d.bash("render_pdf", { command: "echo rendering the PDF" });
    const html = d.bash("render_html", { command: "echo rendering HTML" });
    const pick = d.branch("pick_format", {
      callable: "reports.branching:pick_format",
      kwargs: { audience: "{{ params.audience }}" },
      targets: [pdf, html],
    });
    const deliver = d.empty("deliver", { triggerRule: "none_failed_min_one_success" });
    // Typed data passing: count_products returns a number, and log_count's `count` takes one.
    const count = d.python<number>("count_products", { callable: "reports.sources:count_products", kwargs: { top_n: "{{ params.top_n }}" } });
    const logged = d.python<string, { count: number; audience: string }>("log_count", {
      callable: "reports.sources:log_count",
      kwargs: { count: count.output, audience: "{{ params.audience }}" },
    });
    // Mapped over the regions, each instance also given an upstream output.
    d.python("region_share", { callable: "reports.sources:region_share", kwargs: { count: count.output }, expand: { region: REGIONS } });
    const commands = d.python("publish_commands", { callable: "reports.sources:publish_commands" });
    const publish = d.bash("publish", { command: "echo unused", expand: { command: commands.output } });
    d.chain(regions, extract, summarize, fresh, pick, [pdf, html]);
    deliver.after([pdf, html]).then(commands).then(publish);
    deliver.then(count);
    logged.after(count);
  },
);
