import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'tests/integration/**/*.test.ts'],
    // better-sqlite3 is a native addon: separate processes keep one test's crash from taking others down.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
