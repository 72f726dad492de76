/**
 * Builds the test fixture site: the shipped archive plus tests/fixtures/site mail,
 * imported with the project's own importer into .tmp, built under the base path /sub/.
 * Browser tests use it for what the shipped archive cannot show (folding, hostile text,
 * inferred links, a base path).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';

const root = '.tmp/fixture-site';
const messages = `${root}/messages`;
rmSync(root, { recursive: true, force: true });
mkdirSync(root, { recursive: true });
cpSync('src/content/messages', messages, { recursive: true });

const node = process.execPath;
execFileSync(node, ['scripts/import.ts', '--dir', messages, 'tests/fixtures/site'], { stdio: 'inherit' });
execFileSync(node, ['node_modules/astro/bin/astro.mjs', 'build'], {
  stdio: 'inherit',
  env: { ...process.env, MESSAGES_DIR: messages, OUT_DIR: `${root}/dist`, BASE: '/sub/' },
});
