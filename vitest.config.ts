import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          globalSetup: ["tests/global-setup.ts"],
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/airflow/**", "node_modules/**"],
          testTimeout: 60_000,
          hookTimeout: 300_000,
          // Vitest keeps one core for itself by default; most of these tests wait on a child
          // (the CLI, the evaluation worker, the native type-checker), so every core runs a file.
          maxWorkers: availableParallelism(),
        },
      },
      {
        test: {
          name: "airflow",
          globalSetup: ["tests/global-setup.ts"],
          include: ["tests/airflow/**/*.test.ts"],
          testTimeout: 900_000,
          hookTimeout: 1_800_000,
          // One Airflow at a time: each run is heavy on a 2-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
});
