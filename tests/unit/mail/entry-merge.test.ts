import { describe, expect, it } from 'vitest';
import { parseEntry, serializeEntry } from '../../../src/lib/mail/entry-file.ts';
import { FILE_TIME_REPAIR } from '../../../src/lib/mail/dating.ts';
import { keepsExistingBody, mergeMessage } from '../../../src/lib/mail/entry-merge.ts';
import type { MessageData } from '../../../src/lib/mail/types.ts';
import { messageDataSchema } from '../../../src/lib/mail/schema.ts';
import { entryData as data, fullEntryData, parsedMessage as message } from '../../support/entries.ts';

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

  it('keeps the first file-time date and its note when the same undated file is imported again', () => {
    const first = message({ date: '2002-06-27T10:00:00Z', dateInferred: 'first reading of the file time', repairs: [FILE_TIME_REPAIR] });
    const stored = mergeMessage(first, undefined, 'r.raw').data;
    const again = message({ date: '2002-06-28T11:00:00Z', dateInferred: 'second reading of the file time', repairs: [FILE_TIME_REPAIR] });
    const merged = mergeMessage(again, { data: stored, body: 'x\n' }, 'r.raw').data;
    expect(merged.date).toBe('2002-06-27T10:00:00Z');
    expect(merged.dateInferred).toBe('first reading of the file time');
  });

  it('stores a hypermail page as it is when nothing is stored for it yet', () => {
    const page = message({ sourceFormat: 'hypermail-html' });
    expect(keepsExistingBody(page, undefined)).toBe(false);
    const { data: merged, writeRaw } = mergeMessage(page, undefined, 'r.raw');
    expect(merged.sourceFormat).toBe('hypermail-html');
    expect(writeRaw).toBe(true);
  });

  it('records a former derived id as an alias when the real id arrives', () => {
    const old = { data: { ...data, messageId: 'hypermail.1111222233334444', aliases: [] }, body: 'x' };
    expect(mergeMessage(message(), old, 'r.raw').data.aliases).toEqual(['hypermail.1111222233334444']);
  });
});

describe('mergeMessage and the schema', () => {
  it('sets or keeps every key of the schema, so a key added there is not dropped on the next import unnoticed', () => {
    const copy = message({ dateInferred: 'no Date header; date taken from the mbox From line', repairs: ['a repair'], inReplyToRaw: 'x' });
    const { data: merged } = mergeMessage(copy, { data: fullEntryData, body: 'x\n' }, 'r.raw');
    expect(Object.keys(merged).sort()).toEqual(Object.keys(messageDataSchema.shape).sort());
  });
});
