/**
 * Builds the two test fixture sites, each from the shipped archive plus mail written for the
 * tests, imported with the project's own importer into .tmp:
 *
 * - .tmp/fixture-site: tests/fixtures/site mail and the hostile corpus (tests/fixtures/hostile),
 *   built under the base path /sub/. Browser tests use it for what the shipped archive cannot
 *   show (folding, hostile text, inferred links, a base path, a reader's copy of a message
 *   that lacks passages the articles point at).
 * - .tmp/originals-site: the look-alike originals of the June and July threads
 *   (tests/fixtures/originals), built under /; every anchor must land on the same words.
 *
 * Each build's output is kept in build.log beside it (the tests read its warnings).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';

const node = process.execPath;

/** A fresh folder under .tmp holding a copy of the shipped entries; returns the entries folder. */
function fresh(root: string): string {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  cpSync('src/content/messages', `${root}/messages`, { recursive: true });
  return `${root}/messages`;
}

/** Builds the site from `messages` into `root`/dist under `base`, keeping the output in `root`/build.log. */
function build(root: string, messages: string, base: string, env: Record<string, string> = {}): void {
  const run = spawnSync(node, ['node_modules/astro/bin/astro.mjs', 'build'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, MESSAGES_DIR: messages, OUT_DIR: `${root}/dist`, BASE: base, ...env },
  });
  const log = `${run.stdout}${run.stderr}`;
  writeFileSync(`${root}/build.log`, log);
  process.stdout.write(log);
  if (run.status !== 0) throw new Error(`building ${root} failed (${run.status ?? run.signal})`);
}

const originals = '.tmp/originals-site';
const originalMessages = fresh(originals);
execFileSync(node, ['scripts/import.ts', '--dir', originalMessages, '--aliases', `${originals}/aliases.json`, 'tests/fixtures/originals'], {
  stdio: 'inherit',
});
build(originals, originalMessages, '/');

const root = '.tmp/fixture-site';
const messages = fresh(root);
execFileSync(node, ['scripts/import.ts', '--dir', messages, 'tests/fixtures/site'], { stdio: 'inherit' });
// Some hostile mail is rejected on purpose (see its README), so exit code 1 is expected here.
const hostile = spawnSync(node, ['scripts/import.ts', '--dir', messages, 'tests/fixtures/hostile'], { stdio: 'inherit' });
if (hostile.status !== 0 && hostile.status !== 1)
  throw new Error(`importing the hostile corpus failed (${hostile.status ?? hostile.signal})`);
// A small page size, so the listings paginate here and the tests can walk their pages.
build(root, messages, '/sub/', { INDEX_PAGE_SIZE: '12' });
