import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEntry, serializeEntry } from '../../../../src/lib/mail/entry-file.ts';
import { loadStore, writeEntry } from '../../../../src/lib/mail/node/store.ts';
import { entryData as data, parsedMessage as message } from '../../../support/entries.ts';

const tempDir = () => mkdtempSync(join(tmpdir(), 'store-test-'));

describe('loadStore / writeEntry', () => {
  it('indexes entries by id and alias and reports unreadable files', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.md'), serializeEntry(data, 'x'));
    writeFileSync(join(dir, 'broken.md'), 'no frontmatter here');
    const store = await loadStore(dir);
    expect(store.byId.get('m1@example.org')?.path).toBe(join(dir, 'a.md'));
    expect(store.byId.get('hypermail.0123456789abcdef')?.path).toBe(join(dir, 'a.md'));
    expect(store.problems).toEqual([`${join(dir, 'broken.md')}: no frontmatter`]);
    expect((await loadStore(join(dir, 'missing'))).byId.size).toBe(0);
  });

  it('writes entry and raw, then reports unchanged and updated', async () => {
    const dir = tempDir();
    const store = await loadStore(dir);
    expect(await writeEntry(store, message())).toBe('imported');
    expect(readdirSync(dir).sort()).toEqual(['m1@example.org.md', 'm1@example.org.raw']);
    expect(readFileSync(join(dir, 'm1@example.org.raw'), 'utf8')).toBe('From: x\n\nfull text\n');
    expect(await writeEntry(store, message())).toBe('unchanged');
    expect(await writeEntry(await loadStore(dir), message({ body: 'edited\n' }))).toBe('updated');
    expect(parseEntry(readFileSync(join(dir, 'm1@example.org.md'), 'utf8')).body).toBe('edited\n');
  });

  it('refuses to overwrite a file it cannot read as an entry', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'm1@example.org.md'), 'hand-written notes');
    await expect(writeEntry(await loadStore(dir), message())).rejects.toThrow(/not overwriting/);
    expect(readFileSync(join(dir, 'm1@example.org.md'), 'utf8')).toBe('hand-written notes');
  });

  it('moves an importer-named entry when its derived id becomes an alias', async () => {
    const dir = tempDir();
    const store = await loadStore(dir);
    await writeEntry(
      store,
      message({ messageId: 'hypermail.1111222233334444', sourceFormat: 'hypermail-text', inReplyTo: null, references: [] }),
    );
    expect(await writeEntry(store, message({ aliases: ['hypermail.1111222233334444'] }))).toBe('updated');
    expect(readdirSync(dir).sort()).toEqual(['m1@example.org.md', 'm1@example.org.raw']);
  });
});
