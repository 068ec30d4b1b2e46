import { dag } from "dagwright";
import { churnFeatures } from "./lib/assets.js";

/** Runs whenever the churn pipeline writes new features: a consumer scheduled on the features asset. */
export default dag(
  "feature_drift",
  {
    schedule: [churnFeatures],
    startDate: "2026-01-01",
    owner: "ml-platform",
    tags: ["ml", "monitoring"],
    description: "Compares each new batch of churn features with the batch before it.",
  },
  (d) => {
    d.python("compare_batches", {
      callable: "churn.drift:compare_latest_batches",
      kwargs: { root: "/tmp/dagwright-churn", tolerance: 0.5 },
      inputs: [churnFeatures],
      stage: "validate",
      doc: "Names the features whose scale moved by more than half since the previous run.",
    });
  },
);
