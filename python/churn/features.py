"""Features: scale the raw counts into model inputs."""

from __future__ import annotations

from churn._io import read_json, write_json

FEATURES = ("tenure_months", "sessions", "tickets")


def build_features(run_dir: str) -> str:
    events = read_json(run_dir, "events.json")
    scale = {name: max(event[name] for event in events) or 1 for name in FEATURES}
    rows = [
        {"x": [event[name] / scale[name] for name in FEATURES], "y": 1 if event["churned"] else 0}
        for event in events
    ]
    return write_json(run_dir, "features.json", {"features": FEATURES, "scale": scale, "rows": rows})
