// The parser Astro's content layer runs on every entry (js-yaml underneath).
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import { KEY_ORDER, parseEntry, readOwnFrontmatter, serializeEntry } from '../../../src/lib/mail/entry-file.ts';
import { messageDataSchema } from '../../../src/lib/mail/schema.ts';
import type { MessageData } from '../../../src/lib/mail/types.ts';
import { entryData as data, fullEntryData } from '../../support/entries.ts';

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

  it('writes extra keys only when they have a value and are not the schema’s own keys', () => {
    const plain = { ...data, summary: undefined } as unknown as MessageData;
    const text = serializeEntry(plain, 'x', { notes: undefined, subject: 'not ours', summary: 'not ours either', tag: 'kept' });
    expect(parse(text.split('---\n')[1] ?? '')).toEqual({ ...parse(serializeEntry(plain, 'x').split('---\n')[1] ?? ''), tag: 'kept' });
    expect(text).not.toContain('not ours');
    expect(text).not.toMatch(/^notes:/m);
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

describe("the key order is the schema's", () => {
  /** The frontmatter keys of an entry's text, in the order they are written. */
  const keysOf = (text: string): string[] => [...text.matchAll(/^([A-Za-z]+):/gm)].map((m) => m[1] ?? '');
  /** Every key the schema declares, in the schema's order: nothing here names a key. */
  const schemaOrder = Object.keys(messageDataSchema.shape);

  it('is the order the schema declares its keys in, so a key added to the schema is written in its place', () => {
    expect(KEY_ORDER).toEqual(schemaOrder);
    // An entry holding every key of the schema, handed over in the reverse order.
    const every = Object.fromEntries(schemaOrder.toReversed().map((key) => [key, key === 'aliases' ? ['an alias'] : `${key} value`]));
    const text = serializeEntry(every as unknown as MessageData, 'body\n', { zeta: 'z', alpha: 'a' });
    expect(keysOf(text)).toEqual([...schemaOrder, 'zeta', 'alpha']);
    expect(parseEntry(text)).toEqual({ data: every, body: 'body\n', extra: { zeta: 'z', alpha: 'a' } });
  });

  it('round-trips an entry with every key set that the schema accepts', () => {
    const full = fullEntryData;
    expect(messageDataSchema.parse(full)).toEqual(full);
    const text = serializeEntry(full, 'body\n');
    expect(keysOf(text).filter((key) => schemaOrder.includes(key))).toEqual(schemaOrder);
    expect(parseEntry(text)).toEqual({ data: full, body: 'body\n', extra: {} });
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
