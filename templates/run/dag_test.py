"""Run one DAG for real with Airflow's dag.test(), and report what happened, for `dagwright run --airflow`.

    python dag_test.py DAGS_FOLDER DAG_ID LOGICAL_DATE OUT_JSON

Needs AIRFLOW_HOME pointing at a fresh folder (dagwright makes one): the metadata database is
migrated there first. Writes {"airflow_version", "state", "tasks": {task_id or task_id[i]: state},
"import_errors", "error"} and exits 0 whenever it could write that file.
"""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
import traceback


def state_of(state):
    return None if state is None else (getattr(state, "value", None) or str(state))


def main(dags_folder: str, dag_id: str, logical_date: str, out: str) -> None:
    from importlib.metadata import version

    result = {"airflow_version": version("apache-airflow"), "state": "error", "tasks": {}, "import_errors": {}, "error": None}
    try:
        subprocess.run([sys.executable, "-m", "airflow", "db", "migrate"], check=True, stdout=sys.stderr, stderr=sys.stderr)
        import pendulum
        try:  # Airflow 3.1+
            from airflow.dag_processing.dagbag import DagBag
        except ImportError:
            from airflow.models.dagbag import DagBag
        from airflow.models.dagrun import DagRun
        from airflow.models.taskinstance import TaskInstance
        from airflow.utils.session import create_session
        from sqlalchemy import select

        # Examples are off through AIRFLOW__CORE__LOAD_EXAMPLES; older DagBags also take it as an argument.
        extra = {"include_examples": False} if "include_examples" in inspect.signature(DagBag).parameters else {}
        bag = DagBag(dag_folder=dags_folder, **extra)
        result["import_errors"] = {str(key): str(value) for key, value in bag.import_errors.items()}
        dag = bag.get_dag(dag_id)
        if dag is None:
            result["state"] = "not_found"
        else:
            date = pendulum.parse(logical_date)
            if not hasattr(date, "tzinfo"):
                date = pendulum.datetime(date.year, date.month, date.day, tz="UTC")
            # Airflow 3 names it logical_date, Airflow 2 execution_date.
            key = "logical_date" if "logical_date" in inspect.signature(dag.test).parameters else "execution_date"
            dag.test(**{key: date})
            with create_session() as session:
                run = session.scalars(select(DagRun).where(DagRun.dag_id == dag_id).order_by(DagRun.id.desc()).limit(1)).first()
                if run is not None:
                    result["state"] = state_of(run.state)
                    for ti in session.scalars(select(TaskInstance).where(TaskInstance.dag_id == dag_id, TaskInstance.run_id == run.run_id)).all():
                        name = ti.task_id if ti.map_index is None or ti.map_index < 0 else f"{ti.task_id}[{ti.map_index}]"
                        result["tasks"][name] = state_of(ti.state)
                    result["tasks"] = dict(sorted(result["tasks"].items()))
    except Exception:  # noqa: BLE001 - reported to the caller, which shows it
        result["error"] = traceback.format_exc()
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(result, handle)


if __name__ == "__main__":
    main(*sys.argv[1:5])
