"""Callbacks: what happens when a run or a task fails."""

from __future__ import annotations

import logging


def notify_failure(context) -> None:
    task = context.get("task_instance")
    logging.getLogger("reports.alerts").error("report_builder failed at %s", getattr(task, "task_id", "?"))


def is_publishable(channel) -> bool:
    """Whether a report may go to the channel (the check PublishOperator calls)."""
    return str(channel).startswith("#")
