import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serializeEntry } from '../../../../src/lib/mail/entry-file.ts';
import { loadStore, writeEntry } from '../../../../src/lib/mail/node/store.ts';
import { entryData as data, parsedMessage as message } from '../../../support/entries.ts';

const made: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'store-listing-'));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('loadStore', () => {
  it('reads .md files and folders without a dot in their name, and nothing else', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.md'), serializeEntry(data, 'x'));
    writeFileSync(join(dir, '.hidden.md'), 'not an entry');
    writeFileSync(join(dir, 'notes.txt'), 'not an entry');
    writeFileSync(join(dir, 'README'), 'not an entry');
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'inner.md'), serializeEntry({ ...data, messageId: 'inner.2@example.org', aliases: [] }, 'y'));
    mkdirSync(join(dir, 'v1.2'));
    writeFileSync(join(dir, 'v1.2', 'old.md'), 'not an entry');
    const store = await loadStore(dir);
    expect(store.problems).toEqual([]);
    expect([...store.byId.keys()].sort()).toEqual(['hypermail.0123456789abcdef', 'inner.2@example.org', 'm1@example.org']);
    expect(store.byId.get('inner.2@example.org')?.path).toBe(join(dir, 'sub', 'inner.md'));
  });

  it('finds nothing in a missing folder and fails on a path that is not a folder', async () => {
    const dir = tempDir();
    expect(await loadStore(join(dir, 'missing'))).toEqual({ dir: join(dir, 'missing'), byId: new Map(), problems: [] });
    writeFileSync(join(dir, 'file'), '');
    await expect(loadStore(join(dir, 'file'))).rejects.toThrow(/ENOTDIR/);
  });

  it('reports an id two entries claim, but not an entry that lists its own id as an alias', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.md'), serializeEntry({ ...data, aliases: ['m1@example.org'] }, 'x'));
    expect((await loadStore(dir)).problems).toEqual([]);
    writeFileSync(join(dir, 'b.md'), serializeEntry({ ...data, aliases: [] }, 'y'));
    expect((await loadStore(dir)).problems).toEqual([`${join(dir, 'b.md')}: id m1@example.org is also used by ${join(dir, 'a.md')}`]);
  });
});

describe('writeEntry moving an entry', () => {
  const DERIVED = 'hypermail.1111222233334444';
  const derived = (raw: string | undefined) => {
    const { raw: _, ...rest } = data;
    return serializeEntry({ ...rest, messageId: DERIVED, aliases: [], sourceFormat: 'hypermail-text', ...(raw ? { raw } : {}) }, 'page');
  };

  it('moves an entry that has no raw file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, `${DERIVED}.md`), derived(undefined));
    expect(await writeEntry(await loadStore(dir), message({ aliases: [DERIVED] }))).toBe('updated');
    expect(readdirSync(dir).sort()).toEqual(['m1@example.org.md', 'm1@example.org.raw']);
  });

  it('leaves a raw file named with a folder where it is', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'keep'));
    writeFileSync(join(dir, 'keep', 'page.raw'), 'kept');
    writeFileSync(join(dir, `${DERIVED}.md`), derived('keep/page.raw'));
    expect(await writeEntry(await loadStore(dir), message({ aliases: [DERIVED] }))).toBe('updated');
    expect(existsSync(join(dir, 'keep', 'page.raw'))).toBe(true);
    expect(existsSync(join(dir, `${DERIVED}.md`))).toBe(false);
  });
});

describe('writeEntry on its own', () => {
  it('throws when its files cannot land', async () => {
    const dir = tempDir();
    const store = await loadStore(join(dir, 'entries'));
    writeFileSync(join(dir, 'entries'), 'a file where the folder should be');
    await expect(writeEntry(store, message())).rejects.toThrow(/ENOTDIR|EEXIST/);
  });
});
