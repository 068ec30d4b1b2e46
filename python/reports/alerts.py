"""Callbacks: what happens when a run or a task fails."""

from __future__ import annotations

import logging


def notify_failure(context) -> None:
    task = context.get("task_instance")
    logging.getLogger("reports.alerts").error("report_builder failed at %s", getattr(task, "task_id", "?"))


def before_task(context) -> None:
    """options_tour: runs right before the task's work (Airflow's pre_execute)."""
    logging.getLogger("reports.alerts").info("starting %s", getattr(context.get("task_instance"), "task_id", "?"))


def after_task(context, result) -> None:
    """options_tour: runs right after the task's work, with its result (Airflow's post_execute)."""
    logging.getLogger("reports.alerts").info("finished %s: %r", getattr(context.get("task_instance"), "task_id", "?"), result)


async def late_run(context, **kwargs) -> None:
    """deadlines: awaited in Airflow's triggerer when a run misses its deadline."""
    logging.getLogger("reports.alerts").warning("run is late: %s", kwargs)


def is_publishable(channel) -> bool:
    """Whether a report may go to the channel (the check PublishOperator calls)."""
    return str(channel).startswith("#")
