import { dag } from "dagwright";
import { churnAuc, churnClassifier, churnEvents, churnFeatures, churnModel } from "./lib/assets.js";
// Typed bindings of python/churn/, written by `dagwright bind` (and kept current by compile).
import { churn } from "./.python/churn.js";

/** Where the pipeline keeps its files for one run; Airflow fills in the date at run time. */
const RUN_DIR = "/tmp/dagwright-churn/{{ ds }}";

/**
 * Churn model training: ingest raw events, check them, build features with Spark, train (and a
 * deep model on one GPU, in a pod on the cluster), evaluate and publish the model only if it is
 * good enough, then score every customer with a large Spark job on Kubernetes. The Python steps
 * are the `churn` package's in python/, imported only when the task runs; they are called
 * through its bindings, so TypeScript checks each task's kwargs against the function's signature.
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
      callable: churn.ingest.ingest_events,
      kwargs: { run_dir: RUN_DIR, customers: 400, seed: 7 },
      outputs: [churnEvents],
      stage: "ingest",
    });
    const check = d.python("validate_events", {
      callable: churn.quality.validate_events,
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
      callable: churn.train.train_model,
      kwargs: { run_dir: RUN_DIR, epochs: 200, learning_rate: 0.1 },
      executionTimeout: "4h",
      pool: "ml_training",
      doc: "Fits a logistic regression on the week's features.",
      inputs: [churnFeatures],
      outputs: [churnClassifier],
      stage: "train",
    });
    const trainDeep = d.pod("train_deep_model", {
      image: "registry.example.com/churn/train-gpu:1.4.0",
      imagePullSecrets: ["registry-credentials"],
      cmds: ["python", "-m", "churn_deep.train"],
      args: ["--features", "/data/features/{{ ds }}", "--out", "/models/churn-deep/{{ ds }}"],
      namespace: "ml",
      serviceAccount: "trainer",
      env: { EPOCHS: "30", TORCH_HOME: "/scratch/torch" },
      configMapKeys: [{ env: "MLFLOW_TRACKING_URI", configMap: "mlflow", key: "tracking_uri" }],
      envFrom: [{ secret: "wandb", prefix: "WANDB_" }],
      resources: {
        requests: { cpu: "4", memory: "24Gi", "ephemeral-storage": "20Gi" },
        limits: { memory: "24Gi", "nvidia.com/gpu": "1" },
      },
      volumes: [
        { name: "data", persistentVolumeClaim: { claimName: "churn-data", readOnly: true } },
        { name: "models", persistentVolumeClaim: { claimName: "churn-models" } },
        { name: "config", configMap: { name: "churn-train-config", items: [{ key: "deep.yaml", path: "train.yaml" }] } },
        { name: "dshm", emptyDir: { medium: "Memory", sizeLimit: "8Gi" } },
        { name: "scratch", emptyDir: {} },
      ],
      volumeMounts: [
        { name: "data", mountPath: "/data", readOnly: true },
        { name: "models", mountPath: "/models", subPath: "churn" },
        { name: "config", mountPath: "/etc/churn", readOnly: true },
        { name: "dshm", mountPath: "/dev/shm" },
        { name: "scratch", mountPath: "/scratch" },
      ],
      initContainers: [
        {
          name: "fetch-weights",
          image: "amazon/aws-cli:2.17.0",
          args: ["s3", "cp", "s3://models/churn-deep/pretrained.pt", "/scratch/pretrained.pt"],
          env: { AWS_REGION: "eu-west-1" },
          volumeMounts: [{ name: "scratch", mountPath: "/scratch" }],
          resources: { requests: { cpu: "250m", memory: "256Mi" }, limits: { memory: "256Mi" } },
        },
      ],
      nodeSelector: { "nvidia.com/gpu.present": "true" },
      affinity: {
        nodeAffinity: {
          required: [{ matchExpressions: [{ key: "nvidia.com/gpu.product", operator: "In", values: ["NVIDIA-A100-SXM4-80GB", "NVIDIA-H100-80GB-HBM3"] }] }],
          preferred: [{ weight: 20, preference: { matchExpressions: [{ key: "cloud.google.com/gke-spot", operator: "DoesNotExist" }] } }],
        },
        podAntiAffinity: {
          preferred: [{ weight: 50, podAffinityTerm: { labelSelector: { matchLabels: { app: "churn-train" } }, topologyKey: "kubernetes.io/hostname" } }],
        },
      },
      tolerations: [{ key: "nvidia.com/gpu", operator: "Exists", effect: "NoSchedule" }],
      executionTimeout: "6h",
      retries: 1,
      inputs: [churnFeatures],
      stage: "train",
      doc: "Trains the deep churn model on one GPU of the cluster, beside the logistic regression.",
    });
    const evaluate = d.python("evaluate_model", {
      callable: churn.evaluate.evaluate_model,
      kwargs: { run_dir: RUN_DIR, min_auc: 0.7 },
      inputs: [churnClassifier, churnFeatures],
      outputs: [churnAuc],
      stage: "evaluate",
    });
    const publish = d.python("publish_model", {
      callable: churn.publish.publish_model,
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
    features.then(trainDeep);
  },
);
