import { dag, param, py } from "dagwright";

/** What the trigger form groups under "Scope"; shared, as DAG modules share constants. */
const scope = { section: "Scope" };
const schedule = null;

/**
 * A manual DAG with a rich trigger form (every kind of field Airflow's form draws: pickers,
 * drop-downs with labels, a multi-select, a textarea, nullable and untyped values, sections)
 * and an operator from the team's own package, given Python values JSON cannot hold.
 */
export default dag(
  "params_tour",
  {
    schedule,
    owner: "analytics",
    tags: ["example", "params"],
    description: "Publishes a report on demand, with the options the trigger form asks for.",
    params: {
      region: param.string({
        ...scope,
        default: "emea",
        enum: ["emea", "amer", "apac"],
        title: "Region",
        description: "Whose sales to publish",
        valuesDisplay: { emea: "Europe, Middle East and Africa", amer: "Americas", apac: "Asia Pacific" },
      }),
      day: param.string({ ...scope, format: "date", default: "2026-01-01", title: "Day" }),
      since: param.string({ ...scope, format: "date-time", default: "2026-01-01T00:00:00+00:00" }),
      send_at: param.string({ format: "time", default: "06:30:00", description: "When the report goes out (UTC)" }),
      top_n: param.integer({ default: 10, minimum: 1, maximum: 100, description: "How many products each report lists" }),
      size: param.integer({ default: 4, enum: [2, 4, 8], valuesDisplay: { "2": "small", "4": "medium", "8": "large" } }),
      threshold: param.number({ default: 0.25, exclusiveMinimum: 0, exclusiveMaximum: 1, multipleOf: 0.05 }),
      channels: param.array({
        default: ["#sales"],
        examples: ["#sales", "#finance", "#exec"],
        items: { type: "string", pattern: "^#" },
        minItems: 1,
        maxItems: 3,
        uniqueItems: true,
        section: "Delivery",
      }),
      recipients: param.array({ default: [{ email: "team@example.com" }], items: { type: "object" }, section: "Delivery" }),
      contact: param.string({ format: "email", default: "team@example.com", section: "Delivery" }),
      link: param.string({ format: "uri", default: "https://reports.example.com/sales", section: "Delivery" }),
      notes: param.string({ format: "multiline", nullable: true, default: null, descriptionMd: "Shown **above** the report." }),
      code: param.string({ minLength: 3, maxLength: 12, pattern: "^[A-Z0-9-]+$", default: "Q1-2026" }),
      label: param.of({ type: ["null", "string", "integer"], default: null }),
      version: param.string({ const: "v1", default: "v1" }),
      dry_run: param.boolean({ default: false, title: "Dry run" }),
      extra: param.any({ default: { format: "html" }, description: "Anything the report takes" }),
      options: param.object({ default: {}, nullable: true }),
    },
  },
  (d) => {
    d.operator("publish", {
      import: "team_ops.operators:PublishOperator",
      args: {
        channel: "{{ params.channels[0] }}",
        grace: py.timedelta("90m"),
        window: py.timedelta({ days: 1, hours: 6 }),
        report_day: py.date("2026-01-01"),
        send_at: py.time("06:30"),
        local_send_at: py.time("08:30", { tz: "Europe/Amsterdam" }),
        not_before: py.datetime("2026-01-01T00:00Z"),
        not_after: py.datetime("2026-12-31T18:00", { tz: "+01:00" }),
        check: py.callable("reports.alerts:is_publishable"),
        schedule_windows: [{ start: py.time("06:00"), length: py.timedelta("2h") }],
      },
    });
  },
);
