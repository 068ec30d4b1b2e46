/** The datasets and models the example pipelines share, declared once. */
import { asset, metric, model } from "dagwright";

export const churnEvents = asset("file:///tmp/dagwright-churn/events", { name: "churn_events", description: "Raw customer events, one file per run" });
export const churnFeatures = asset("file:///tmp/dagwright-churn/features", { name: "churn_features", description: "Scaled model inputs" });
export const churnModel = asset("file:///tmp/dagwright-churn/registry", { name: "churn_model", description: "Published churn models" });

/** The churn model as the registry names it, and the metric that gates its publication. */
export const churnClassifier = model("churn", { registry: "file:///tmp/dagwright-churn/registry", flavour: "logistic-regression" });
export const churnAuc = metric("auc", { direction: "higher", threshold: 0.7 });
