import { dag, external } from "dagwright";
import dailyEtl from "./daily_etl.js";
import hello from "./hello.js";

/**
 * Warehouse upkeep: sensors on other DAGs, files and time; a maintenance pod on Kubernetes
 * between a setup and a teardown; an HTTP call through an operator dagwright has no builder
 * for; and a run of another DAG.
 */
export default dag(
  "platform_ops",
  {
    schedule: "0 6 * * *",
    startDate: "2026-01-01",
    owner: "platform",
    tags: ["ops"],
    defaults: { retries: 1, retryDelay: "10m", onRetry: "reports.alerts:notify_failure" },
  },
  (d) => {
    const etl = d.externalTaskSensor("wait_for_etl", {
      dag: dailyEtl,
      task: "build_marts",
      executionDelta: "4h",
      mode: "reschedule",
      pokeInterval: "5m",
      timeout: "6h",
    });
    const billing = d.externalTaskSensor("wait_for_billing", { dag: external("billing_daily"), mode: "reschedule", timeout: "2h", softFail: true });
    const export_ = d.fileSensor("wait_for_export", { filepath: "/data/exports/{{ ds }}/_SUCCESS", mode: "reschedule", pokeInterval: "2m" });
    const quiet = d.timeDeltaSensor("wait_for_quiet_hours", { delta: "30m", mode: "reschedule" });
    const morning = d.dateTimeSensor("wait_until_morning", { targetTime: "{{ data_interval_end.add(hours=8) }}", mode: "reschedule" });
    const create = d.bash("create_scratch_schema", { command: "echo create schema scratch_{{ ds_nodash }}", setup: true });
    const vacuum = d.pod("vacuum_warehouse", {
      image: "postgres:16",
      cmds: ["psql"],
      args: ["-c", "VACUUM ANALYZE"],
      env: { PGHOST: "warehouse.internal", PGDATABASE: "warehouse" },
      secrets: [{ env: "PGPASSWORD", secret: "warehouse-db", key: "password" }],
      resources: { requests: { cpu: "500m", memory: "512Mi" }, limits: { cpu: "1", memory: "1Gi" } },
      namespace: "data-jobs",
      nodeSelector: { pool: "batch" },
      tolerations: [{ key: "batch", operator: "Exists", effect: "NoSchedule" }],
      envFrom: [{ configMap: "warehouse-settings", optional: true }],
      volumes: [{ name: "client-certs", secret: { secretName: "warehouse-client-certs", items: [{ key: "tls.crt", path: "client.crt" }], optional: false } }],
      volumeMounts: [{ name: "client-certs", mountPath: "/etc/postgresql-certs", readOnly: true }],
      affinity: {
        nodeAffinity: { required: [{ matchFields: [{ key: "metadata.name", operator: "NotIn", values: ["batch-node-0"] }] }] },
        podAffinity: {
          required: [{ labelSelector: { matchExpressions: [{ key: "app", operator: "In", values: ["warehouse"] }] }, topologyKey: "topology.kubernetes.io/zone", namespaces: ["warehouse"] }],
        },
      },
      serviceAccount: "warehouse-maintenance",
    });
    const drop = d.bash("drop_scratch_schema", { command: "echo drop schema scratch_{{ ds_nodash }}", teardown: { setups: [create] } });
    const ping = d.operator("ping_status_page", {
      import: "airflow.providers.http.operators.http.HttpOperator",
      args: { http_conn_id: "status_page", endpoint: "/api/heartbeat", method: "POST", data: '{"source": "platform_ops"}' },
    });
    const kick = d.triggerDag("say_hello", { dag: hello, conf: { reason: "warehouse maintained" } });
    d.chain([etl, export_], quiet, morning, create, vacuum, drop);
    drop.then([ping, kick]);
    billing.then(ping);
  },
);
