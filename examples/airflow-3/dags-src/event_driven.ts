import { asset, assetAlias, dag } from "dagwright";

/** Files dropped into the landing folder: a watcher turns each one into an asset event. */
const landing = asset("file:///tmp/dagwright-landing/orders.csv", {
  name: "landing_orders",
  extra: { format: "csv" },
  watchers: [
    {
      name: "orders_dropped",
      trigger: "airflow.providers.standard.triggers.file.FileDeleteTrigger",
      kwargs: { filepath: "/tmp/dagwright-landing/orders.csv", poke_interval: 10 },
    },
  ],
});

/** Whatever partitions ingest_orders writes, it names at run time through this alias. */
const partitions = assetAlias("order_partitions");

/** Runs when a file lands (Airflow 3's event-driven scheduling), and writes partitions it names as it goes. */
export const ingestOrders = dag("ingest_orders", { schedule: [landing], startDate: "2026-01-01", tags: ["assets"] }, (d) => {
  d.python("ingest", { callable: "inventory.landing:ingest", inputs: [landing], outputs: [partitions] });
});

/** Runs whenever ingest_orders has written a partition through the alias. */
export const compactOrders = dag("compact_orders", { schedule: [partitions], startDate: "2026-01-01", tags: ["assets"] }, (d) => {
  d.bash("compact", { command: "echo compacting the new partitions" });
});
