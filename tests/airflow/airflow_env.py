"""What inspect_dags.py and run_dag.py share: Airflow's environment, its DagBag, their JSON output."""

from __future__ import annotations

import inspect
import json
import os
import sys
import tempfile
import traceback


def prepare_env(folder, script):
    """Environment Airflow reads at import time; must run before `import airflow`."""
    if not os.environ.get("AIRFLOW_HOME"):
        os.environ["AIRFLOW_HOME"] = tempfile.mkdtemp(prefix="dagwright-airflow-home-")
        print(f"{script}: AIRFLOW_HOME not set, using {os.environ['AIRFLOW_HOME']}", file=sys.stderr)
    os.environ["AIRFLOW__CORE__LOAD_EXAMPLES"] = "False"
    os.environ["AIRFLOW__CORE__UNIT_TEST_MODE"] = "False"
    # AF3's dag.test() re-parses the default "dags-folder" bundle, which is this setting.
    os.environ["AIRFLOW__CORE__DAGS_FOLDER"] = folder
    os.environ.setdefault("AIRFLOW__LOGGING__LOGGING_LEVEL", "WARNING")


def new_dagbag(folder):
    """A DagBag of `folder` without Airflow's examples, on every supported version."""
    try:
        from airflow.dag_processing.dagbag import DagBag  # AF 3.1+
    except ImportError:
        from airflow.models.dagbag import DagBag  # AF2, AF 3.0

    kwargs = {"dag_folder": folder}
    if "include_examples" in inspect.signature(DagBag.__init__).parameters:  # gone in AF 3.3
        kwargs["include_examples"] = False
    return DagBag(**kwargs)


def write_json(path, value, **dump_options):
    """Write `value` to `path` atomically, so a reader never sees half a document."""
    tmp = f"{path}.tmp{os.getpid()}"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(value, fh, indent=2, **dump_options)
        fh.write("\n")
    os.replace(tmp, path)


def run(main):
    """Run `main` as the script's entry point: its return value is the exit status."""
    try:
        code = main()
    except SystemExit:
        raise
    except BaseException:
        traceback.print_exc()
        code = 1
    sys.stderr.flush()
    # Skip interpreter teardown: Airflow's atexit hooks and AF3's dag.test() helper threads
    # can make it slow or noisy.
    os._exit(code)
