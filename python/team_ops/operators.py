"""PublishOperator: what dags-src/params_tour.ts runs through d.operator."""

from __future__ import annotations

import logging

try:  # Airflow 3
    from airflow.sdk import BaseOperator
except ImportError:  # Airflow 2
    from airflow.models.baseoperator import BaseOperator


class PublishOperator(BaseOperator):
    """Publishes a report to a channel, within a time window, if a check passes."""

    template_fields = ("channel",)

    def __init__(
        self,
        *,
        channel,
        grace=None,
        window=None,
        report_day=None,
        send_at=None,
        local_send_at=None,
        not_before=None,
        not_after=None,
        check=None,
        schedule_windows=(),
        **kwargs,
    ):
        super().__init__(**kwargs)
        self.channel = channel
        self.grace = grace
        self.window = window
        self.report_day = report_day
        self.send_at = send_at
        self.local_send_at = local_send_at
        self.not_before = not_before
        self.not_after = not_after
        self.check = check
        self.schedule_windows = list(schedule_windows)

    def execute(self, context):
        if self.check is not None and not self.check(self.channel):
            logging.getLogger("reports.operators").info("not publishing to %s", self.channel)
            return None
        logging.getLogger("reports.operators").info("publishing to %s", self.channel)
        return {"channel": self.channel, "grace_seconds": self.grace.total_seconds() if self.grace else None}
