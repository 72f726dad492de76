// Mutation testing (issue 14): `npm run mutate` runs StrykerJS over the four library folders
// below with the Vitest runner and vitest.mutate.config.ts (the unit tests without chart
// rendering or killed processes; no integration or Playwright tests). It is too slow for CI;
// see docs/mutation.md.
//
// One folder at a time: `MUTATE=embed npm run mutate`; comma-separated names also work, and a
// name may narrow to files inside its folder: `MUTATE=mail/thread.ts,mail/ids.ts npm run mutate`.
// Each selection keeps its own incremental file and reports under reports/mutation/<selection>/,
// so a run over one part does not drop the stored results of the others.
// Any Stryker option can still be given on the command line, e.g.
// `npm run mutate -- --mutate 'src/lib/embed/links.ts'`.

import { createHash } from 'node:crypto';

const folders = ['embed', 'search', 'model', 'mail'];
const chosen = (process.env.MUTATE ?? '')
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean);
for (const name of chosen) {
  const folder = name.split('/')[0];
  if (!folders.includes(folder)) throw new Error(`MUTATE: unknown folder in "${name}" (expected one of ${folders.join(', ')})`);
}
const selection = chosen.length > 0 ? chosen : folders;
const joined = chosen.join('+').replaceAll('/', '-').replaceAll('*', '_');
// A long list of files would make too long a folder name: name it by its folders and a hash.
const key =
  chosen.length === 0
    ? 'all'
    : joined.length <= 60
      ? joined
      : `${[...new Set(chosen.map((name) => name.split('/')[0]))].join('+')}-${createHash('sha1').update(joined).digest('hex').slice(0, 8)}`;
const out = `reports/mutation/${key}`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutate.config.ts' },
  mutate: selection.map((name) => (name.includes('/') ? `src/lib/${name}` : `src/lib/${name}/**/*.ts`)),
  coverageAnalysis: 'perTest',
  // Vitest strips types and no type checker runs, so nothing needs `// @ts-nocheck`; the default
  // would also rewrite test fixtures (.html, .ts) in the sandbox.
  disableTypeChecks: false,
  // The machine is shared: one test process unless the command line says otherwise.
  concurrency: 1,
  // A static mutant (in a module-level table, list or pattern) cannot be switched on per test:
  // Stryker reloads every module and runs the whole test set for each one. In src/lib/model
  // that is 968 of 1,719 mutants and an estimated 99 % of the run time, so they are left out
  // (reported as "Ignored", outside the score); `-- --ignoreStatic false` runs them too.
  ignoreStatic: true,
  incremental: true,
  incrementalFile: `${out}/incremental.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `${out}/index.html` },
  jsonReporter: { fileName: `${out}/mutation.json` },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
