import { dag } from "dagwright";

/**
 * The task and DAG options every Airflow line has, in one place: priority weight rules, an
 * executor configuration (a Kubernetes pod override, and JSON for other executors), hooks run
 * right before and after a task's work, labelled edges, and a command's own environment.
 */
export default dag(
  "options_tour",
  {
    schedule: "@daily",
    startDate: "2026-01-01",
    owner: "data-platform",
    tags: ["example", "options"],
    description: "Every task option dagwright passes to Airflow on every line.",
    defaults: { weightRule: "upstream", retries: 1 },
  },
  (d) => {
    const heavy = d.bash("load_full", {
      command: "echo full load of {{ ds }}",
      env: { LOAD_MODE: "full", PATH: "/usr/bin:/bin" },
      appendEnv: false,
      executorConfig: {
        podOverride: {
          container: { resources: { requests: { cpu: "500m", memory: "512Mi" }, limits: { memory: "1Gi" } }, env: { MODE: "full" } },
          labels: { team: "data-platform" },
          nodeSelector: { pool: "batch" },
          tolerations: [{ key: "batch", operator: "Exists", effect: "NoSchedule" }],
        },
      },
    });
    const light = d.bash("load_increment", {
      command: "echo increment of {{ ds }}",
      env: { LOAD_MODE: "increment" },
      executorConfig: { overrides: { containerOverrides: [{ name: "worker", memory: 512 }] } },
    });
    const check = d.branch("check_source", {
      callable: "reports.branching:pick_load",
      targets: [heavy, light],
      weightRule: "absolute",
      priorityWeight: 10,
      preExecute: "reports.alerts:before_task",
      postExecute: "reports.alerts:after_task",
    });
    const done = d.empty("done", { triggerRule: "none_failed_min_one_success", weightRule: "downstream" });
    check.then(heavy, { label: "full" });
    check.then(light, { label: "increment" });
    done.after([heavy, light]);
  },
);
