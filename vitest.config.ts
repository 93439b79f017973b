import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          // The fast suite (npm test): the core's pure functions, the bad-input corpus, the MDX safety proof.
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          testTimeout: 240_000,
          hookTimeout: 600_000,
          fileParallelism: true,
          pool: 'forks',
        },
      },
      {
        // Full builds read from dist/ (npm run test:build): the seed edition and fixture editions.
        test: {
          name: 'build',
          include: ['test/build/**/*.test.ts'],
          testTimeout: 240_000,
          hookTimeout: 600_000,
          fileParallelism: true,
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
