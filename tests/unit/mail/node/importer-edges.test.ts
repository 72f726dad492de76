/**
 * importPaths, loadAliases and collectFiles on inputs written here: malformed alias tables,
 * copies of one Message-ID that differ in one field, what the log says, and rejections
 * found while writing sorted in among those found while reading.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { parseEntry } from '../../../../src/lib/mail/entry-file.ts';
import { parseHypermail } from '../../../../src/lib/mail/hypermail.ts';
import { collectFiles, importPaths, loadAliases } from '../../../../src/lib/mail/node/importer.ts';

const made: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'importer-edges-'));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** One mbox message ending in a blank line; `fields` override the default header lines. */
function message(fields: { id: string; from?: string; subject?: string; date?: string; body?: string }): string {
  return [
    'From someone Thu Jun 27 11:46:28 2002',
    `From: ${fields.from ?? 'Ada Placeholder <ada@example.org>'}`,
    `Subject: ${fields.subject ?? 'the slowest side'}`,
    `Message-ID: <${fields.id}>`,
    `Date: ${fields.date ?? 'Thu, 27 Jun 2002 11:46:28 +0000'}`,
    '',
    fields.body ?? 'Which side is slowest?',
    '',
    '',
  ].join('\n');
}

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return 'no error';
}

describe('loadAliases', () => {
  it('refuses a table that is not a JSON object of strings', async () => {
    const dir = tempDir();
    const cases: Array<[string, string]> = [
      ['[]', 'not a JSON object'],
      ['null', 'not a JSON object'],
      ['"quoted.1"', 'not a JSON object'],
      ['{"quoted.1": 7}', 'alias quoted.1 does not map to a string'],
    ];
    for (const [i, [json, why]] of cases.entries()) {
      const file = join(dir, `aliases-${i}.json`);
      writeFileSync(file, json);
      expect(await failure(loadAliases(file))).toBe(`${file}: ${why}`);
    }
  });

  it('passes on a read error other than a missing file', async () => {
    const dir = tempDir();
    expect(await failure(loadAliases(dir))).toMatch(/EISDIR/);
    expect(await loadAliases(join(dir, 'none.json'))).toEqual(new Map());
  });

  it('gives no message its own id as an alias', async () => {
    const input = tempDir();
    const dir = tempDir();
    const aliases = join(input, 'aliases.json');
    writeFileSync(aliases, JSON.stringify({ 'self.1@example.org': 'self.1@example.org' }));
    writeFileSync(join(input, 'one.mbox'), message({ id: 'self.1@example.org' }));
    expect(await importPaths([join(input, 'one.mbox')], { dir, aliasesFile: aliases })).toMatchObject({ imported: 1 });
    expect(parseEntry(readFileSync(join(dir, 'self.1@example.org.md'), 'utf8')).data.aliases).toEqual([]);
  });
});

describe('collectFiles', () => {
  it('lists a folder’s files sorted by name, whatever order they were made in', async () => {
    const dir = tempDir();
    const names = ['m.mbox', 'c.eml', 'x.txt', 'a.mbox', 'q.html', 'f.eml', 'z.mbox', 'b.txt', 'k.eml', 'e.mbox', 'r.txt', 'd.htm'];
    for (const name of names) writeFileSync(join(dir, name), '');
    expect(await collectFiles([dir])).toEqual([...names].sort().map((n) => join(dir, n)));
  });
});

describe('importPaths', () => {
  it('warns when a later copy of a Message-ID differs in body, subject, author or date, and not when it is the same', async () => {
    const variants: Array<[string, Parameters<typeof message>[0] | null]> = [
      ['same', null],
      ['body', { id: 'dup.1@example.org', body: 'Another text.' }],
      ['subject', { id: 'dup.1@example.org', subject: 'Re: the slowest side' }],
      ['author', { id: 'dup.1@example.org', from: 'Bo Invented <bo@example.net>' }],
      ['date', { id: 'dup.1@example.org', date: 'Thu, 27 Jun 2002 12:00:00 +0000' }],
    ];
    for (const [what, second] of variants) {
      const input = tempDir();
      const file = join(input, `${what}.mbox`);
      writeFileSync(file, message({ id: 'dup.1@example.org' }) + message(second ?? { id: 'dup.1@example.org' }));
      const lines: string[] = [];
      const result = await importPaths([file], { dir: tempDir(), log: (line) => lines.push(line) });
      expect(result).toMatchObject({ imported: 1, rejected: [] });
      expect(lines.filter((l) => l.startsWith('warning:'))).toEqual(
        what === 'same'
          ? []
          : [
              `warning: ${file}:1 (message 1): Message-ID <dup.1@example.org> is used again at ${file}:9 (message 2) with other content; the later copy is kept`,
            ],
      );
    }
  });

  it('does not warn when a hypermail page of a mail comes later in the batch: it only adds an alias', async () => {
    const page = fileURLToPath(new URL('../../../fixtures/mail/hypermail-page.html', import.meta.url));
    const pageId = parseHypermail(readFileSync(page)).messageId;
    const input = tempDir();
    const aliasesFile = join(input, 'aliases.json');
    writeFileSync(aliasesFile, JSON.stringify({ [pageId]: 'kim.0015@example.org' }));
    const eml = join(input, 'kim.eml');
    writeFileSync(
      eml,
      'From: Kim Q. Fixture <kim@example.org>\nDate: Fri, 28 Jun 2002 17:14:55 +0200\nMessage-ID: <kim.0015@example.org>\nSubject: Re: interrupt coalescing\n\nThe full mail.\n',
    );
    const lines: string[] = [];
    const dir = tempDir();
    await importPaths([eml, page], { dir, aliasesFile, log: (line) => lines.push(line) });
    expect(lines.filter((l) => l.startsWith('warning:'))).toEqual([]);
    const { data, body } = parseEntry(readFileSync(join(dir, 'kim.0015@example.org.md'), 'utf8'));
    expect(body).toBe('The full mail.\n');
    expect(data.aliases).toEqual([pageId]);
  });

  it('logs how many temp files an interrupted import left, in the singular for one', async () => {
    for (const count of [0, 1, 2]) {
      const dir = tempDir();
      for (let i = 0; i < count; i++) writeFileSync(join(dir, `.entry-${i}.md.${process.pid}.${i}.tmp`), 'half');
      const lines: string[] = [];
      const result = await importPaths([], { dir, log: (line) => lines.push(line) });
      expect(result.tempsRemoved).toBe(count);
      expect(lines).toEqual(
        count === 0 ? [] : [`removed ${count} temp ${count === 1 ? 'file' : 'files'} an interrupted import left in ${dir}`],
      );
    }
  });

  it('warns of an unreadable entry, refuses to overwrite it, and lists rejections in input order', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    const clash = join(dir, 'clash.1@example.org.md');
    writeFileSync(clash, 'not an entry at all\n');
    const input = tempDir();
    const file = join(input, 'two.mbox');
    writeFileSync(file, `${message({ id: 'clash.1@example.org' })}From someone Thu Jun 27 11:47:28 2002\nhello there\n\nbody\n`);
    const missing = join(input, 'missing.mbox');
    const lines: string[] = [];
    const result = await importPaths([file, missing], { dir, log: (line) => lines.push(line) });
    expect(lines).toHaveLength(1);
    expect(lines[0]?.startsWith(`warning: ${clash}: `)).toBe(true);
    expect(result.rejected).toEqual([
      { file, index: 1, line: 1, reason: `${clash} exists but is not a readable entry; not overwriting it` },
      { file, index: 2, line: 9, reason: 'no header fields at the start of the message' },
      { file: missing, index: 1, line: 1, reason: 'no such file or folder' },
    ]);
    expect(readFileSync(clash, 'utf8')).toBe('not an entry at all\n');
  });

  it('does not read a file as an mbox when its first line starts with "From " but is no From line', async () => {
    const input = tempDir();
    const file = join(input, 'note.txt');
    writeFileSync(
      file,
      'From a friend\nFrom: Ada Placeholder <ada@example.org>\nSubject: hello\nMessage-ID: <note.1@example.org>\n\nHi.\n',
    );
    const result = await importPaths([file], { dir: tempDir() });
    expect(result).toMatchObject({
      imported: 0,
      rejected: [{ file, index: 1, line: 1, reason: 'no header fields at the start of the message' }],
    });
  });

  it('judges an .eml file’s Date against the import’s clock, not the real one', async () => {
    const input = tempDir();
    const dir = tempDir();
    const file = join(input, 'late.eml');
    writeFileSync(file, message({ id: 'late.1@example.org', date: 'Mon, 1 Mar 2010 10:00:00 +0000' }).split('\n').slice(1).join('\n'));
    await importPaths([file], { dir, now: Date.UTC(2002, 5, 28) });
    const { data } = parseEntry(readFileSync(join(dir, 'late.1@example.org.md'), 'utf8'));
    expect(data.date).not.toBe('2010-03-01T10:00:00+00:00');
    expect(data.dateInferred).toMatch(/^Date header /);
  });
});
