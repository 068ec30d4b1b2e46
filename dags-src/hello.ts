import { dag } from "dagwright";

/** The smallest useful DAG: one command, then a marker task. */
export default dag(
  "hello",
  {
    schedule: "@daily",
    startDate: "2026-01-01",
    owner: "data-platform",
    tags: ["example"],
    description: "Says hello once a day.",
    defaults: { retries: 1, retryDelay: "1m" },
  },
  (d) => {
    const greet = d.bash("greet", { command: "echo 'hello from dagwright, run of {{ ds }}'" });
    greet.then(d.empty("done"));
  },
);
