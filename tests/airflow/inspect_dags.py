#!/usr/bin/env python3
"""Load a DAG folder with a real Airflow DagBag and dump what Airflow sees as JSON.

Usage (with an Airflow venv's python, see tests/airflow/venvs.mjs):

    AIRFLOW_HOME=$(mktemp -d) .cache/venvs/airflow-3/bin/python \\
        tests/airflow/inspect_dags.py DAGS_FOLDER [--out FILE]

Works the same on Airflow 2.10 and 3.x. The JSON document goes to --out FILE if given, otherwise to
stdout; everything else (Airflow logs, prints of DAG files) goes to stderr, so stdout stays pure JSON.
Exit status: 0 when the document was written (even with import errors), 2 on bad usage, 1 if the
script itself failed before it could write anything.

Document shape (keys are stable; values that cannot be read become "<error: ...>"):

    {"airflow_version": "3.3.2",
     "dags_folder": "/abs/path",
     "import_errors": {"<file relative to dags folder>": "<traceback>"},
     "warnings": {"<file>": ["<file>:<line>: <Category>: <message>", ...]},
     "parse_seconds": {"<file>": 0.012},
     "dags": {"<dag_id>": {
         "file": "<relative fileloc>",
         "schedule": {"type": "<timetable class>", "expression": "<cron>" | null,
                      "interval_seconds": float | null, "timezone": "<tz>" | null, "summary": "..."},
         "timezone": "<dag timezone>", "start_date": "<ISO 8601 with offset>" | null, "end_date": ...,
         "catchup": bool, "tags": [sorted], "description": ..., "doc_md": ...,
         "max_active_runs": int, "max_active_tasks": int, "dagrun_timeout_seconds": float | null,
         "owner": "<sorted, comma-joined task owners>", "default_args": {...},
         "params": {"<name>": {"value": ..., "description": ..., "schema": {...}}},
         "tasks": {"<task_id>": {"operator": "<module>.<Class>", "upstream": [...], "downstream": [...],
                   "trigger_rule": "all_success", "retries": int, "retry_delay_seconds": float, ...,
                   "task_group": "<group id>" | null, "fields": {...},
                   "arguments": {<the operator's constructor keyword arguments but task_id>}}}}}}

Dates are converted to ISO strings, timedeltas to seconds, sets to sorted lists, enums to their values,
callables to "module.qualname", and anything else not JSON-serialisable to its repr().
"""

from __future__ import annotations

import argparse
import datetime as _dt
import enum
import json
import math
import os
import re
import sys
import time
import warnings

from airflow_env import new_dagbag, prepare_env, run, write_json

MAX_DEPTH = 12

# DagBag imports DAG files as modules named "unusual_prefix_<sha1 of path>_<file stem>".
_DAG_MODULE_PREFIX = re.compile(r"^unusual_prefix_[0-9a-f]+_")


def module_name(name):
    """Module name with DagBag's path-dependent prefix removed (stable across temp dirs)."""
    return _DAG_MODULE_PREFIX.sub("", str(name))


# Operator-specific fields. Subclasses (e.g. BranchPythonOperator) match through their MRO.
# Other operators get every attribute named in their template_fields.
SPECIFIC_FIELDS = {
    "BashOperator": ("bash_command", "env", "append_env", "cwd"),
    "PythonOperator": (
        "python_callable",
        "op_args",
        "op_kwargs",
        "templates_dict",
        "template_ext",
        "multiple_outputs",
        "show_return_value_in_logs",
    ),
    # Before PythonOperator in their MRO, so their own arguments are reported.
    "ExternalPythonOperator": ("python", "op_args", "op_kwargs", "templates_dict", "expect_airflow"),
    "PythonVirtualenvOperator": (
        "requirements",
        "python_version",
        "system_site_packages",
        "pip_install_options",
        "index_urls",
        "venv_cache_path",
        "op_args",
        "op_kwargs",
        "expect_airflow",
    ),
    "ExternalTaskSensor": (
        "external_dag_id",
        "external_task_id",
        "external_task_ids",
        "external_task_group_id",
        "allowed_states",
        "failed_states",
        "skipped_states",
    ),
    "ExternalTaskMarker": ("external_dag_id", "external_task_id", "recursion_depth"),
    "PythonSensor": ("python_callable", "op_args", "op_kwargs", "templates_dict"),
    "BashSensor": ("bash_command", "env", "output_encoding", "retry_exit_code"),
    "DayOfWeekSensor": ("week_day", "use_task_logical_date"),
    "BranchDateTimeOperator": (
        "target_lower",
        "target_upper",
        "follow_task_ids_if_true",
        "follow_task_ids_if_false",
        "use_task_logical_date",
    ),
    "BranchDayOfWeekOperator": ("week_day", "follow_task_ids_if_true", "follow_task_ids_if_false", "use_task_logical_date"),
    "EmailOperator": ("to", "subject", "html_content", "files", "cc", "bcc", "mime_subtype", "mime_charset"),
}

# What KubernetesPodOperator builds the pod from, reported as the Kubernetes API's JSON (see
# kubernetes_json). The class itself only: its subclasses (SparkKubernetesOperator) report their
# template fields.
POD_FIELDS = (
    "image",
    "cmds",
    "arguments",
    "namespace",
    "env_vars",
    "env_from",
    "container_resources",
    "volumes",
    "volume_mounts",
    "node_selector",
    "affinity",
    "tolerations",
    "init_containers",
    "image_pull_secrets",
    "service_account_name",
    "kubernetes_conn_id",
)

# KubernetesPodOperator keeps these as None or as [] when they are not given, by provider version.
KUBERNETES_LISTS = (
    "env_vars",
    "env_from",
    "volumes",
    "volume_mounts",
    "tolerations",
    "init_containers",
    "image_pull_secrets",
)


def jsonable(value, depth=0):
    """Convert `value` to something json.dumps accepts, deterministically."""
    if depth > MAX_DEPTH:
        return repr(value)
    if value is None or isinstance(value, (bool, int, str)):
        return value
    kind = type(value).__name__
    if "XComArg" in kind and getattr(value, "operator", None) is not None:
        # An upstream task's output, resolved when the task runs: named by its task.
        key = getattr(value, "key", "return_value")
        return {"output": value.operator.task_id, **({} if key in (None, "return_value") else {"key": key})}
    if kind == "MapXComArg":
        # An output transformed item by item: the output, and the names of the functions.
        names = [c if isinstance(c, str) else getattr(c, "__name__", repr(c)) for c in value.callables]
        return {"map": jsonable(value.arg, depth + 1), "with": names}
    if kind == "ConcatXComArg":
        return {"concat": [jsonable(arg, depth + 1) for arg in value.args]}
    if kind == "MappedArgument":
        # An argument of the mapped task group around the task.
        return {"group_argument": getattr(value, "_key", None)}
    if kind == "_Callable" and isinstance(getattr(value, "target", None), str):
        # dagwright's lazily imported callable: named by its target, never imported here.
        keywords = list(getattr(value, "keywords", ()))
        context = list(getattr(value, "context", ()))
        return {"callable": value.target, **({"keywords": keywords} if keywords else {}), **({"context": context} if context else {})}
    if isinstance(value, float):
        return value if math.isfinite(value) else repr(value)
    if isinstance(value, enum.Enum):
        return jsonable(value.value, depth + 1)
    if isinstance(value, _dt.timedelta):
        return value.total_seconds()
    if isinstance(value, (_dt.datetime, _dt.date, _dt.time)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): jsonable(v, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v, depth + 1) for v in value]
    if isinstance(value, (set, frozenset)):
        items = [jsonable(v, depth + 1) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True))
    tz_name = _tz_name(value)
    if tz_name is not None:
        return tz_name
    if callable(value) and hasattr(value, "__qualname__"):
        return f"{module_name(getattr(value, '__module__', '?'))}.{value.__qualname__}"
    to_dict = getattr(value, "to_dict", None)  # kubernetes client models, etc.
    if callable(to_dict) and type(value).__module__.split(".")[0] != "airflow":
        try:
            return jsonable(to_dict(), depth + 1)
        except Exception:
            pass
    try:
        return repr(value)
    except Exception as exc:  # pragma: no cover - exotic objects
        return f"<error: repr failed: {type(exc).__name__}: {exc}>"


def _tz_name(value):
    if isinstance(value, _dt.tzinfo):
        name = getattr(value, "name", None) or getattr(value, "key", None) or getattr(value, "zone", None)
        return str(name) if name else str(value)
    return None


def safe(fn):
    """Call fn(); on any exception return "<error: ...>" instead of crashing."""
    try:
        return fn()
    except Exception as exc:
        return f"<error: {type(exc).__name__}: {exc}>"


def seconds(value):
    if value is None:
        return None
    if isinstance(value, _dt.timedelta):
        return value.total_seconds()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return jsonable(value)


def iso(value):
    if value is None:
        return None
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.isoformat()
    return jsonable(value)


class Relativizer:
    """Map the various path spellings Airflow uses (absolute, relative, '/'-prefixed) to folder-relative."""

    def __init__(self, folder):
        self.folder = os.path.realpath(folder)
        self.folder_abs = os.path.abspath(folder)

    def __call__(self, path):
        if path is None:
            return None
        path = str(path)
        for base in (self.folder_abs, self.folder):
            if os.path.isabs(path) and (path == base or path.startswith(base + os.sep)):
                return os.path.relpath(path, base).replace(os.sep, "/")
        if os.path.isabs(path):
            real = os.path.realpath(path)
            if real.startswith(self.folder + os.sep):
                return os.path.relpath(real, self.folder).replace(os.sep, "/")
            stripped = path.lstrip("/")  # AF2 dagbag_stats: filepath.replace(DAGS_FOLDER, "")
            if os.path.exists(os.path.join(self.folder, stripped)):
                return stripped.replace(os.sep, "/")
            return path
        return path.replace(os.sep, "/")


def _core_timetable(tt):
    """AF 3.x: DAGs hold Task SDK timetables (no summary etc.); convert to the core class if possible."""
    try:
        from airflow.serialization.encoders import coerce_to_core_timetable
    except ImportError:  # AF2, or an AF3 without the helper: the timetable is already the core one
        return tt
    try:
        return coerce_to_core_timetable(tt)
    except Exception:
        return tt


def _first_attr(obj, *names):
    for name in names:
        value = getattr(obj, name, None)
        if value is not None:
            return value
    return None


def describe_schedule(dag):
    tt = getattr(dag, "timetable", None)
    out = {
        "type": None,
        "expression": None,
        "interval_seconds": None,
        "trigger_interval_seconds": None,
        "timezone": None,
        "summary": None,
        "serialized": None,
    }
    if tt is None:
        return out
    out["type"] = type(tt).__name__
    core = _core_timetable(tt)
    out["serialized"] = safe(lambda: jsonable(core.serialize()))
    # An asset-or-time schedule: describe its time part, as the timetable that runs it.
    inner = getattr(core, "timetable", None)
    if inner is not None and type(core).__name__ in ("AssetOrTimeSchedule", "DatasetOrTimeSchedule"):
        out["time"] = {"type": type(inner).__name__, "expression": _first_attr(inner, "_expression", "expression")}
    trigger_interval = getattr(core, "_interval", None)
    if isinstance(trigger_interval, _dt.timedelta):
        out["trigger_interval_seconds"] = seconds(trigger_interval)
    expr = _first_attr(core, "_expression", "expression")
    out["expression"] = expr if isinstance(expr, str) or expr is None else jsonable(expr)
    delta = _first_attr(core, "_delta", "delta")
    if delta is not None:
        out["interval_seconds"] = seconds(delta) if isinstance(delta, _dt.timedelta) else jsonable(delta)
    tz = _first_attr(core, "_timezone", "timezone")
    out["timezone"] = _tz_name(tz) if isinstance(tz, _dt.tzinfo) else jsonable(tz)
    out["summary"] = safe(lambda: jsonable(_first_attr(core, "summary", "description")))
    # Where the asset condition lives: the timetable on 2.10+, `datasets` of a dataset-or-time
    # schedule and the DAG's `dataset_triggers` on 2.9. Cron timetables of 3.0-3.1 hold a _NullAsset.
    condition = _first_attr(tt, "asset_condition", "dataset_condition", "datasets")
    if condition is None and type(tt).__name__ == "DatasetTriggeredTimetable":
        condition = getattr(dag, "dataset_triggers", None)
    if condition is not None and not type(condition).__name__.startswith("_Null"):
        out["assets"] = safe(lambda: describe_condition(condition))
    return out


def describe_condition(condition):
    """An asset schedule as Airflow holds it: assets (with extras and watchers), aliases, all/any."""
    kind = type(condition).__name__
    if kind in ("AssetAll", "DatasetAll", "AssetAny", "DatasetAny"):
        key = "all" if kind.endswith("All") else "any"
        return {key: [describe_condition(item) for item in condition.objects]}
    if kind in ("AssetAlias", "DatasetAlias"):
        return {"alias": condition.name}
    out = {"asset": getattr(condition, "uri", repr(condition))}
    if getattr(condition, "extra", None):
        out["extra"] = jsonable(condition.extra)
    watchers = getattr(condition, "watchers", None) or []
    if watchers:
        out["watchers"] = [describe_watcher(watcher) for watcher in watchers]
    return out


def describe_watcher(watcher):
    classpath, kwargs = watcher.trigger.serialize()
    return {"name": watcher.name, "trigger": classpath, "kwargs": jsonable(kwargs)}


def describe_params(dag):
    params = getattr(dag, "params", None)
    if params is None:
        return {}
    out = {}
    get_param = getattr(params, "get_param", None)
    for key in list(params.keys()):

        def one(key=key):
            param = get_param(key) if get_param else None
            if param is None or not hasattr(param, "value"):
                return {
                    "value": jsonable(params[key]),
                    "description": None,
                    "schema": {},
                }
            return {
                "value": jsonable(param.value),
                "description": jsonable(getattr(param, "description", None)),
                "schema": jsonable(getattr(param, "schema", {})),
            }

        out[str(key)] = safe(one)
    return out


def operator_path(task):
    cls = type(task)
    return f"{module_name(cls.__module__)}.{cls.__name__}"


def is_pod_operator(task):
    cls = type(task)
    provider = module_name(cls.__module__).startswith("airflow.providers.cncf.kubernetes.")
    return cls.__name__ == "KubernetesPodOperator" and provider


def field_names(task):
    if is_pod_operator(task):
        return list(POD_FIELDS)
    for klass in type(task).__mro__:
        names = SPECIFIC_FIELDS.get(klass.__name__)
        if names is not None:
            return list(names)
    return list(getattr(task, "template_fields", ()) or ())


def kubernetes_json(value):
    """Kubernetes client models, in lists and dicts too, as the API's JSON (camelCase, no nulls)."""
    from kubernetes.client import ApiClient

    return jsonable(ApiClient().sanitize_for_serialization(value))


def describe_fields(task):
    out = {}
    pod = is_pod_operator(task)
    for name in field_names(task):
        if pod:
            value = safe(lambda name=name: kubernetes_json(getattr(task, name)))
            out[name] = [] if value is None and name in KUBERNETES_LISTS else value
        else:
            out[name] = safe(lambda name=name: jsonable(getattr(task, name)))
    return out


def asset_uri(item):
    """The URI of an Asset (Dataset on Airflow 2), "alias:<name>" for an alias, or the repr of anything else."""
    if type(item).__name__ in ("AssetAlias", "DatasetAlias"):
        return f"alias:{item.name}"
    uri = getattr(item, "uri", None)
    return uri if isinstance(uri, str) else repr(item)


def asset_extras(task):
    """The extra of each inlet and outlet that has one, by URI."""
    items = [*(getattr(task, "inlets", None) or []), *(getattr(task, "outlets", None) or [])]
    return {item.uri: jsonable(item.extra) for item in items if getattr(item, "extra", None)}


def describe_task(task):
    def tg():
        group = getattr(task, "task_group", None)
        return None if group is None else getattr(group, "group_id", None)

    def backoff():
        # AF2: bool. AF 3.3: a float multiplier (0 = off) that may still hold a user's bool.
        value = task.retry_exponential_backoff
        if isinstance(value, bool) or value is None:
            return bool(value)
        if isinstance(value, (int, float)):
            return False if value == 0 else float(value)
        return jsonable(value)

    def trigger_rule():
        rule = task.trigger_rule
        return rule.value if isinstance(rule, enum.Enum) else str(rule)

    def mapped():
        """For a mapped task: the operator it maps and what it expands over (None otherwise)."""
        expand_input = getattr(task, "expand_input", None)
        if expand_input is None or type(task).__name__ != "MappedOperator":
            return None
        operator_class = getattr(task, "operator_class", None) or getattr(task, "_operator_class", None)
        if isinstance(operator_class, dict):
            name = operator_class.get("task_type")
        else:
            name = getattr(operator_class, "__name__", repr(operator_class))

        return {"operator_class": name, "expand": {k: jsonable(v) for k, v in expand_input.value.items()}}

    def mapped_group():
        """The mapped task group around the task, and what it expands over (None outside one)."""
        group = getattr(task, "task_group", None)
        while group is not None:
            expand_input = getattr(group, "_expand_input", None)
            if expand_input is not None:
                return {"group_id": group.group_id, "expand": {k: jsonable(v) for k, v in expand_input.value.items()}}
            group = getattr(group, "parent_group", None)
        return None

    def partial_or(name, default=None):
        """An attribute of the task, or for a mapped task, the argument it passes to each instance."""
        if hasattr(task, name):
            return getattr(task, name)
        return (getattr(task, "partial_kwargs", None) or {}).get(name.lstrip("_").replace("_hook", ""), default)

    def weight_rule():
        # AF 2.9 and 3.x: a WeightRule or its string; AF 2.10+ (core): a priority weight strategy object.
        rule = partial_or("weight_rule")
        if isinstance(rule, enum.Enum):
            return rule.value
        if rule is None or isinstance(rule, str):
            return rule
        found = re.match(r"_?([A-Za-z]+?)PriorityWeightStrategy$", type(rule).__name__)
        return found.group(1).lower() if found else repr(rule)

    def executor_config():
        """The executor configuration; kubernetes objects as the Kubernetes API's JSON (camelCase, no nulls)."""
        config = partial_or("executor_config") or {}
        result = {}
        for key, value in config.items():
            if type(value).__module__.startswith("kubernetes."):
                from kubernetes.client import ApiClient

                result[str(key)] = ApiClient().sanitize_for_serialization(value)
            else:
                result[str(key)] = jsonable(value)
        return result

    def hooks():
        return {
            "pre_execute": partial_or("_pre_execute_hook") is not None,
            "post_execute": partial_or("_post_execute_hook") is not None,
        }

    def upstream_labels():
        dag = task.dag
        labels = {}
        for upstream in sorted(task.upstream_task_ids):
            label = (dag.get_edge_info(upstream, task.task_id) or {}).get("label")
            if label is not None:
                labels[upstream] = label
        return labels

    def setup_teardown():
        return {
            "is_setup": bool(getattr(task, "is_setup", False)),
            "is_teardown": bool(getattr(task, "is_teardown", False)),
        }

    return {
        "operator": safe(lambda: operator_path(task)),
        "upstream": safe(lambda: sorted(task.upstream_task_ids)),
        "downstream": safe(lambda: sorted(task.downstream_task_ids)),
        "trigger_rule": safe(trigger_rule),
        "retries": safe(lambda: jsonable(task.retries)),
        "retry_delay_seconds": safe(lambda: seconds(task.retry_delay)),
        "retry_exponential_backoff": safe(backoff),
        "max_retry_delay_seconds": safe(lambda: seconds(task.max_retry_delay)),
        "execution_timeout_seconds": safe(lambda: seconds(task.execution_timeout)),
        "pool": safe(lambda: jsonable(task.pool)),
        "pool_slots": safe(lambda: jsonable(task.pool_slots)),
        "queue": safe(lambda: jsonable(task.queue)),
        "priority_weight": safe(lambda: jsonable(task.priority_weight)),
        "depends_on_past": safe(lambda: jsonable(task.depends_on_past)),
        "owner": safe(lambda: jsonable(task.owner)),
        "email": safe(lambda: jsonable(task.email)),
        "email_on_failure": safe(lambda: jsonable(task.email_on_failure)),
        "doc_md": safe(lambda: jsonable(getattr(task, "doc_md", None))),
        "task_group": safe(tg),
        "display_name": safe(lambda: jsonable(getattr(task, "task_display_name", None))),
        "inlets": safe(lambda: sorted(asset_uri(item) for item in (getattr(task, "inlets", None) or []))),
        "outlets": safe(lambda: sorted(asset_uri(item) for item in (getattr(task, "outlets", None) or []))),
        "asset_extras": safe(lambda: asset_extras(task)),
        "mapped": safe(mapped),
        "mapped_group": safe(mapped_group),
        # A mapped operator keeps it among the arguments it passes to each instance.
        "do_xcom_push": safe(lambda: jsonable(task.do_xcom_push if hasattr(task, "do_xcom_push") else task.partial_kwargs.get("do_xcom_push", True))),
        "role": safe(setup_teardown),
        "weight_rule": safe(weight_rule),
        "executor_config": safe(executor_config),
        "hooks": safe(hooks),
        "upstream_labels": safe(upstream_labels),
        "fields": safe(lambda: describe_fields(task)),
        "arguments": safe(lambda: init_arguments(task)),
    }


def describe_deadlines(dag):
    """Airflow 3.1+'s deadline alerts: where each counts from, its interval, and its callback (none before 3.1)."""
    alerts = getattr(dag, "deadline", None) or []
    if not isinstance(alerts, (list, tuple)):
        alerts = [alerts]
    return [
        {
            "reference": type(alert.reference).__name__,
            "interval_seconds": seconds(alert.interval),
            "callback": {
                "type": type(alert.callback).__name__,
                "path": getattr(alert.callback, "path", None),
                "kwargs": jsonable(getattr(alert.callback, "kwargs", None) or {}),
            },
        }
        for alert in alerts
    ]


def init_arguments(task):
    """The keyword arguments the operator was constructed with (BaseOperator records them), but
    the ones that say where it sits (task_id, dag, task_group: objects, compared elsewhere)."""
    kwargs = getattr(task, "_BaseOperator__init_kwargs", None)
    if kwargs is None:
        return None
    return {name: jsonable(value) for name, value in sorted(kwargs.items()) if name not in ("task_id", "dag", "task_group")}


def describe_dag(dag, rel):
    def owner():
        # AF2's DAG.owner joins a set (random order); sort for a stable answer on both lines.
        owners = sorted({str(t.owner) for t in dag.tasks if getattr(t, "owner", None)})
        return ", ".join(owners)

    def tasks():
        result = {}
        for task_id in sorted(dag.task_dict):
            result[task_id] = safe(lambda task_id=task_id: describe_task(dag.task_dict[task_id]))
        return result

    return {
        "file": safe(lambda: rel(dag.fileloc)),
        "schedule": safe(lambda: describe_schedule(dag)),
        "timezone": safe(lambda: _tz_name(dag.timezone)),
        "start_date": safe(lambda: iso(dag.start_date)),
        "end_date": safe(lambda: iso(dag.end_date)),
        "catchup": safe(lambda: jsonable(dag.catchup)),
        "tags": safe(lambda: sorted(str(t) for t in (dag.tags or ()))),
        "description": safe(lambda: jsonable(dag.description)),
        "doc_md": safe(lambda: jsonable(dag.doc_md)),
        "max_active_runs": safe(lambda: jsonable(dag.max_active_runs)),
        "max_active_tasks": safe(lambda: jsonable(dag.max_active_tasks)),
        "dagrun_timeout_seconds": safe(lambda: seconds(dag.dagrun_timeout)),
        "owner": safe(owner),
        "default_args": safe(lambda: jsonable(dag.default_args or {})),
        "params": safe(lambda: describe_params(dag)),
        # Airflow 2 only: Airflow 3's DAG has no orientation.
        "orientation": safe(lambda: jsonable(getattr(dag, "orientation", None))),
        "deadline": safe(lambda: describe_deadlines(dag)),
        "tasks": safe(tasks),
    }


def load_dagbag(folder):
    with warnings.catch_warnings():
        warnings.simplefilter("default")
        started = time.perf_counter()
        bag = new_dagbag(folder)
        total = time.perf_counter() - started
    return bag, total


def inspect_folder(folder):
    import airflow

    rel = Relativizer(folder)
    doc = {
        "airflow_version": airflow.__version__,
        "dags_folder": os.path.abspath(folder),
        "import_errors": {},
        "warnings": {},
        "parse_seconds": {},
        "total_parse_seconds": None,
        "dags": {},
    }
    bag, total = load_dagbag(folder)
    doc["total_parse_seconds"] = round(total, 6)
    for path, err in sorted((getattr(bag, "import_errors", None) or {}).items()):
        doc["import_errors"][rel(path)] = str(err)
    for path, msgs in sorted((getattr(bag, "captured_warnings", None) or {}).items()):
        # Messages start with the absolute file path; make them folder-relative like the keys.
        doc["warnings"][rel(path)] = [str(m).replace(folder + os.sep, "") for m in msgs]
    for stat in getattr(bag, "dagbag_stats", None) or []:
        doc["parse_seconds"][rel(stat.file)] = round(seconds(stat.duration), 6)
    doc["parse_seconds"] = dict(sorted(doc["parse_seconds"].items()))
    for dag_id in sorted(bag.dags):
        doc["dags"][dag_id] = safe(lambda dag_id=dag_id: describe_dag(bag.dags[dag_id], rel))
    doc["serialization_errors"] = serialization_errors(bag)
    return doc


def serialization_errors(bag):
    """Each DAG through Airflow's own serialization and back, as the scheduler stores it: errors by DAG id."""
    from airflow.serialization import serialized_objects

    # Airflow 3.2 renamed the serializer; SerializedDAG is now what it deserializes into.
    serializer = getattr(serialized_objects, "DagSerialization", None) or serialized_objects.SerializedDAG
    errors = {}
    for dag_id in sorted(bag.dags):
        try:
            # Through JSON, as the DAG processor stores it in the metadata database.
            serializer.from_dict(json.loads(json.dumps(serializer.to_dict(bag.dags[dag_id]))))
        except Exception as error:  # noqa: BLE001 - reported, not raised
            errors[dag_id] = f"{type(error).__name__}: {error}"
    return errors


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dags_folder")
    parser.add_argument("--out", help="write the JSON here instead of stdout")
    args = parser.parse_args(argv)

    folder = os.path.abspath(args.dags_folder)
    if not os.path.isdir(folder):
        parser.error(f"not a directory: {folder}")

    # Keep stdout pure: everything printed by Airflow or DAG files goes to stderr.
    json_out = None
    if not args.out:
        sys.stdout.flush()
        json_out = os.fdopen(os.dup(1), "w", encoding="utf-8")
        os.dup2(2, 1)
    sys.stdout = sys.stderr

    prepare_env(folder, "inspect_dags")
    doc = inspect_folder(folder)
    if args.out:
        write_json(args.out, doc, ensure_ascii=False)
    else:
        json_out.write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
        json_out.flush()
    return 0


if __name__ == "__main__":
    run(main)
