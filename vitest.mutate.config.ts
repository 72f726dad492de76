// The test set `npm run mutate` runs against each mutant (stryker.config.mjs, docs/mutation.md):
// every unit test except the ones that render charts or start processes, which cost seconds per
// mutant and would make a run over src/lib/mail or src/lib/model take hours. Left out here, and
// still run by `vitest run` (vitest.config.ts):
// - tests/integration/**: a real public-inbox-httpd, the fonts' travel through a build;
// - tests/charts/**, tests/unit/charts/**: Observable Plot figures rendered in linkedom;
// - tests/unit/scripts/import-crash.test.ts: kills an import process half-way.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // Instrumented code runs slower; the property tests need more than the default 5 s.
    testTimeout: 30_000,
    isolate: false,
    exclude: ['tests/unit/charts/**', 'tests/unit/scripts/import-crash.test.ts', '**/node_modules/**'],
  },
});
