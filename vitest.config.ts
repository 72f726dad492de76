import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/charts/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: '.tmp/vitest.json' }]],
  },
});
