/**
 * Writes src/lib/model/snapshots/<MODEL_VERSION>.json: what the current model computes for
 * every preset. Run it after bumping MODEL_VERSION; `-- --check` exits 1 when the file is
 * missing or stale (the unit test does the same).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { MODEL_VERSION } from '../src/lib/model/index.ts';
import { takeSnapshot } from '../src/lib/model/snapshot.ts';

const file = new URL(`../src/lib/model/snapshots/${MODEL_VERSION}.json`, import.meta.url);
const text = `${JSON.stringify(takeSnapshot(MODEL_VERSION), null, 2)}\n`;
if (process.argv.includes('--check')) {
  const old = await readFile(file, 'utf8').catch(() => '');
  if (old !== text) {
    console.error(`model-snapshot: ${file.pathname} is missing or stale; run npm run model-snapshot`);
    process.exit(1);
  }
  console.log(`model-snapshot: v${MODEL_VERSION} matches`);
} else {
  await writeFile(file, text);
  console.log(`model-snapshot: wrote v${MODEL_VERSION}`);
}
