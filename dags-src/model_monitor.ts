import { dag } from "dagwright";
import { churnModel } from "./lib/assets.js";

/** Runs whenever a new churn model is published: data-aware scheduling on the model's asset. */
export default dag(
  "model_monitor",
  {
    schedule: [churnModel],
    startDate: "2026-01-01",
    owner: "ml-platform",
    tags: ["ml", "monitoring"],
    description: "Checks every newly published churn model.",
  },
  (d) => {
    d.bash("list_models", { command: "ls -1 /tmp/dagwright-churn/registry", inputs: [churnModel] }).then(
      d.bash("announce", { command: "echo 'a new churn model is published'" }),
    );
  },
);
