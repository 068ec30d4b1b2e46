"""Feature drift: compare the newest batch of churn features with the batch before it."""

from __future__ import annotations

import os

from churn._io import read_json


def compare_latest_batches(root: str, tolerance: float = 0.5) -> dict:
    """Name the features whose scale moved by more than `tolerance` (a fraction) between the last two runs."""
    names = os.listdir(root) if os.path.isdir(root) else []
    batches = sorted(name for name in names if has_features(os.path.join(root, name)))
    if len(batches) < 2:
        return {"batches": batches, "drifted": []}
    before, latest = (read_json(os.path.join(root, name), "features.json")["scale"] for name in batches[-2:])
    drifted = [name for name, scale in latest.items() if moved(before.get(name, 0), scale, tolerance)]
    if drifted:
        print(f"features drifted between {batches[-2]} and {batches[-1]}: {', '.join(drifted)}")
    return {"batches": batches[-2:], "drifted": drifted}


def has_features(run_dir: str) -> bool:
    return os.path.exists(os.path.join(run_dir, "features.json"))


def moved(before: float, after: float, tolerance: float) -> bool:
    return abs(after - before) > tolerance * max(before, 1)
