import { defineConfig } from "dagwright";

export default defineConfig({
  airflow: "3.3",
  srcDir: "dags-src",
  outDir: "generated",
  // The team's own rules (rules/team.ts), run by compile and validate after dagwright's checks.
  rules: ["rules/*.ts"],
  spark: {
    // Every Spark job starts from these; its profile and its own fields override them.
    defaults: {
      target: { kind: "submit", connId: "spark_default" },
      driver: { memory: "1g" },
    },
    profiles: {
      small: { executor: { memory: "1g", cores: 1, instances: 2 } },
      large: {
        executor: { memory: "8g", cores: 4, memoryOverhead: "1g" },
        dynamicAllocation: { min: 2, initial: 4, max: 20 },
      },
    },
  },
});
