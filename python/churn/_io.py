"""Reading and writing the JSON files the steps hand to each other."""

from __future__ import annotations

import json
import os


def path(run_dir: str, name: str) -> str:
    return os.path.join(run_dir, name)


def write_json(run_dir: str, name: str, value: object) -> str:
    os.makedirs(run_dir, exist_ok=True)
    target = path(run_dir, name)
    with open(target, "w", encoding="utf-8") as handle:
        json.dump(value, handle, indent=1, sort_keys=True)
    return target


def read_json(run_dir: str, name: str) -> object:
    with open(path(run_dir, name), encoding="utf-8") as handle:
        return json.load(handle)
