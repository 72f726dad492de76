import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Durability, Journal, removeLeftoverTemps } from '../../../../src/lib/mail/node/journal.ts';

const made: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'journal-edges-'));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** Durability that only fails where told to (no real syncing: these tests are about failures). */
const failing = (opts: { file?: string; dir?: string }): Durability => ({
  file: async () => {
    if (opts.file) throw new Error(opts.file);
  },
  dir: async () => {
    if (opts.dir) throw new Error(opts.dir);
  },
});

describe('Journal edges', () => {
  it('stages a group that only removes files, and nothing for bytes already on disk', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'old.md'), 'old');
    writeFileSync(join(dir, 'same.md'), 'same');
    const journal = new Journal({ durability: failing({}) });
    expect(await journal.stage('same', [{ path: join(dir, 'same.md'), content: 'same' }])).toEqual([false]);
    expect(journal.size).toBe(0);
    expect(await journal.stage('drop', [], [join(dir, 'old.md')])).toEqual([]);
    expect(journal.size).toBe(1);
    await journal.commit();
    expect(readdirSync(dir)).toEqual(['same.md']);
    expect(journal.failures).toEqual([]);
  });

  it('says a path list touches the batch when any one path does, and names the path staged twice', async () => {
    const dir = tempDir();
    const a = join(dir, 'a.md');
    const journal = new Journal({ durability: failing({}) });
    await journal.stage('a', [{ path: a, content: 'a' }]);
    expect(journal.touches([join(dir, 'b.md'), a])).toBe(true);
    expect(journal.touches([join(dir, 'b.md')])).toBe(false);
    await expect(journal.stage('again', [{ path: join(dir, 'c.md'), content: 'c' }], [a])).rejects.toThrow(
      new Error(`internal: ${a} is staged twice in one batch`),
    );
    await journal.commit();
    expect(readFileSync(a, 'utf8')).toBe('a');
  });

  it('creates missing folders, however deep, before writing into them', async () => {
    const dir = tempDir();
    const deep = join(dir, 'x', 'y', 'z.md');
    const journal = new Journal({ durability: failing({}) });
    await journal.stage('deep', [{ path: deep, content: 'deep' }]);
    await journal.commit();
    expect(journal.failures).toEqual([]);
    expect(readFileSync(deep, 'utf8')).toBe('deep');
  });

  it('reports every group when a folder cannot be synced, though the files landed', async () => {
    const dir = tempDir();
    const journal = new Journal({ durability: failing({ dir: 'folder sync failed' }) });
    await journal.stage('one', [{ path: join(dir, 'one.md'), content: '1' }]);
    await journal.stage('two', [{ path: join(dir, 'two.md'), content: '2' }]);
    await journal.commit();
    expect(journal.failures.map((f) => [f.tag, f.error.message])).toEqual([
      ['one', 'folder sync failed'],
      ['two', 'folder sync failed'],
    ]);
    expect(readdirSync(dir).sort()).toEqual(['one.md', 'two.md']);
  });

  it('keeps the first error of a group that fails twice', async () => {
    const dir = tempDir();
    const journal = new Journal({ durability: failing({ file: 'file sync failed', dir: 'folder sync failed' }) });
    await journal.stage('one', [{ path: join(dir, 'one.md'), content: '1' }]);
    await journal.commit();
    expect(journal.failures.map((f) => [f.tag, f.error.message])).toEqual([['one', 'file sync failed']]);
    expect(existsSync(join(dir, 'one.md'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('removeLeftoverTemps edges', () => {
  it('fails on a path that is not a folder', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), '');
    await expect(removeLeftoverTemps(join(dir, 'file'))).rejects.toThrow(/ENOTDIR/);
  });
});
