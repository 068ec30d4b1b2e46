"""The report_builder branch: which renderer runs."""

from __future__ import annotations


def pick_format(audience: str) -> str:
    """Finance reads PDF, everyone else HTML; returns the id of the task to follow."""
    return "render_pdf" if audience == "finance" else "render_html"


def pick_load(logical_date=None) -> str:
    """options_tour: a full load on the first of the month, an increment on other days."""
    return "load_full" if logical_date is not None and logical_date.day == 1 else "load_increment"
