"""Publish: copy the evaluated model into the registry folder under a content-derived version."""

from __future__ import annotations

import hashlib
import json

from churn._io import read_json, write_json


def publish_model(run_dir: str, registry_dir: str) -> str:
    model = read_json(run_dir, "model.json")
    metrics = read_json(run_dir, "metrics.json")
    version = hashlib.sha256(json.dumps(model, sort_keys=True).encode()).hexdigest()[:12]
    return write_json(registry_dir, f"churn-{version}.json", {"model": model, "metrics": metrics})
