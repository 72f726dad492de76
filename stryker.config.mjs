// Mutation testing (issue 14): `npm run mutate` runs StrykerJS over the four library folders
// below with the Vitest runner and the repo's vitest.config.ts (unit, chart and integration
// tests; never the Playwright e2e suite). It is too slow for CI; see docs/mutation.md.
//
// One folder at a time: `MUTATE=embed npm run mutate` (comma-separated names also work).
// Each selection keeps its own incremental file and reports under reports/mutation/<name>/,
// so a run over one folder does not drop the stored results of the others.
// Any Stryker option can still be given on the command line, e.g.
// `npm run mutate -- --mutate 'src/lib/embed/links.ts'`.

const folders = ['embed', 'search', 'model', 'mail'];
const chosen = (process.env.MUTATE ?? '')
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean);
for (const name of chosen) {
  if (!folders.includes(name)) throw new Error(`MUTATE: unknown folder "${name}" (expected one of ${folders.join(', ')})`);
}
const selection = chosen.length > 0 ? chosen : folders;
const key = chosen.length > 0 ? chosen.join('+') : 'all';
const out = `reports/mutation/${key}`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.config.ts' },
  mutate: selection.map((name) => `src/lib/${name}/**/*.ts`),
  coverageAnalysis: 'perTest',
  // Vitest strips types and no type checker runs, so nothing needs `// @ts-nocheck`; the default
  // would also rewrite test fixtures (.html, .ts) in the sandbox.
  disableTypeChecks: false,
  // The machine is shared: one test process unless the command line says otherwise.
  concurrency: 1,
  incremental: true,
  incrementalFile: `${out}/incremental.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `${out}/index.html` },
  jsonReporter: { fileName: `${out}/mutation.json` },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
