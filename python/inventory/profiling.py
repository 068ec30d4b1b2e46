"""Profiles a warehouse's tables, using what Airflow passes a Python callable.

Each function fails loudly when Airflow hands it something other than what it declares, so a
run of the inventory DAG proves the values arrived as a hand-written DAG's would.
"""

from __future__ import annotations

import asyncio

TABLES = ("orders", "customers")
PROFILES_URI = "file:///tmp/dagwright-inventory/profiles"


def table_stats(ti, params, ds=None) -> dict:
    """Several outputs: `rows` and `tables` are each pushed as their own XCom."""
    if ti is None or not hasattr(ti, "xcom_push"):
        raise TypeError(f"expected Airflow's task instance as ti, got {ti!r}")
    rows = int(params["rows_per_table"])
    ti.xcom_push(key="counted_on", value=ds)
    return {"rows": rows * len(TABLES), "tables": list(TABLES)}


def check_rows(rows: int, templates_dict: dict) -> str:
    """Gets table_stats' `rows` key as an int, and a rendered template of the expected count."""
    if not isinstance(rows, int):
        raise TypeError(f"expected an int, got {type(rows).__name__}")
    expected = int(templates_dict["expected_rows"])
    if rows != expected:
        raise ValueError(f"{rows} rows, expected {expected}")
    return f"{rows} rows"


def list_tables() -> list:
    return list(TABLES)


def profile_table(table: str, sample: str) -> dict:
    """One mapped instance per table that list_tables returned."""
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}")
    return {"table": table, "columns": len(table), "sample": sample}


def summarize_profiles(profiles: list) -> int:
    """Gets the list of every profile_table instance's result."""
    profiles = list(profiles)
    if sorted(p["table"] for p in profiles) != sorted(TABLES):
        raise ValueError(f"expected a profile per table, got {profiles!r}")
    return sum(p["columns"] for p in profiles)


async def fetch_freshness(source: str) -> str:
    """An async callable: awaited, never returned as a coroutine."""
    await asyncio.sleep(0)
    return f"{source} is fresh"


def publish_profiles(columns: int):
    """A generator: the metadata it yields is recorded on the asset event of its outlet."""
    yield _metadata(PROFILES_URI, {"columns": columns})
    return columns


def _metadata(uri: str, extra: dict):
    try:
        from airflow.sdk import Asset, Metadata  # Airflow 3
    except ImportError:
        from airflow.datasets import Dataset as Asset  # Airflow 2
        from airflow.datasets.metadata import Metadata
    return Metadata(Asset(uri), extra)


def list_regions() -> list:
    return ["emea", "amer"]


def extract_region(region: str) -> int:
    """Inside the mapped group: one instance per region."""
    return len(region) * 10


def load_region(region: str, rows: int, dry_run: bool) -> str:
    """Gets its own group instance's extract result, as an int."""
    if not isinstance(rows, int):
        raise TypeError(f"expected an int, got {type(rows).__name__}")
    return f"loaded {rows} rows of {region}" + (" (dry run)" if dry_run else "")


def archive(label: str, days: int) -> None:
    """Positional arguments; pushes no XCom."""
    if label != "inventory" or days != 30:
        raise ValueError(f"unexpected arguments {label!r}, {days!r}")
