"""Where the reports' data comes from, and what gets published."""

from __future__ import annotations

REGIONS = ("emea", "amer", "apac")


def list_regions() -> list:
    return list(REGIONS)


def summarize(region: str, top_n: str) -> dict:
    """The top products of one region (synthetic, deterministic)."""
    count = int(top_n)
    return {"region": region, "top": [f"{region}-product-{rank}" for rank in range(1, count + 1)]}


def has_new_data() -> bool:
    """True when there is something to report; a falsy result skips the rest of the run."""
    return True


def publish_commands(report_format: str = "html") -> list:
    """One shell command per region, mapped over by the publish task."""
    return [f"echo publishing the {region} {report_format} report" for region in REGIONS]


def count_products(top_n: str) -> int:
    """How many products the reports list in all: returned, so it travels as an XCom."""
    return int(top_n) * len(REGIONS)


def log_count(count: int, audience: str) -> str:
    """Receives count_products' result; fails loudly if the XCom arrived as anything but an int."""
    if not isinstance(count, int):
        raise TypeError(f"expected an int, got {type(count).__name__}")
    return f"{count} products reported to {audience}"


def region_share(region: str, count: int) -> str:
    """One mapped instance per region, each given count_products' result as an XCom."""
    if not isinstance(count, int):
        raise TypeError(f"expected an int, got {type(count).__name__}")
    return f"{region}: {count // len(REGIONS)} of {count} products"
