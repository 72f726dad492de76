/**
 * Builds the test fixture site: the shipped archive plus tests/fixtures/site mail and the
 * hostile corpus (tests/fixtures/hostile), imported with the project's own importer into
 * .tmp, built under the base path /sub/. Browser tests use it for what the shipped archive
 * cannot show (folding, hostile text, inferred links, a base path).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';

const root = '.tmp/fixture-site';
const messages = `${root}/messages`;
rmSync(root, { recursive: true, force: true });
mkdirSync(root, { recursive: true });
cpSync('src/content/messages', messages, { recursive: true });

const node = process.execPath;
execFileSync(node, ['scripts/import.ts', '--dir', messages, 'tests/fixtures/site'], { stdio: 'inherit' });
// Some hostile mail is rejected on purpose (see its README), so exit code 1 is expected here.
const hostile = spawnSync(node, ['scripts/import.ts', '--dir', messages, 'tests/fixtures/hostile'], { stdio: 'inherit' });
if (hostile.status !== 0 && hostile.status !== 1)
  throw new Error(`importing the hostile corpus failed (${hostile.status ?? hostile.signal})`);
execFileSync(node, ['node_modules/astro/bin/astro.mjs', 'build'], {
  stdio: 'inherit',
  // A small page size, so the listings paginate here and the tests can walk their pages.
  env: { ...process.env, MESSAGES_DIR: messages, OUT_DIR: `${root}/dist`, BASE: '/sub/', INDEX_PAGE_SIZE: '12' },
});
