import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileHandle } from 'node:fs/promises';
import { type Durability, fsyncEach, Journal, removeLeftoverTemps } from '../../../../src/lib/mail/node/journal.ts';

const tempDir = () => mkdtempSync(join(tmpdir(), 'journal-test-'));

/** Durability that records what it was asked to make durable, then does it. */
function counting(): { durability: Durability; files: number; dirs: string[] } {
  const seen = { files: 0, dirs: [] as string[] };
  return Object.assign(seen, {
    durability: {
      file: async (handle: FileHandle) => {
        seen.files += 1;
        await fsyncEach.file(handle);
      },
      dir: async (path: string) => {
        seen.dirs.push(path);
        await fsyncEach.dir(path);
      },
    },
  });
}

/**
 * One file written through a journal of its own, as the store writes one entry: true when
 * it was written, false when it already held these bytes.
 */
async function writeOne(path: string, content: string | Uint8Array): Promise<boolean> {
  const journal = new Journal();
  const [changed] = await journal.stage(path, [{ path, content }]);
  await journal.commit();
  const failure = journal.failures[0];
  if (failure) throw failure.error;
  return changed ?? false;
}

describe('one file through a Journal', () => {
  it('writes via a temp file, leaves none behind and skips identical bytes', async () => {
    const dir = tempDir();
    const path = join(dir, 'a.md');
    expect(await writeOne(path, 'one')).toBe(true);
    const before = statSync(path).mtimeMs;
    expect(await writeOne(path, 'one')).toBe(false);
    expect(statSync(path).mtimeMs).toBe(before);
    expect(await writeOne(path, new TextEncoder().encode('two'))).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('two');
    expect(readdirSync(dir)).toEqual(['a.md']);
  });
});

describe('Journal', () => {
  it('stages groups and lands them together: each temp made durable, the folder after the renames', async () => {
    const dir = tempDir();
    const seen = counting();
    const journal = new Journal({ durability: seen.durability });
    for (let i = 0; i < 5; i += 1) {
      const changed = await journal.stage(i, [
        { path: join(dir, `m${i}.raw`), content: `raw ${i}` },
        { path: join(dir, `m${i}.md`), content: new TextEncoder().encode(`entry ${i}`) },
      ]);
      expect(changed).toEqual([true, true]);
    }
    expect(journal.size).toBe(5);
    expect(readdirSync(dir)).toEqual([]);
    await journal.commit();
    expect(journal.size).toBe(0);
    expect(journal.failures).toEqual([]);
    expect(readdirSync(dir).sort()).toHaveLength(10);
    expect(readFileSync(join(dir, 'm3.md'), 'utf8')).toBe('entry 3');
    // Ten files, each synced once while open; the folder once, after renaming.
    expect(seen.files).toBe(10);
    expect(seen.dirs).toEqual([dir]);
  });

  it('skips files whose bytes would not change and removes what a group replaces', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'same.md'), 'same');
    writeFileSync(join(dir, 'old.md'), 'old');
    const before = statSync(join(dir, 'same.md')).mtimeMs;
    const journal = new Journal();
    const changed = await journal.stage(
      'g',
      [
        { path: join(dir, 'same.md'), content: 'same' },
        { path: join(dir, 'new.md'), content: 'new' },
      ],
      [join(dir, 'old.md')],
    );
    expect(changed).toEqual([false, true]);
    await journal.commit();
    expect(readdirSync(dir).sort()).toEqual(['new.md', 'same.md']);
    expect(statSync(join(dir, 'same.md')).mtimeMs).toBe(before);
  });

  it('refuses to stage a path twice in one batch; the caller commits in between', async () => {
    const dir = tempDir();
    const journal = new Journal();
    await journal.stage(1, [{ path: join(dir, 'a.md'), content: 'one' }]);
    expect(journal.touches([join(dir, 'a.md')])).toBe(true);
    await expect(journal.stage(2, [{ path: join(dir, 'a.md'), content: 'two' }])).rejects.toThrow(/staged twice/);
    await journal.commit();
    expect(journal.touches([join(dir, 'a.md')])).toBe(false);
    expect(await journal.stage(2, [{ path: join(dir, 'a.md'), content: 'two' }])).toEqual([true]);
    await journal.commit();
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('two');
  });

  it('when syncing fails, no target is touched, no temp stays and every group is reported', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.md'), 'before');
    const journal = new Journal({
      durability: {
        file: async () => {
          throw new Error('disk on fire');
        },
        dir: fsyncEach.dir,
      },
    });
    await journal.stage('a', [{ path: join(dir, 'a.md'), content: 'after' }]);
    await journal.stage('b', [{ path: join(dir, 'b.md'), content: 'new' }]);
    await journal.commit();
    expect(journal.failures.map((f) => [f.tag, f.error.message])).toEqual([
      ['a', 'disk on fire'],
      ['b', 'disk on fire'],
    ]);
    expect(readdirSync(dir)).toEqual(['a.md']);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('before');
  });

  it('a group that cannot land fails alone; the others land', async () => {
    const dir = tempDir();
    // A folder where a file should go: the rename onto it fails.
    mkdirSync(join(dir, 'blocked.md'));
    writeFileSync(join(dir, 'blocked.md', 'keep'), 'x');
    const journal = new Journal();
    await journal.stage('ok1', [{ path: join(dir, 'one.md'), content: '1' }]);
    await journal.stage('blocked', [{ path: join(dir, 'blocked.md'), content: 'b' }]);
    await journal.stage('ok2', [{ path: join(dir, 'two.md'), content: '2' }]);
    await journal.commit();
    expect(journal.failures.map((f) => f.tag)).toEqual(['blocked']);
    expect(readdirSync(dir).sort()).toEqual(['blocked.md', 'one.md', 'two.md']);
    expect(readdirSync(join(dir, 'blocked.md'))).toEqual(['keep']);
  });
});

describe('removeLeftoverTemps', () => {
  /** A pid no process can have (above the kernel's largest pid_max, 2^22). */
  const DEAD = 4_194_305;

  it("removes only the journal's own temp files of processes that are gone, here and in subfolders the store reads", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    mkdirSync(join(dir, 'other.d'));
    const names = {
      gone: [
        `.a@example.org.md.${DEAD}.1.tmp`,
        `.a@example.org.raw.${DEAD}.2.tmp`,
        `sub/.b.md.${DEAD}.7.tmp`,
        `.c.md.${process.pid}.3.tmp`,
      ],
      kept: [
        `.d.md.${process.ppid}.4.tmp`, // a process that runs: an import at work
        'notes.tmp',
        '.hidden',
        `.e.md.${DEAD}.tmp`,
        `e.md.${DEAD}.5.tmp`,
        'a@example.org.md',
        `other.d/.f.md.${DEAD}.6.tmp`,
      ],
    };
    for (const name of [...names.gone, ...names.kept]) writeFileSync(join(dir, name), 'x');
    expect(await removeLeftoverTemps(dir)).toBe(names.gone.length);
    const left = [
      ...readdirSync(dir),
      ...readdirSync(join(dir, 'sub')).map((n) => `sub/${n}`),
      ...readdirSync(join(dir, 'other.d')).map((n) => `other.d/${n}`),
    ];
    expect(left.filter((n) => !['sub', 'other.d'].includes(n)).sort()).toEqual([...names.kept].sort());
    expect(await removeLeftoverTemps(dir)).toBe(0);
    expect(await removeLeftoverTemps(join(dir, 'missing'))).toBe(0);
  });

  it('recognises the names a commit gives its temp files', async () => {
    const dir = tempDir();
    const journal = new Journal({
      durability: {
        // Stop the commit while its temp file exists: what a crash leaves.
        file: async () => {
          const temps = readdirSync(dir);
          for (const t of temps) writeFileSync(join(dir, t.replace(`.${process.pid}.`, `.${DEAD}.`)), 'left by a dead import');
          throw new Error('crash');
        },
        dir: fsyncEach.dir,
      },
    });
    await journal.stage('a', [{ path: join(dir, 'a.md'), content: 'x' }]);
    await journal.commit();
    expect(readdirSync(dir)).toEqual([expect.stringMatching(new RegExp(`^\\.a\\.md\\.${DEAD}\\.\\d+\\.tmp$`))]);
    expect(await removeLeftoverTemps(dir)).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
  });
});
