"""Ingest: produce the week's raw customer events (synthetic, reproducible from a seed)."""

from __future__ import annotations

import random

from churn._io import write_json


def ingest_events(run_dir: str, customers: int, seed: int) -> str:
    rng = random.Random(seed)
    events = []
    for customer in range(customers):
        tenure = rng.randint(1, 60)
        sessions = rng.randint(0, 40)
        tickets = rng.randint(0, 6)
        # Short tenure, few sessions and many support tickets make churn likely.
        risk = 1.2 - tenure / 40 - sessions / 25 + tickets / 3
        churned = rng.random() < 1 / (1 + 2.718281828 ** (-3 * risk))
        events.append(
            {
                "customer": customer,
                "tenure_months": tenure,
                "sessions": sessions,
                "tickets": tickets,
                "churned": churned,
            }
        )
    return write_json(run_dir, "events.json", events)
