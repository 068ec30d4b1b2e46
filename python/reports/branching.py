"""The report_builder branch: which renderer runs."""

from __future__ import annotations


def pick_format(audience: str) -> str:
    """Finance reads PDF, everyone else HTML; returns the id of the task to follow."""
    return "render_pdf" if audience == "finance" else "render_html"
