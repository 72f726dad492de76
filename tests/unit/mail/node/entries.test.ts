import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRecords } from '../../../../src/lib/mail/node/entries.ts';

const tempDir = () => mkdtempSync(join(tmpdir(), 'entries-test-'));

const entry = (fields: string, body = 'Body text.\n') => `---\n${fields}\n---\n${body}`;
const minimal = [
  'messageId: "m1@example.org"',
  'author: "Fixture Author"',
  'date: "2002-06-28T09:00:00+02:00"',
  'subject: "receive path"',
  'sourceFormat: "mbox"',
  'provenance: "imported"',
].join('\n');

describe('readRecords', () => {
  it('checks each entry, fills in defaults and derives the slug', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'm1.md'), entry(minimal));
    const [record] = readRecords(dir);
    expect(record).toMatchObject({
      messageId: 'm1@example.org',
      slug: 'm1@example.org',
      aliases: [],
      references: [],
      inReplyTo: null,
      list: 'linux-kernel',
      body: 'Body text.\n',
    });
  });

  it('stops at an entry that breaks the schema, naming its file and field', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.md'), entry(minimal));
    writeFileSync(join(dir, 'b.md'), entry(minimal.replace('2002-06-28T09:00:00+02:00', 'last Tuesday')));
    expect(() => readRecords(dir)).toThrow(`${join(dir, 'b.md')}: date:`);
    writeFileSync(join(dir, 'b.md'), entry(minimal.replace('provenance: "imported"', 'provenance: "invented"')));
    expect(() => readRecords(dir)).toThrow(/b\.md: provenance: /);
  });
});
