import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The parser Astro's content layer runs on every entry (js-yaml underneath).
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import {
  loadStore,
  mergeMessage,
  parseEntry,
  readOwnFrontmatter,
  serializeEntry,
  writeEntry,
} from '../../../../src/lib/mail/node/store.ts';
import type { MessageData, ParsedMessage } from '../../../../src/lib/mail/types.ts';

const tempDir = () => mkdtempSync(join(tmpdir(), 'store-test-'));

const data: MessageData = {
  messageId: 'm1@example.org',
  aliases: ['hypermail.0123456789abcdef'],
  author: 'Test "Quoted" Person',
  date: '2002-06-27T21:01:29-06:00',
  subject: 'Re: copies & more: a test',
  inReplyTo: null,
  references: [],
  list: 'linux-kernel',
  sourceFormat: 'mbox',
  provenance: 'imported',
  raw: 'm1@example.org.raw',
};

function message(overrides: Partial<ParsedMessage> = {}): ParsedMessage {
  return {
    messageId: 'm1@example.org',
    aliases: [],
    author: 'Test Person',
    date: '2002-06-27T21:01:29-06:00',
    subject: 'copies',
    inReplyTo: 'm0@example.org',
    references: ['m0@example.org'],
    list: 'linux-kernel',
    sourceFormat: 'mbox',
    body: 'full text\n',
    raw: new TextEncoder().encode('From: x\n\nfull text\n'),
    ...overrides,
  };
}

describe('serializeEntry / parseEntry', () => {
  it('writes keys in a fixed order, quotes strings and omits undefined fields', () => {
    const text = serializeEntry({ ...data, summary: undefined } as unknown as MessageData, 'body\n');
    const keys = [...text.matchAll(/^([A-Za-z]+):/gm)].map((m) => m[1]);
    expect(keys).toEqual([
      'messageId',
      'aliases',
      'author',
      'date',
      'subject',
      'inReplyTo',
      'references',
      'list',
      'sourceFormat',
      'provenance',
      'raw',
    ]);
    expect(text).toContain('date: "2002-06-27T21:01:29-06:00"\n');
    expect(text.startsWith('---\nmessageId: "m1@example.org"\n')).toBe(true);
    expect(text.endsWith('\n---\nbody\n')).toBe(true);
  });

  it('is deterministic whatever the input key order', () => {
    const shuffled = Object.fromEntries(Object.entries(data).reverse()) as unknown as MessageData;
    expect(serializeEntry(shuffled, 'x')).toBe(serializeEntry(data, 'x'));
  });

  it('round-trips data and a body verbatim, including --- lines and no final newline', () => {
    const body = 'line\n---\n> quoted: yes\n\n<script>x</script>\r\nlast';
    const text = serializeEntry(data, body, { notes: 'kept' });
    expect(parseEntry(text)).toEqual({ data, body, extra: { notes: 'kept' } });
  });

  it('is read by Astro with the date still a string', () => {
    const { frontmatter } = parseFrontmatter(serializeEntry(data, 'body'));
    expect(frontmatter).toEqual(data);
  });

  it('rejects text without frontmatter or messageId', () => {
    expect(() => parseEntry('just text')).toThrow(/no frontmatter/);
    expect(() => parseEntry('---\nauthor: "x"\n---\nbody')).toThrow(/messageId/);
  });
});

describe('mergeMessage', () => {
  const summary = {
    data: {
      ...data,
      aliases: [],
      sourceFormat: 'summary',
      provenance: 'summary',
      parentBasis: 'inferred',
      inReplyTo: 'parent@example.org',
      references: ['root@example.org', 'parent@example.org'],
      summary: 'Our paraphrase.',
      claims: ['Receive is slower than send.'],
      archive: [{ label: 'lore.kernel.org', url: 'https://lore.kernel.org/x/' }],
    } satisfies MessageData,
    body: 'Our summary body.\n',
  };

  it('keeps authored fields and replaces the text', () => {
    const { data: merged, body, writeRaw } = mergeMessage(message(), summary, 'r.raw');
    expect(merged).toMatchObject({
      summary: 'Our paraphrase.',
      claims: ['Receive is slower than send.'],
      archive: [{ label: 'lore.kernel.org', url: 'https://lore.kernel.org/x/' }],
      parentBasis: 'inferred',
      provenance: 'imported',
      sourceFormat: 'mbox',
      inReplyTo: 'm0@example.org',
      raw: 'r.raw',
    });
    expect(body).toBe('full text\n');
    expect(writeRaw).toBe(true);
  });

  it('keeps parent links the new message lacks', () => {
    const { data: merged } = mergeMessage(message({ inReplyTo: null, references: [], sourceFormat: 'hypermail-text' }), summary, 'r.raw');
    expect(merged.inReplyTo).toBe('parent@example.org');
    expect(merged.references).toEqual(['root@example.org', 'parent@example.org']);
  });

  it("keeps the sender's offset when a hypermail page gives the same instant in the archive's zone", () => {
    const page = message({ sourceFormat: 'hypermail-text', date: '2002-06-27T22:01:29-05:00' });
    expect(mergeMessage(page, summary, 'r.raw').data.date).toBe('2002-06-27T21:01:29-06:00');
    const later = message({ sourceFormat: 'hypermail-text', date: '2002-06-27T22:05:00-05:00' });
    expect(mergeMessage(later, summary, 'r.raw').data.date).toBe('2002-06-27T22:05:00-05:00');
    expect(mergeMessage(message({ date: '2002-06-28T05:01:29+02:00' }), summary, 'r.raw').data.date).toBe('2002-06-28T05:01:29+02:00');
  });

  it('never lets a hypermail page replace an mbox body; it only adds an alias', () => {
    const existing = { data, body: 'mbox text\n' };
    const page = message({
      messageId: 'm1@example.org',
      aliases: ['hypermail.feedfeedfeedfeed'],
      sourceFormat: 'hypermail-html',
      body: 'page text\n',
    });
    const merged = mergeMessage(page, existing, 'other.raw');
    expect(merged.body).toBe('mbox text\n');
    expect(merged.writeRaw).toBe(false);
    expect(merged.data).toEqual({ ...data, aliases: ['hypermail.0123456789abcdef', 'hypermail.feedfeedfeedfeed'] });
  });

  it("stores the new copy's inferred date and repairs, and drops the old ones when a clean copy arrives", () => {
    const repaired = message({
      dateInferred: 'no Date header; date taken from the mbox From line',
      repairs: ['date inferred from the mbox From line'],
    });
    const { data: merged } = mergeMessage(repaired, summary, 'r.raw');
    expect(merged).toMatchObject({ dateInferred: repaired.dateInferred, repairs: repaired.repairs });
    const text = serializeEntry(merged, 'x\n');
    expect(text).toContain('\ndateInferred: "no Date header; date taken from the mbox From line"\n');
    expect(text).toContain('\nrepairs:\n  - "date inferred from the mbox From line"\n');
    expect(parseEntry(text).data).toEqual(merged);
    const clean = mergeMessage(message(), { data: merged, body: 'x\n' }, 'r.raw').data;
    expect(Object.keys(clean)).not.toContain('dateInferred');
    expect(Object.keys(clean)).not.toContain('repairs');
  });

  it('records a former derived id as an alias when the real id arrives', () => {
    const old = { data: { ...data, messageId: 'hypermail.1111222233334444', aliases: [] }, body: 'x' };
    expect(mergeMessage(message(), old, 'r.raw').data.aliases).toEqual(['hypermail.1111222233334444']);
  });
});

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

describe('readOwnFrontmatter', () => {
  const frontmatter = (text: string): string => text.slice(4, text.indexOf('\n---\n') + 1);
  const anyText = fc.string({ unit: 'binary', maxLength: 40 });

  it('reads whatever serializeEntry writes exactly as the YAML parser does', () => {
    fc.assert(
      fc.property(
        fc.record({
          messageId: anyText.filter((s) => s.length > 0),
          aliases: fc.array(anyText, { maxLength: 3 }),
          author: anyText,
          date: anyText,
          subject: anyText,
          inReplyTo: fc.option(anyText),
          references: fc.array(anyText, { maxLength: 4 }),
          list: anyText,
          claims: fc.option(fc.array(anyText, { minLength: 1, maxLength: 3 }), { nil: undefined }),
          dateInferred: fc.option(anyText, { nil: undefined }),
          repairs: fc.option(fc.array(anyText, { minLength: 1, maxLength: 3 }), { nil: undefined }),
        }),
        (fields) => {
          const text = frontmatter(serializeEntry({ ...data, ...fields } as MessageData, 'body\n'));
          const own = readOwnFrontmatter(text);
          expect(own).toBeDefined();
          expect(own).toEqual(parse(text));
        },
      ),
      { seed: 2002, numRuns: 300 },
    );
  });

  it('leaves anything else to the YAML parser', () => {
    for (const text of [
      'messageId: plain\n',
      'messageId: "a" # comment\n',
      'references:\n',
      'references:\nlist: "x"\n',
      'messageId: "a"\nmessageId: "b"\n',
      'null: "a"\n',
      'order: 3\n',
      'archive:\n  - label: "x"\n',
      'subject: "tab\there"\n',
      'subject: "folded\n  line"\n',
      'messageId: "a"\n\nlist: "b"\n',
      '  - "orphan item"\n',
    ]) {
      expect(readOwnFrontmatter(text), text).toBeUndefined();
    }
  });
});
