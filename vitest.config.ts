import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Two cores: more workers only fight over them.
    maxWorkers: 2,
    // In-process test servers log warnings and errors only; the server processes tests spawn log at info (their
    // helpers set LOG_LEVEL), because tests wait for the "running on" line.
    env: { LOG_LEVEL: 'warn' },
  },
});
