"""Ingests files that land in a folder; names the partitions it writes through an asset alias."""

from __future__ import annotations


def ingest(outlet_events) -> str:
    """Adds the partition it wrote to the order_partitions alias, as the asset event it becomes."""
    from airflow.sdk import Asset, AssetAlias

    partition = Asset("file:///tmp/dagwright-landing/partitions/orders")
    outlet_events[AssetAlias("order_partitions")].add(partition)
    return partition.uri
