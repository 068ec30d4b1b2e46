"""Train: fit a logistic regression with plain gradient descent."""

from __future__ import annotations

import math

from churn._io import read_json, write_json


def _predict(weights: list, bias: float, x: list) -> float:
    z = bias + sum(w * v for w, v in zip(weights, x))
    return 1 / (1 + math.exp(-z))


def train_model(run_dir: str, epochs: int, learning_rate: float) -> str:
    data = read_json(run_dir, "features.json")
    rows = data["rows"]
    weights = [0.0] * len(data["features"])
    bias = 0.0
    for _ in range(epochs):
        grad_w = [0.0] * len(weights)
        grad_b = 0.0
        for row in rows:
            error = _predict(weights, bias, row["x"]) - row["y"]
            grad_w = [g + error * v for g, v in zip(grad_w, row["x"])]
            grad_b += error
        weights = [w - learning_rate * g / len(rows) * 10 for w, g in zip(weights, grad_w)]
        bias -= learning_rate * grad_b / len(rows) * 10
    model = {"features": data["features"], "scale": data["scale"], "weights": weights, "bias": bias}
    return write_json(run_dir, "model.json", model)
