import { defineConfig } from 'vitest/config';

// Unit tests only; the end-to-end suite under tests/e2e runs in Playwright against the built site.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 20_000,
  },
});
