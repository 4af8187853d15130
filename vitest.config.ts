import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // End-to-end builds of the BBC corpus and browser tests take seconds, not milliseconds.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
