import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseHypermail } from '../../../../src/lib/mail/hypermail.ts';
import { slugOf } from '../../../../src/lib/mail/ids.ts';
import { collectFiles, importPaths } from '../../../../src/lib/mail/node/importer.ts';
import { parseEntry, serializeEntry } from '../../../../src/lib/mail/entry-file.ts';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const fixtures = join(root, 'tests/fixtures/mail');
const fixture = (name: string) => join(fixtures, name);
const seed = join(root, 'mail/000_dfd74d5279ec2a6b.txt');
const PINE = 'Pine.LNX.4.44.0206271943340.24818-100000@alvie-mail.lanl.gov';
const tempDir = () => mkdtempSync(join(tmpdir(), 'import-test-'));
const entry = (dir: string, id: string) => parseEntry(readFileSync(join(dir, `${slugOf(id)}.md`), 'utf8'));

/** Every file in `dir` with its bytes and mtime. */
function snapshot(dir: string): Record<string, [string, number]> {
  return Object.fromEntries(
    readdirSync(dir).map((name) => [name, [readFileSync(join(dir, name), 'base64'), statSync(join(dir, name)).mtimeMs]]),
  );
}

describe('importPaths', () => {
  it('imports a folder of mbox, eml and hypermail files and is idempotent', async () => {
    const dir = tempDir();
    const inputs = [fixture('mboxo.mbox'), fixture('mboxrd.mbox'), fixture('base64.eml'), fixture('hypermail-page.html'), seed];
    const first = await importPaths(inputs, { dir });
    expect(first).toEqual({ imported: 8, updated: 0, unchanged: 0, repaired: 0, rejected: [], tempsRemoved: 0 });
    const before = snapshot(dir);
    expect(Object.keys(before).some((name) => name.endsWith('.tmp') || name.startsWith('.'))).toBe(false);
    const second = await importPaths(inputs, { dir });
    expect(second).toEqual({ imported: 0, updated: 0, unchanged: 8, repaired: 0, rejected: [], tempsRemoved: 0 });
    expect(snapshot(dir)).toEqual(before);
  });

  it('stores the body verbatim after the frontmatter and the raw bytes beside it', async () => {
    const dir = tempDir();
    await importPaths([fixture('mboxrd.mbox')], { dir });
    const { data, body } = entry(dir, 'dave.0004@example.org');
    expect(body).toContain('\nFrom the top, once.\n>From the top, twice.\n');
    expect(data).toMatchObject({
      author: 'Dave Placeholder',
      provenance: 'imported',
      sourceFormat: 'mbox',
      raw: 'dave.0004@example.org.raw',
    });
    expect(readFileSync(join(dir, 'dave.0004@example.org.raw'), 'utf8').startsWith('From: Dave Placeholder')).toBe(true);
    expect(readFileSync(join(dir, 'dave.0004@example.org.md'), 'utf8')).not.toContain('dave@example.org');
  });

  it('reads .mbox.gz files', async () => {
    const dir = tempDir();
    const input = join(tempDir(), 'archive.mbox.gz');
    writeFileSync(input, gzipSync(readFileSync(fixture('mboxo.mbox'))));
    expect(await importPaths([input], { dir })).toMatchObject({ imported: 3, rejected: [] });
    expect(entry(dir, 'carol.0003@example.net').data.date).toBe('2002-06-28T11:30:00-07:00');
  });

  it('updates the entry of a changed message', async () => {
    const dir = tempDir();
    const input = join(tempDir(), 'one.eml');
    const original = readFileSync(fixture('latin1.eml'), 'latin1');
    writeFileSync(input, original, 'latin1');
    await importPaths([input], { dir });
    writeFileSync(input, original.replace('20\xb0C', '25\xb0C'), 'latin1');
    expect(await importPaths([input], { dir })).toMatchObject({ imported: 0, updated: 1 });
    expect(entry(dir, 'ivan.0010@example.org').body).toBe('Café crème, 25°C.\n');
  });

  it('treats a repeated Message-ID in one batch as an update, or unchanged when identical', async () => {
    const message = 'From: A <a@example.org>\nDate: Mon, 1 Jul 2002 10:00:00 +0000\nMessage-ID: <dup@example.org>\n\n';
    const mbox = (second: string) =>
      `From a Mon Jul  1 10:00:00 2002\n${message}one\n\nFrom a Mon Jul  1 10:00:00 2002\n${message}${second}\n`;
    const input = join(tempDir(), 'dups.mbox');
    writeFileSync(input, mbox('one'));
    expect(await importPaths([input], { dir: tempDir() })).toMatchObject({ imported: 1, updated: 0, unchanged: 1 });
    writeFileSync(input, mbox('two'));
    const dir = tempDir();
    expect(await importPaths([input], { dir })).toMatchObject({ imported: 1, updated: 1, unchanged: 0 });
    expect(entry(dir, 'dup@example.org').body).toBe('two\n');
  });

  it('keeps summary, claims, archive and the file name of an existing summary entry', async () => {
    const dir = tempDir();
    const summary = serializeEntry(
      {
        messageId: 'bob.0002@example.com',
        aliases: [],
        author: 'Bob Sample',
        date: '2002-06-28T18:01:02+02:00',
        subject: 'Re: receive path copies',
        inReplyTo: 'alice.0001@example.org',
        references: [],
        parentBasis: 'header',
        list: 'test-list',
        sourceFormat: 'summary',
        provenance: 'summary',
        summary: 'Bob agrees with the measurement.',
        claims: ['The copy is in the socket layer.'],
        archive: [{ label: 'example archive', url: 'https://example.org/a/2' }],
      },
      'Our notes.\n',
    );
    writeFileSync(join(dir, 'bob-reply.md'), summary);
    expect(await importPaths([fixture('mboxo.mbox')], { dir })).toMatchObject({ imported: 2, updated: 1 });
    const { data, body } = parseEntry(readFileSync(join(dir, 'bob-reply.md'), 'utf8'));
    expect(data).toMatchObject({
      provenance: 'imported',
      sourceFormat: 'mbox',
      summary: 'Bob agrees with the measurement.',
      claims: ['The copy is in the socket layer.'],
      archive: [{ label: 'example archive', url: 'https://example.org/a/2' }],
      parentBasis: 'header',
      raw: 'bob-reply.raw',
    });
    expect(body).toContain('That matches my own test.');
    expect(readdirSync(dir)).not.toContain(`${slugOf('bob.0002@example.com')}.md`);
  });

  it('keeps the mbox body when the hypermail page of the same message arrives later', async () => {
    const dir = tempDir();
    const pageId = parseHypermail(readFileSync(fixture('hypermail-page.html'))).messageId;
    const aliasesFile = join(tempDir(), 'aliases.json');
    writeFileSync(aliasesFile, JSON.stringify({ [pageId]: 'kim.0015@example.org' }));
    const eml = join(tempDir(), 'kim.eml');
    writeFileSync(
      eml,
      'From: Kim Q. Fixture <kim@example.org>\nDate: Fri, 28 Jun 2002 17:14:55 +0200\nMessage-ID: <kim.0015@example.org>\nIn-Reply-To: <max.0016@example.org>\nSubject: Re: interrupt coalescing & receive livelock\n\nThe full mail.\n',
    );
    await importPaths([eml], { dir, aliasesFile });
    expect(await importPaths([fixture('hypermail-page.html')], { dir, aliasesFile })).toMatchObject({ updated: 1, rejected: [] });
    const { data, body } = entry(dir, 'kim.0015@example.org');
    expect(body).toBe('The full mail.\n');
    expect(data).toMatchObject({
      sourceFormat: 'eml',
      aliases: [pageId],
      inReplyTo: 'max.0016@example.org',
      date: '2002-06-28T17:14:55+02:00',
    });
    expect(readdirSync(dir).sort()).toEqual(['kim.0015@example.org.md', 'kim.0015@example.org.raw']);
  });

  it('maps the seed to its real Message-ID through the alias table', async () => {
    const dir = tempDir();
    const result = await importPaths([join(root, 'mail')], { dir, aliasesFile: join(root, 'src/content/aliases.json') });
    expect(result).toEqual({ imported: 1, updated: 0, unchanged: 0, repaired: 0, rejected: [], tempsRemoved: 0 });
    const { data, body } = entry(dir, PINE);
    const derived = parseHypermail(readFileSync(seed)).messageId;
    expect(data).toMatchObject({
      messageId: PINE,
      aliases: [derived],
      author: 'Hurwitz Justin W.',
      date: '2002-06-27T22:01:29-05:00',
      sourceFormat: 'hypermail-text',
      list: 'linux-kernel',
      raw: `${slugOf(PINE)}.raw`,
    });
    expect(body.startsWith("In a mail that wasn't CC'd to me Bernd said:")).toBe(true);
    expect(readFileSync(join(dir, `${slugOf(PINE)}.raw`))).toEqual(readFileSync(seed));
  });

  it('imports every message of a broken batch, repairing what it can, and reports what is not mail', async () => {
    const dir = tempDir();
    const file = fixture('broken-batch.mbox');
    const result = await importPaths([file], { dir });
    expect(result).toMatchObject({ imported: 5, repaired: 3 });
    expect(result.rejected.map(({ index, line, file: f, reason }) => [f, index, line, reason])).toEqual([
      [file, 2, 9, 'no header fields at the start of the message'],
      [file, 5, 28, 'empty message'],
    ]);
    // Message 3's Date is not a date, message 6 has none: both take their mbox From line's.
    expect(entry(dir, 'bad.0012@example.org').data).toMatchObject({
      date: '2002-07-03T08:02:00+00:00',
      dateInferred:
        'Date header unparseable ("the day after tomorrow"); date taken from the mbox From line, read as UTC (the line gives no zone)',
      repairs: ['date inferred from the mbox From line'],
    });
    expect(entry(dir, 'anon.0013@example.org').data).toMatchObject({
      author: 'unknown sender',
      date: '2002-07-03T08:05:00+00:00',
      repairs: ['no From header; the sender is unknown', 'date inferred from the mbox From line'],
    });
    // Message 4 has no Message-ID: its derived id, and the NUL in its Subject is a space.
    const nul = readdirSync(dir).find((n) => n.startsWith('nomsgid.') && n.endsWith('.md')) ?? '';
    expect(parseEntry(readFileSync(join(dir, nul), 'utf8')).data).toMatchObject({
      subject: 'a nul  in the header',
      date: '2002-07-03T08:03:00+00:00',
      repairs: ['a NUL byte in the header block replaced by a space'],
    });
    expect(readdirSync(dir).filter((n) => n.endsWith('.md'))).toHaveLength(5);
  });

  it('dates a message by the first source that has a date: Date, mbox From line, Received, neighbour, file time', async () => {
    const input = tempDir();
    const head = (id: string) => `From: A <a@example.org>\nSubject: ${id}\nMessage-ID: <${id}@example.org>\n`;
    const received = 'Received: from b by c; Tue, 2 Jul 2002 09:10:11 +0100\nReceived: from a by b; Tue, 2 Jul 2002 09:09:00 +0100\n';
    writeFileSync(
      join(input, 'month.mbox'),
      [
        `From x Mon Jul  1 10:00:00 2002\n${head('own')}Date: Mon, 1 Jul 2002 12:00:00 +0200\n\nx\n`,
        `From x Mon Jul  1 10:30:00 2002\n${head('fromline')}Date: never\n\nx\n`,
        `From x Mon Jul 99 10:30:00 2002\n${received}${head('received')}\nx\n`,
        `From x Mon Jul 99 10:30:00 2002\n${head('neighbour')}Date: soon\n\nx\n`,
      ].join('\n'),
    );
    writeFileSync(join(input, 'alone.eml'), `${head('filetime')}\nx\n`);
    utimesSync(join(input, 'alone.eml'), new Date('2024-05-06T07:08:09.5Z'), new Date('2024-05-06T07:08:09.5Z'));
    const dir = tempDir();
    const result = await importPaths([input], { dir });
    expect(result).toMatchObject({ imported: 5, repaired: 4, rejected: [] });
    const dates = ['own', 'fromline', 'received', 'neighbour', 'filetime'].map((id) => {
      const { data } = entry(dir, `${id}@example.org`);
      return [id, data.date, data.dateInferred?.replace(/^.*; date taken from |^.*; the date is /, '')];
    });
    expect(dates).toEqual([
      ['own', '2002-07-01T12:00:00+02:00', undefined],
      ['fromline', '2002-07-01T10:30:00+00:00', 'the mbox From line, read as UTC (the line gives no zone)'],
      ['received', '2002-07-02T09:10:11+01:00', 'the latest dated Received header'],
      ['neighbour', '2002-07-02T09:10:11+01:00', 'message 3 of the same file, the nearest dated message before it'],
      ['filetime', '2024-05-06T07:08:09+00:00', "the input file's last modification time (the mail is no newer than that)"],
    ]);
    // Touching the file (a fresh checkout) does not move a date only the file time gave.
    utimesSync(join(input, 'alone.eml'), new Date('2026-01-02T03:04:05Z'), new Date('2026-01-02T03:04:05Z'));
    const again = await importPaths([input], { dir });
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 5 });
    expect(entry(dir, 'filetime@example.org').data.date).toBe('2024-05-06T07:08:09+00:00');
  });

  it('reports unreadable files and missing paths without stopping', async () => {
    const input = tempDir();
    writeFileSync(join(input, 'bad.gz'), new Uint8Array([0x1f, 0x8b, 1, 2, 3]));
    copyFileSync(fixture('base64.eml'), join(input, 'good.eml'));
    const result = await importPaths([input, join(input, 'nope.mbox')], { dir: tempDir() });
    expect(result.imported).toBe(1);
    expect(result.rejected.map((r) => [r.file, r.reason.split(':')[0]])).toEqual([
      [join(input, 'bad.gz'), 'cannot decompress'],
      [join(input, 'nope.mbox'), 'no such file or folder'],
    ]);
  });
});

describe('collectFiles', () => {
  it('walks folders in order and picks mail-like files only', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    mkdirSync(join(dir, '.hidden'));
    for (const name of ['b.eml', 'a.mbox', 'notes.md', 'x.raw', 'mbox', 'sub/c.mbox.gz', 'sub/d.html', 'sub/e.txt', '.hidden/f.eml']) {
      writeFileSync(join(dir, name), '');
    }
    expect(await collectFiles([dir])).toEqual(
      ['a.mbox', 'b.eml', 'mbox', 'sub/c.mbox.gz', 'sub/d.html', 'sub/e.txt'].map((n) => join(dir, n)),
    );
  });
});

describe('scripts/import.ts', () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [join(root, 'scripts/import.ts'), ...args], { encoding: 'utf8', cwd: root });

  it('prints rejections and a summary and exits 1 when anything was rejected', () => {
    const dir = tempDir();
    const run = cli('--dir', dir, '--aliases', join(dir, 'none.json'), fixture('broken-batch.mbox'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${fixture('broken-batch.mbox')}:9 (message 2): no header fields at the start of the message\n`);
    expect(run.stderr).toContain(`${fixture('broken-batch.mbox')}:28 (message 5): empty message\n`);
    expect(run.stderr).toContain(
      `repaired ${fixture('broken-batch.mbox')}:21 (message 4): a NUL byte in the header block replaced by a space\n`,
    );
    expect(run.stdout).toBe('imported 5 (3 with repairs), updated 0, unchanged 0, rejected 2\n');
  });

  it('exits 0 when everything went in, and 2 on usage errors', () => {
    const dir = tempDir();
    const ok = cli('--dir', dir, fixture('base64.eml'));
    expect([ok.status, ok.stdout]).toEqual([0, 'imported 1 (0 with repairs), updated 0, unchanged 0, rejected 0\n']);
    expect(cli('--dir', dir).status).toBe(2);
    expect(cli('--bogus', fixture('base64.eml')).status).toBe(2);
  });
});

describe('importPaths when a write fails', () => {
  it('reports the message that could not be written by file and position, and imports the rest', async () => {
    const dir = tempDir();
    const input = fixture('mboxo.mbox');
    // Where the second message's raw bytes should go there is a folder, so renaming onto it fails.
    const probe = tempDir();
    await importPaths([input], { dir: probe });
    const names = readdirSync(probe)
      .filter((n) => n.endsWith('.md'))
      .sort();
    const blocked = (names[1] as string).replace(/\.md$/, '.raw');
    mkdirSync(join(dir, blocked));
    writeFileSync(join(dir, blocked, 'keep'), 'not an entry');
    const result = await importPaths([input], { dir });
    expect(result.imported).toBe(2);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]).toMatchObject({ file: input, index: 2 });
    expect(result.rejected[0]?.line).toBeGreaterThan(1);
    expect(result.rejected[0]?.reason).toMatch(/^not written: /);
    // Raw first, then the entry: the entry that would name the missing raw file is not written.
    expect(
      readdirSync(dir)
        .filter((n) => n.endsWith('.md'))
        .sort(),
    ).toEqual(names.filter((_, i) => i !== 1));
    expect(readdirSync(dir).some((n) => n.endsWith('.tmp'))).toBe(false);
  });
});
