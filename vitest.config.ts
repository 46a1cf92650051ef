import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // test/web/*.test.tsx are the web UI's component tests; each asks for jsdom in its first
    // line (`// @vitest-environment jsdom`), so the rest of the suite stays in Node.
    // test/web/e2e holds Playwright specs (*.spec.ts), run by scripts/run-tests.mjs, not vitest.
    include: ['test/**/*.test.ts', 'test/web/**/*.test.tsx'],
    exclude: ['**/node_modules/**', 'test/web/e2e/**'],
    globalSetup: ['test/setup/postgres.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
