# Twin of daily_at_midnight in dags-src/schedules.ts: a plain Airflow 3 DAG on "@daily".
# lines: 3.0 3.1 3.2 3.3
import pendulum

from airflow.providers.standard.operators.bash import BashOperator
from airflow.sdk import DAG

with DAG(
    dag_id="daily_at_midnight",
    schedule="@daily",
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    tags=["schedules"],
):
    BashOperator(task_id="stamp", bash_command="echo {{ logical_date }}")
