import { dag } from "dagwright";

/**
 * Airflow's own tutorial DAG (airflow.apache.org, "Fundamental Concepts"), written in dagwright:
^ * tests/airflow/twins/tutorial.py is the original, and the harness checks that Airflow parses
 * both the same. `timetable: "trigger"` gives what Airflow 3 makes of `schedule=timedelta(days=1)`.
 */
export default dag(
  "tutorial",
  {
    schedule: { every: "1d" },
    timetable: "trigger",
    startDate: "2021-01-01",
    description: "A simple tutorial DAG",
    tags: ["example"],
    defaults: { dependsOnPast: false, retries: 1, retryDelay: "5m" },
    docs: "### DAG Tutorial Documentation\nThis DAG is demonstrating an Extract -> Transform -> Load pipeline\n",
  },
  (d) => {
    const printDate = d.bash("print_date", {
      command: "date",
      doc: "#### Task Documentation\nYou can document your task using the attributes `doc_md` (markdown).\n",
    });
    const sleep = d.bash("sleep", { command: "sleep 5", dependsOnPast: false, retries: 3 });
    const templated = d.bash("templated", {
      command: '\n{% for i in range(5) %}\n    echo "{{ ds }}"\n    echo "{{ macros.ds_add(ds, 7)}}"\n{% endfor %}\n',
      dependsOnPast: false,
    });
    printDate.then([sleep, templated]);
  },
);
