"""Churn pipeline, feature step as a PySpark job (run with spark-submit).

    spark-submit --master 'local[2]' python/jobs/build_features.py --run-dir /tmp/churn/2026-01-05

Reads ``<run_dir>/events.json`` (a JSON array of customer events written by
``churn.ingest``), scales each feature by its column maximum and writes

- ``<run_dir>/features.json``: the same document ``churn.features.build_features``
  writes, ``{"features": [...], "scale": {name: max}, "rows": [{"x": [...], "y": 0|1}]}``
  with rows ordered by customer, which ``churn.train`` reads;
- ``<run_dir>/features.parquet``: the same rows as a table (customer, one scaled column
  per feature, y), overwritten on every run.

The file is self-contained (spark-submit runs it as a script, not as part of a package).
"""

from __future__ import annotations

import argparse
import json
import os

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

# Same names, in the same order, as churn.features.FEATURES.
FEATURES = ("tenure_months", "sessions", "tickets")

EVENT_SCHEMA = T.StructType(
    [
        T.StructField("customer", T.LongType(), nullable=False),
        T.StructField("tenure_months", T.LongType(), nullable=False),
        T.StructField("sessions", T.LongType(), nullable=False),
        T.StructField("tickets", T.LongType(), nullable=False),
        T.StructField("churned", T.BooleanType(), nullable=False),
    ]
)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--run-dir", required=True, help="directory with events.json; outputs go here too")
    return parser.parse_args(argv)


def read_events(spark: SparkSession, run_dir: str) -> DataFrame:
    # events.json is one JSON array, not JSON lines, hence multiLine.
    return (
        spark.read.schema(EVENT_SCHEMA)
        .option("multiLine", True)
        .option("mode", "FAILFAST")
        .json(os.path.join(run_dir, "events.json"))
    )


def feature_scale(events: DataFrame) -> dict[str, int]:
    """The maximum of each feature column (1 when the maximum is 0, so scaling never divides by 0)."""
    maxima = events.agg(*[F.max(name).alias(name) for name in FEATURES]).first()
    return {name: maxima[name] or 1 for name in FEATURES}


def scale_features(events: DataFrame, scale: dict[str, int]) -> DataFrame:
    """customer, each feature divided by its scale (a double), and the label y (1 = churned)."""
    return events.select(
        "customer",
        *[(F.col(name) / F.lit(scale[name])).alias(name) for name in FEATURES],
        F.col("churned").cast("int").alias("y"),
    ).orderBy("customer")


def features_document(features: DataFrame, scale: dict[str, int]) -> dict:
    """The features.json document, in the shape churn.features writes (400 rows fit the driver)."""
    rows = [{"x": [row[name] for name in FEATURES], "y": row["y"]} for row in features.collect()]
    return {"features": list(FEATURES), "scale": scale, "rows": rows}


def write_json_atomically(target: str, value: object) -> None:
    """Write like churn._io.write_json, but to a temporary file renamed over the target."""
    tmp = f"{target}.tmp-{os.getpid()}"
    try:
        with open(tmp, "w", encoding="utf-8") as handle:
            json.dump(value, handle, indent=1, sort_keys=True)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    spark = SparkSession.builder.getOrCreate()  # name, master and conf come from spark-submit
    spark.sparkContext.setLogLevel("WARN")
    try:
        events = read_events(spark, args.run_dir)
        scale = feature_scale(events)
        features = scale_features(events, scale)
        features.write.mode("overwrite").parquet(os.path.join(args.run_dir, "features.parquet"))
        document = features_document(features, scale)
        write_json_atomically(os.path.join(args.run_dir, "features.json"), document)
        print(f"build_features: wrote {len(document['rows'])} rows to {args.run_dir}")
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
