"""Evaluate: measure the model's AUC and refuse to go on when it is below the bar."""

from __future__ import annotations

from churn._io import read_json, write_json
from churn.train import _predict


def auc(scores: list, labels: list) -> float:
    """Probability that a random churner scores above a random stayer (ties count half)."""
    positives = [s for s, y in zip(scores, labels) if y]
    negatives = [s for s, y in zip(scores, labels) if not y]
    if not positives or not negatives:
        return 0.5
    wins = sum((p > n) + 0.5 * (p == n) for p in positives for n in negatives)
    return wins / (len(positives) * len(negatives))


def evaluate_model(run_dir: str, min_auc: float) -> float:
    model = read_json(run_dir, "model.json")
    rows = read_json(run_dir, "features.json")["rows"]
    scores = [_predict(model["weights"], model["bias"], row["x"]) for row in rows]
    value = auc(scores, [row["y"] for row in rows])
    write_json(run_dir, "metrics.json", {"auc": value, "rows": len(rows)})
    if value < min_auc:
        raise ValueError(f"AUC {value:.3f} is below the required {min_auc}")
    return value
