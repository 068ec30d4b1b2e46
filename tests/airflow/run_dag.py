#!/usr/bin/env python3
"""Run one DAG for real, in-process, like `airflow dags test`, and report the task states as JSON.

Usage (with an Airflow venv's python, see tests/airflow/venvs.mjs):

    AIRFLOW_HOME=$(mktemp -d) .cache/venvs/airflow-3/bin/python tests/airflow/run_dag.py \\
        DAGS_FOLDER DAG_ID LOGICAL_DATE --out FILE [--conf JSON] [--mark-success-pattern REGEX] \\
        [--db-template DIR] [--skip-migrate] [--openlineage]

Steps: `airflow db migrate` (a subprocess; or copy a cached sqlite DB from --db-template DIR),
load DAGS_FOLDER with DagBag, `dag.test(...)` (AF2: execution_date=, AF3: logical_date=), then read
the DagRun and its TaskInstances back from the metadata DB and write:

    {"airflow_version": "3.3.2", "dag_id": "...", "run_id": "...", "logical_date": "...",
     "state": "success" | "failed" | ... | "not_found" | "error",
     "tasks": {"<task_id>" (or "<task_id>[<map_index>]"): "<final state or null>"},
     "try_numbers": {"<task_id>": int}, "error": null | "<traceback or message>",
     "import_errors": {...}, "db_setup": "migrated" | "template" | "skipped",
     "seconds": {"migrate": float, "import": float, "parse": float, "run": float},
     "openlineage": {"provider_version": "2.20.3", "events": [...]}   (with --openlineage only)}

With --openlineage, Airflow's OpenLineage provider (apache-airflow-providers-openlineage) sends
every event to a local file through openlineage-python's FileTransport, and "events" lists them
as emitted. Task events are sent synchronously; the DAG run's final event goes through the
listener's process pool, which is drained before the file is read. The job namespace is the
provider's: "default" unless AIRFLOW__OPENLINEAGE__NAMESPACE is set. dag.test() creates its run
already running, so there is no DAG-level START event, only the final COMPLETE or FAIL.

Exit status 0 whenever the JSON was written, also when the run failed or the DAG was not found
(the JSON says so); non-zero only if this script itself broke. Use a fresh AIRFLOW_HOME per run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
import traceback

from airflow_env import new_dagbag, prepare_env, run, write_json


def default_sqlite_path():
    conn = os.environ.get("AIRFLOW__DATABASE__SQL_ALCHEMY_CONN") or os.environ.get(
        "AIRFLOW__CORE__SQL_ALCHEMY_CONN"
    )
    if conn:
        return None  # caller chose a database: no template copying
    return os.path.join(os.environ["AIRFLOW_HOME"], "airflow.db")


def airflow_version_without_import():
    from importlib.metadata import version

    return version("apache-airflow")


def migrate(template_dir):
    """Run `airflow db migrate` in a subprocess, or copy a previously migrated sqlite file."""
    db_path = default_sqlite_path()
    template = None
    if template_dir and db_path:
        template = os.path.join(template_dir, f"airflow-{airflow_version_without_import()}.db")
        if os.path.exists(template) and not os.path.exists(db_path):
            shutil.copyfile(template, db_path)
            return "template"
    cmd = [sys.executable, "-m", "airflow", "db", "migrate"]
    proc = subprocess.run(cmd, stdout=sys.stderr, stderr=sys.stderr, env=os.environ.copy())
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed with exit code {proc.returncode}")
    if template:
        os.makedirs(template_dir, exist_ok=True)
        tmp = f"{template}.tmp{os.getpid()}"
        shutil.copyfile(db_path, tmp)
        os.replace(tmp, template)
    return "migrated"


def parse_date(text):
    import pendulum

    value = pendulum.parse(text)
    if not hasattr(value, "tzinfo"):  # a pendulum Date: midnight UTC
        value = pendulum.datetime(value.year, value.month, value.day, tz="UTC")
    return value


def state_str(state):
    if state is None:
        return None
    return getattr(state, "value", None) or str(state)


def run_test(dag, logical_date, conf, mark_success_pattern):
    import inspect

    params = inspect.signature(dag.test).parameters
    kwargs = {}
    if "logical_date" in params:  # AF3
        kwargs["logical_date"] = logical_date
    else:  # AF2
        kwargs["execution_date"] = logical_date
    if conf is not None:
        kwargs["run_conf"] = conf
    if mark_success_pattern is not None:
        if "mark_success_pattern" not in params:
            raise RuntimeError("this Airflow's dag.test() has no mark_success_pattern")
        kwargs["mark_success_pattern"] = mark_success_pattern
    return dag.test(**kwargs)


def read_back(dag_id, run_id):
    """Read the run and its task instances from the metadata DB (run_id None: latest run)."""
    from airflow.models.dagrun import DagRun
    from airflow.models.taskinstance import TaskInstance
    from airflow.utils.session import create_session
    from sqlalchemy import select

    with create_session() as session:
        query = select(DagRun).where(DagRun.dag_id == dag_id)
        if run_id is not None:
            query = query.where(DagRun.run_id == run_id)
        dr = session.scalars(query.order_by(DagRun.id.desc()).limit(1)).first()
        if dr is None:
            return None
        tis = session.scalars(
            select(TaskInstance).where(TaskInstance.dag_id == dag_id, TaskInstance.run_id == dr.run_id)
        ).all()
        tasks, tries = {}, {}
        for ti in sorted(tis, key=lambda t: (t.task_id, t.map_index)):
            key = ti.task_id if ti.map_index is None or ti.map_index < 0 else f"{ti.task_id}[{ti.map_index}]"
            tasks[key] = state_str(ti.state)
            tries[key] = ti.try_number
        logical = getattr(dr, "logical_date", None) or getattr(dr, "execution_date", None)
        return {
            "run_id": dr.run_id,
            "logical_date": logical.isoformat() if logical is not None else None,
            "state": state_str(dr.state),
            "tasks": tasks,
            "try_numbers": tries,
            "asset_events": asset_events(session, dag_id, dr.run_id),
        }


def asset_events(session, dag_id, run_id):
    """The asset (Airflow 2: dataset) events a run recorded: "task_id uri [extra as JSON]" per event, sorted."""
    from sqlalchemy import select

    try:
        from airflow.models.asset import AssetEvent as Event  # AF3

        uri_of = lambda event: event.asset.uri  # noqa: E731
    except ImportError:
        from airflow.models.dataset import DatasetEvent as Event  # AF2

        uri_of = lambda event: event.dataset.uri  # noqa: E731
    events = session.scalars(
        select(Event).where(Event.source_dag_id == dag_id, Event.source_run_id == run_id)
    ).all()
    def describe(event):
        # The metadata a task yielded for the asset, when there is any.
        extra = json.dumps(event.extra, sort_keys=True) if event.extra else ""
        return f"{event.source_task_id} {uri_of(event)}" + (f" {extra}" if extra else "")

    return sorted(describe(event) for event in events)


def enable_openlineage(path):
    """Point the provider at a local file, overriding any other OpenLineage setup; before `import airflow`."""
    for key in list(os.environ):
        if key.startswith(("OPENLINEAGE_DISABLED", "OPENLINEAGE_URL", "OPENLINEAGE_CONFIG", "OPENLINEAGE__")):
            del os.environ[key]
    os.environ["AIRFLOW__OPENLINEAGE__DISABLED"] = "False"
    os.environ["AIRFLOW__OPENLINEAGE__CONFIG_PATH"] = ""
    os.environ["AIRFLOW__OPENLINEAGE__TRANSPORT"] = json.dumps(
        {"type": "file", "log_file_path": path, "append": True}
    )


def openlineage_events(path):
    """Wait for events still queued in the listener's process pool, then read every event sent."""
    from importlib.metadata import version

    from airflow.listeners.listener import get_listener_manager

    get_listener_manager().hook.before_stopping(component=sys.modules[__name__])
    events = []
    if os.path.exists(path):
        with open(path, encoding="utf-8") as fh:
            events = [json.loads(line) for line in fh if line.strip()]
    return {"provider_version": version("apache-airflow-providers-openlineage"), "events": events}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dags_folder")
    parser.add_argument("dag_id")
    parser.add_argument(
        "logical_date",
        help="ISO 8601 date or datetime, e.g. 2024-06-01 or 2024-06-01T02:30:00+00:00",
    )
    parser.add_argument("--out", required=True, help="write the JSON result here")
    parser.add_argument("--conf", help="JSON object passed as the run's conf")
    parser.add_argument(
        "--mark-success-pattern",
        help="regex of task_ids to mark success instead of running",
    )
    parser.add_argument(
        "--db-template",
        help="directory caching a migrated sqlite DB per Airflow version",
    )
    parser.add_argument("--skip-migrate", action="store_true", help="the database is already migrated")
    parser.add_argument(
        "--openlineage", action="store_true", help="capture the OpenLineage provider's events"
    )
    args = parser.parse_args(argv)

    folder = os.path.abspath(args.dags_folder)
    if not os.path.isdir(folder):
        parser.error(f"not a directory: {folder}")
    conf = json.loads(args.conf) if args.conf else None

    sys.stdout.flush()
    os.dup2(2, 1)  # Airflow and task logs go to stdout on some versions: keep them all on stderr
    sys.stdout = sys.stderr

    prepare_env(folder, "run_dag")
    events_file = os.path.join(os.environ["AIRFLOW_HOME"], "openlineage-events.jsonl")
    if args.openlineage:
        enable_openlineage(events_file)
    result = {
        "airflow_version": airflow_version_without_import(),
        "dag_id": args.dag_id,
        "run_id": None,
        "logical_date": None,
        "state": None,
        "tasks": {},
        "try_numbers": {},
        "error": None,
        "import_errors": {},
        "seconds": {},
    }

    t0 = time.perf_counter()
    result["db_setup"] = "skipped" if args.skip_migrate else migrate(args.db_template)
    result["seconds"]["migrate"] = round(time.perf_counter() - t0, 3)

    t0 = time.perf_counter()
    import airflow  # noqa: F401  (timed separately: it is most of the fixed cost)

    logical_date = parse_date(args.logical_date)
    result["seconds"]["import"] = round(time.perf_counter() - t0, 3)
    t0 = time.perf_counter()
    bag = new_dagbag(folder)
    result["import_errors"] = {
        os.path.relpath(k, folder) if os.path.isabs(k) else k: str(v)
        for k, v in sorted(bag.import_errors.items())
    }
    dag = bag.dags.get(args.dag_id)
    result["seconds"]["parse"] = round(time.perf_counter() - t0, 3)

    if dag is None:
        result["state"] = "not_found"
        result["error"] = f"DAG {args.dag_id!r} not found in {folder} (found: {sorted(bag.dags)})"
    else:
        t0 = time.perf_counter()
        run_id = None
        try:
            dr = run_test(dag, logical_date, conf, args.mark_success_pattern)
            run_id = getattr(dr, "run_id", None)
        except Exception:
            result["error"] = traceback.format_exc()
            print(result["error"], file=sys.stderr)
        result["seconds"]["run"] = round(time.perf_counter() - t0, 3)
        if args.openlineage:
            result["openlineage"] = openlineage_events(events_file)
        back = read_back(args.dag_id, run_id)
        if back is None:
            result["state"] = "error"
            result["error"] = result["error"] or "dag.test() created no DagRun"
        else:
            result.update(back)

    write_json(args.out, result)
    return 0


if __name__ == "__main__":
    run(main)
