import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readEntries, readRecords } from '../../../../src/lib/mail/node/entries.ts';

const dir = mkdtempSync(join(tmpdir(), 'entries-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('entries that cannot be read', () => {
  it('name their file when the text is not an entry at all', () => {
    const sub = mkdtempSync(join(dir, 'garbage-'));
    writeFileSync(join(sub, 'junk.md'), 'no frontmatter here\n');
    expect(() => readEntries(sub)).toThrow(new RegExp(`^${literal(join(sub, 'junk.md'))}: .+`));
  });

  it('list every field that breaks the schema, nested ones by their dotted path, separated by semicolons', () => {
    const sub = mkdtempSync(join(dir, 'schema-'));
    const fields = [
      'messageId: "two.1@example.org"',
      'author: "Ada Placeholder"',
      'date: "last Tuesday"',
      'subject: "receive path"',
      'sourceFormat: "mbox"',
      'provenance: "imported"',
      'archive:',
      '  - label: "elsewhere"',
      '    url: "not a link"',
    ].join('\n');
    writeFileSync(join(sub, 'two.md'), `---\n${fields}\n---\nBody.\n`);
    expect(() => readRecords(sub)).toThrow(new RegExp(`^${literal(join(sub, 'two.md'))}: date: [^;]+; archive\\.0\\.url: [^;]+$`));
  });
});
