import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Vitest runs the slowest files first when it has timings from an earlier run, and the largest
 * files first on a clean clone; the fixture corpus's parts are tiny files and among the slowest,
 * so they would start last and leave one worker running them alone. They go first, always.
 */
class CorpusFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const corpus = (file: TestSpecification) => /\/tests\/fixtures(-\d+)?\.test\.ts$/.test(file.moduleId);
    return [...sorted.filter(corpus), ...sorted.filter((file) => !corpus(file))];
  }
}

export default defineConfig({
  test: {
    sequence: { sequencer: CorpusFirst },
    projects: [
      {
        test: {
          name: "unit",
          globalSetup: ["tests/global-setup.ts"],
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/airflow/**", "tests/browser/**", "node_modules/**"],
          testTimeout: 60_000,
          hookTimeout: 300_000,
          // Vitest keeps one core for itself by default; most of these tests wait on a child
          // (the CLI, the evaluation worker, the native type-checker), so every core runs a file.
          maxWorkers: availableParallelism(),
        },
      },
      {
        test: {
          name: "browser",
          globalSetup: ["tests/global-setup.ts"],
          include: ["tests/browser/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
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
