import { dag } from "dagwright";
import { churnAuc, churnClassifier, churnEvents, churnFeatures, churnModel } from "./lib/assets.js";

/** Where the pipeline keeps its files for one run; Airflow fills in the date at run time. */
const RUN_DIR = "/tmp/dagwright-churn/{{ ds }}";

/**
 * Churn model training: ingest raw events, check them, build features with Spark, train,
 * evaluate and publish the model only if it is good enough, then score every customer with a
 * large Spark job on Kubernetes. The Python steps are functions of the `churn` package in
 * python/, imported only when the task runs; the feature step is python/jobs/build_features.py.
 */
export default dag(
  "churn_training",
  {
    schedule: "@weekly",
    startDate: "2026-01-05",
    owner: "ml-platform",
    tags: ["ml", "churn"],
    description: "Weekly churn model training, from raw events to a published model.",
    maxActiveRuns: 1,
    defaults: { retries: 2, retryDelay: "5m", executionTimeout: "2h" },
  },
  (d) => {
    const ingest = d.python("ingest_events", {
      callable: "churn.ingest:ingest_events",
      kwargs: { run_dir: RUN_DIR, customers: 400, seed: 7 },
      outputs: [churnEvents],
      stage: "ingest",
    });
    const check = d.python("validate_events", {
      callable: "churn.quality:validate_events",
      kwargs: { run_dir: RUN_DIR, max_null_fraction: 0.01 },
      inputs: [churnEvents],
      stage: "validate",
    });
    const features = d.spark("build_features", {
      application: "python/jobs/build_features.py",
      args: ["--run-dir", RUN_DIR],
      profile: "small",
      conf: { "spark.sql.shuffle.partitions": 4, "spark.ui.enabled": false },
      inputs: [churnEvents],
      outputs: [churnFeatures],
      stage: "features",
    });
    const train = d.python("train_model", {
      callable: "churn.train:train_model",
      kwargs: { run_dir: RUN_DIR, epochs: 200, learning_rate: 0.1 },
      executionTimeout: "4h",
      pool: "ml_training",
      doc: "Fits a logistic regression on the week's features.",
      inputs: [churnFeatures],
      outputs: [churnClassifier],
      stage: "train",
    });
    const evaluate = d.python("evaluate_model", {
      callable: "churn.evaluate:evaluate_model",
      kwargs: { run_dir: RUN_DIR, min_auc: 0.7 },
      inputs: [churnClassifier, churnFeatures],
      outputs: [churnAuc],
      stage: "evaluate",
    });
    const publish = d.python("publish_model", {
      callable: "churn.publish:publish_model",
      kwargs: { run_dir: RUN_DIR, registry_dir: "/tmp/dagwright-churn/registry" },
      retries: 0,
      suppress: { ACME002: "a retry would register a second model version; a failed publish is redone by hand" },
      inputs: [churnClassifier],
      outputs: [churnModel],
      stage: "publish",
    });
    const score = d.spark("score_customers", {
      application: "local:///opt/churn/jobs/score_customers.py",
      args: ["--registry", "s3a://models/churn", "--date", "{{ ds }}"],
      profile: "large",
      inputs: [churnModel],
      stage: "predict",
      target: {
        kind: "kubernetes",
        image: "registry.example.com/churn/spark:3.5.3",
        sparkVersion: "3.5.3",
        namespace: "spark-jobs",
        serviceAccount: "spark",
      },
      doc: "Scores every customer with the published model, on the cluster's Spark operator.",
    });
    d.chain(ingest, check, features, train, evaluate, publish, score);
  },
);
