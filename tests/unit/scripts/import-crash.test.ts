/**
 * A real import killed with SIGKILL while it writes: temp files stay behind, and the next
 * import removes them, says how many, and leaves every entry whole.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readRecords } from '../../../src/lib/mail/node/entries.ts';
import { synthArchive } from '../../../src/lib/synth/archive.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const MESSAGES = 3000;
const isTemp = (name: string) => name.startsWith('.') && name.endsWith('.tmp');
const temps = (dir: string) => readdirSync(dir).filter(isTemp);
const importer = (dir: string, input: string) => [
  join(root, 'scripts/import.ts'),
  '--dir',
  dir,
  '--aliases',
  join(dir, 'none.json'),
  input,
];

/** Starts an import into a new folder and kills it (SIGKILL) as soon as a temp file appears there. */
async function killedImport(input: string): Promise<{ dir: string; left: string[] }> {
  const dir = join(mkdtempSync(join(tmpdir(), 'import-crash-')), 'messages');
  mkdirSync(dir);
  let child: ChildProcess | undefined;
  const watcher = watch(dir, (_event, name) => {
    if (name && isTemp(name)) child?.kill('SIGKILL');
  });
  try {
    child = spawn(process.execPath, importer(dir, input), { stdio: 'ignore' });
    const exit = await new Promise<NodeJS.Signals | number | null>((done) => child?.on('exit', (code, signal) => done(signal ?? code)));
    expect(exit, 'the import ended before it wrote a temp file').toBe('SIGKILL');
  } finally {
    watcher.close();
  }
  return { dir, left: temps(dir) };
}

describe('an import killed while writing', () => {
  it('leaves temp files that the next import removes; every entry is then whole', async () => {
    const input = join(mkdtempSync(join(tmpdir(), 'import-crash-in-')), 'month.mbox');
    writeFileSync(input, synthArchive({ messages: MESSAGES, seed: 2002 }).mbox);

    // The kill lands within a moment of the first temp file; should every temp of that moment
    // have been renamed already, nothing is left to test, so try again (rare).
    let run = await killedImport(input);
    for (let attempt = 1; run.left.length === 0 && attempt < 5; attempt++) run = await killedImport(input);
    const { dir, left } = run;
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((name) => /^\..+\.\d+\.\d+\.tmp$/.test(name))).toBe(true);

    const again = spawnSync(process.execPath, importer(dir, input), { encoding: 'utf8' });
    expect(again.stderr).toContain(
      `removed ${left.length} temp file${left.length === 1 ? '' : 's'} an interrupted import left in ${dir}\n`,
    );
    const summary = /^imported (\d+) \(0 with repairs\), updated 0, unchanged (\d+), rejected 0\n$/.exec(again.stdout);
    expect(summary, again.stdout).not.toBeNull();
    expect(Number(summary?.[1]) + Number(summary?.[2])).toBe(MESSAGES);
    expect(again.status).toBe(0);

    expect(temps(dir)).toEqual([]);
    // Every entry parses and passes the schema, and names raw bytes that are there.
    const records = readRecords(dir);
    expect(records).toHaveLength(MESSAGES);
    for (const r of records) expect(existsSync(join(dir, r.raw ?? '')), r.messageId).toBe(true);
    expect(readdirSync(dir).filter((n) => n.endsWith('.raw'))).toHaveLength(MESSAGES);
    expect(readFileSync(join(dir, `${records[0]?.slug}.md`), 'utf8').startsWith('---\n')).toBe(true);
  }, 120_000);
});
