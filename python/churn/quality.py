"""Validate: refuse to train on data with missing values or impossible numbers."""

from __future__ import annotations

from churn._io import read_json

REQUIRED = ("customer", "tenure_months", "sessions", "tickets", "churned")


def validate_events(run_dir: str, max_null_fraction: float) -> int:
    events = read_json(run_dir, "events.json")
    if not events:
        raise ValueError("no events to train on")
    missing = sum(1 for event in events for key in REQUIRED if event.get(key) is None)
    fraction = missing / (len(events) * len(REQUIRED))
    if fraction > max_null_fraction:
        raise ValueError(f"{fraction:.2%} of values are missing")
    negative = [e["customer"] for e in events if min(e["tenure_months"], e["sessions"], e["tickets"]) < 0]
    if negative:
        raise ValueError(f"negative counts for customers {negative[:5]}")
    return len(events)
