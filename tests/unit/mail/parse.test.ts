import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reason } from './parse-reason.ts';
import { parseFromLineDate, parseHypermailDate, parseMailDate } from '../../../src/lib/mail/dates.ts';
import { FUTURE_SLACK_MS } from '../../../src/lib/mail/dating.ts';
import { isDerivedId } from '../../../src/lib/mail/ids.ts';
import { htmlToText, MAX_HEADER_BYTES, MAX_MESSAGE_BYTES, parseMessage, UNKNOWN_SENDER } from '../../../src/lib/mail/parse.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/mail/${name}`, import.meta.url));
const bytes = (text: string) => new TextEncoder().encode(text);
const HEAD = 'From: Test Person <test@example.org>\nDate: Mon, 1 Jul 2002 10:00:00 +0000\n';

describe('parseMailDate', () => {
  it.each([
    ['Thu, 27 Jun 2002 21:01:29 -0600', '2002-06-27T21:01:29-06:00'],
    ['Thu, 27 Jun 2002 21:01:29 -0600 (MDT)', '2002-06-27T21:01:29-06:00'],
    ['27 Jun 2002 21:01:29 +0530', '2002-06-27T21:01:29+05:30'],
    ['Fri, 28 Jun 02 11:30 PDT', '2002-06-28T11:30:00-07:00'],
    ['Fri, 28 Jun 1999 23:59:59 EST', '1999-06-28T23:59:59-05:00'],
    ['28 Jun 99 08:00:00 GMT', '1999-06-28T08:00:00+00:00'],
    ['Fri, 28 Jun 2002 08:00:00 UT', '2002-06-28T08:00:00+00:00'],
    ['Fri, 28 Jun 2002 08:00:00 BST', '2002-06-28T08:00:00+01:00'],
    ['Fri, 28 Jun 2002 08:00:00 (CDT)', '2002-06-28T08:00:00-05:00'],
    ['Fri,  28   Jun 2002 08:00:00 edt', '2002-06-28T08:00:00-04:00'],
  ])('%s → %s', (value, iso) => {
    expect(parseMailDate(value)).toBe(iso);
  });

  it.each([
    'the day after tomorrow',
    'Fri, 31 Jun 2002 08:00:00 +0000',
    '28 Jun 2002 25:00:00 +0000',
    '28 Jun 2002 08:00:00 XYZ',
    '28 Foo 2002 08:00:00 +0000',
    '',
  ])('rejects %j', (value) => {
    expect(parseMailDate(value)).toBeNull();
  });
});

describe('parseHypermailDate', () => {
  it('keeps the archive zone', () => {
    expect(parseHypermailDate('Thu Jun 27 2002 - 22:01:29 EST')).toBe('2002-06-27T22:01:29-05:00');
    expect(parseHypermailDate('Sun Jun 30 2002 - 22:00 PDT')).toBe('2002-06-30T22:00:00-07:00');
    expect(parseHypermailDate('Thu, 27 Jun 2002 21:01:29 -0600')).toBeNull();
  });
});

describe('parseFromLineDate', () => {
  it.each([
    ['From jane@example.org Sat Jun 29 10:00:06 2002', { iso: '2002-06-29T10:00:06+00:00', zoned: false }],
    ['From jane@example.org  Mon Jul  1 09:05:00 2002', { iso: '2002-07-01T09:05:00+00:00', zoned: false }],
    ['From MAILER-DAEMON Sat Jun 29 10:00:06 2002 +0200', { iso: '2002-06-29T10:00:06+02:00', zoned: true }],
    ['From jane@example.org Sat Jun 29 10:00:06 PDT 2002', { iso: '2002-06-29T10:00:06-07:00', zoned: true }],
    ['From  Sat Jun 29 10:00 2002', { iso: '2002-06-29T10:00:00+00:00', zoned: false }],
    ['From uucp Sat Jun 29 10:00:06 2002 remote from example', { iso: '2002-06-29T10:00:06+00:00', zoned: false }],
  ])('%s', (line, date) => {
    expect(parseFromLineDate(line)).toEqual(date);
  });

  it.each([
    'From jane@example.org Sat Jun 31 10:00:06 2002',
    'From jane@example.org Sat Jun 29 25:00:06 2002',
    'From jane@example.org at about 10:00',
    'From jane@example.org Sat Jun 29 10:00:06 2002 XYZ',
    'From: jane@example.org',
    'From mboxrd@z Thu Jan  1 00:00:00 1970',
  ])('finds no date in %j', (line) => {
    expect(parseFromLineDate(line)).toBeNull();
  });
});

describe('parseMessage', () => {
  it('reads ids, threading headers, the list and the date with its offset', async () => {
    const raw = bytes(
      'From: "Doe, Jane" <jane@example.org>\nTo: list@example.net\nSubject: Re: copies\nDate: Thu, 27 Jun 2002 21:01:29 -0600\n' +
        'Message-ID: <m2@example.org>\nIn-Reply-To: <m1@example.org>\nReferences: <m0@example.org>\n <m1@example.org>\n' +
        'X-Mailing-List: linux-kernel@vger.kernel.org\n\nbody\n',
    );
    const m = await parseMessage(raw, 'mbox');
    expect(m).toMatchObject({
      messageId: 'm2@example.org',
      author: 'Doe, Jane',
      date: '2002-06-27T21:01:29-06:00',
      subject: 'Re: copies',
      inReplyTo: 'm1@example.org',
      references: ['m0@example.org', 'm1@example.org'],
      list: 'linux-kernel',
      sourceFormat: 'mbox',
      body: 'body\n',
    });
    expect(m.inReplyToRaw).toBeUndefined();
    expect(m.raw).toBe(raw);
  });

  it('keeps a prose In-Reply-To as written', async () => {
    const prose = 'Jane Doe\'s message of "28 Jun 2002 00:35:31 +0200"';
    const m = await parseMessage(bytes(`${HEAD}In-Reply-To: ${prose}\n\nx\n`), 'eml');
    expect(m.inReplyTo).toBeNull();
    expect(m.inReplyToRaw).toBe(prose);
    const withId = await parseMessage(bytes(`${HEAD}In-Reply-To: <p@example.org> (Jane's message of "28 Jun 2002")\n\nx\n`), 'eml');
    expect(withId.inReplyTo).toBe('p@example.org');
    expect(withId.inReplyToRaw).toBe('<p@example.org> (Jane\'s message of "28 Jun 2002")');
  });

  it('drops tokens that are not ids from In-Reply-To and References, keeping the header as written', async () => {
    const m = await parseMessage(bytes(`${HEAD}In-Reply-To: <yes>\nReferences: <yes> <> <@> <m0@example.org> <m1@>\n\nx\n`), 'eml');
    expect(m.inReplyTo).toBeNull();
    expect(m.inReplyToRaw).toBe('<yes>');
    expect(m.references).toEqual(['m0@example.org']);
    const both = await parseMessage(bytes(`${HEAD}In-Reply-To: <yes> <p@example.org>\n\nx\n`), 'eml');
    expect(both.inReplyTo).toBe('p@example.org');
    const at = await parseMessage(bytes(`${HEAD}In-Reply-To: @\n\nx\n`), 'eml');
    expect([at.inReplyTo, at.inReplyToRaw]).toEqual([null, '@']);
  });

  it('hides addresses in prose In-Reply-To, subject and author', async () => {
    const m = await parseMessage(
      bytes(
        'From: jane@example.org\nDate: Mon, 1 Jul 2002 10:00:00 +0000\nSubject: mail bob@example.com\nIn-Reply-To: message from kim@example.org\n\nx\n',
      ),
      'eml',
    );
    expect(m.author).toBe(UNKNOWN_SENDER);
    expect(m.subject).toBe('mail [address hidden]');
    expect(m.inReplyToRaw).toBe('message from [address hidden]');
    expect(JSON.stringify({ ...m, raw: null, body: null })).not.toMatch(/@example\.(org|com)/);
  });

  it('takes the list name from List-Id', async () => {
    expect((await parseMessage(fixture('multipart-alternative.eml'), 'eml')).list).toBe('test-list');
  });

  it('picks the text part of multipart/alternative', async () => {
    const m = await parseMessage(fixture('multipart-alternative.eml'), 'eml');
    expect(m.body).toContain('Plain text part: sendfile avoids the copy.');
    expect(m.body).not.toContain('HTML part');
  });

  it('decodes quoted-printable, ISO-8859-1 and RFC 2047 Q words', async () => {
    const m = await parseMessage(fixture('quoted-printable.eml'), 'eml');
    expect(m.author).toBe('Jörg Fiktiv');
    expect(m.subject).toBe('Grüße aus dem Labor');
    expect(m.body).toBe(
      'Die Kopie im Empfangspfad kostet viel Zeit für große Pakete.\nEine sehr lange Zeile wird mit einem weichen Umbruch fortgesetzt, hier geht es weiter.\n',
    );
  });

  it('decodes base64 bodies and RFC 2047 B words', async () => {
    const m = await parseMessage(fixture('base64.eml'), 'eml');
    expect(m.author).toBe('Hélène Exemple');
    expect(m.subject).toBe('réception à 0,9 Gbit/s');
    expect(m.body).toBe('Ceci est un test en UTF-8 : déjà vu, naïve.\n');
  });

  it('decodes an 8-bit ISO-8859-1 body', async () => {
    expect((await parseMessage(fixture('latin1.eml'), 'eml')).body).toBe('Café crème, 20°C.\n');
  });

  it('turns HTML-only mail into text without scripts, styles or tags', async () => {
    const m = await parseMessage(fixture('html-only.eml'), 'eml');
    expect(m.body).toBe('Throughput\n\nSend & receive differ: 1.4 > 0.9 — see\nthe table.\n\n* first\n* second\n\n  indented   code\n');
    expect(m.body).not.toMatch(/SCRIPT-TEXT|steal|color: red|ignored title|comment|</);
  });

  it('derives a stable nomsgid. id when the Message-ID is missing', async () => {
    const a = await parseMessage(fixture('no-message-id.eml'), 'eml');
    const b = await parseMessage(new Uint8Array(fixture('no-message-id.eml')), 'eml');
    expect(a.messageId).toMatch(/^nomsgid\.[0-9a-f]{16}$/);
    expect(a.messageId).toBe(b.messageId);
    expect(isDerivedId(a.messageId)).toBe(true);
    expect(a.author).toBe(UNKNOWN_SENDER);
    expect(a.date).toBe('2002-07-02T07:00:00-04:00');
    const other = await parseMessage(
      bytes('From: judy@example.org\nSubject: a message without an id\nDate: Tue, 2 Jul 2002 07:00:00 EDT\n\nDifferent text.\n'),
      'eml',
    );
    expect(other.messageId).not.toBe(a.messageId);
  });

  it('falls back to the newest dated Received header when Date is missing, and says so', async () => {
    const m = await parseMessage(
      bytes(
        'Received: from c by d (no date here)\nReceived: from b by c; Tue, 2 Jul 2002 09:10:11 +0100\n' +
          'Received: from a by b; Tue, 2 Jul 2002 09:09:00 +0100\nFrom: A <a@example.org>\n\nx\n',
      ),
      'eml',
    );
    expect(m).toMatchObject({
      date: '2002-07-02T09:10:11+01:00',
      dateInferred: 'no Date header; date taken from the latest dated Received header',
      repairs: ['date inferred from a Received header'],
    });
  });

  it('prefers the mbox From line to Received headers, and a Date header to both', async () => {
    const raw = bytes('Received: from a by b; Tue, 2 Jul 2002 09:10:11 +0100\nFrom: A <a@example.org>\nDate: soon\n\nx\n');
    const fromLine = 'From a@example.org Tue Jul  2 08:00:00 2002';
    expect(await parseMessage(raw, 'mbox', { fromLine })).toMatchObject({
      date: '2002-07-02T08:00:00+00:00',
      dateInferred: 'Date header unparseable ("soon"); date taken from the mbox From line, read as UTC (the line gives no zone)',
    });
    const good = await parseMessage(bytes(`${HEAD}\nx\n`), 'mbox', { fromLine });
    expect(good.date).toBe('2002-07-01T10:00:00+00:00');
    expect(Object.keys(good)).not.toContain('dateInferred');
    expect(Object.keys(good)).not.toContain('repairs');
  });

  it('keeps a Date up to a day ahead of the clock and treats one further ahead as broken', async () => {
    const now = Date.parse('2002-07-01T10:00:00Z');
    const at = (hours: number) => new Date(now + hours * 3_600_000).toUTCString().replace('GMT', '+0000');
    const fromLine = 'From a@example.org Mon Jul  1 09:59:00 2002';
    const message = (hours: number) => bytes(`From: A <a@example.org>\nDate: ${at(hours)}\n\nx\n`);
    const ahead23 = await parseMessage(message(23), 'mbox', { fromLine, now });
    expect(ahead23.date).toBe('2002-07-02T09:00:00+00:00');
    expect(Object.keys(ahead23)).not.toContain('dateInferred');
    const ahead25 = await parseMessage(message(25), 'mbox', { fromLine, now });
    expect(ahead25).toMatchObject({
      date: '2002-07-01T09:59:00+00:00',
      dateInferred: `Date header in the future ("${at(25)}"); date taken from the mbox From line, read as UTC (the line gives no zone)`,
    });
    expect(FUTURE_SLACK_MS).toBe(24 * 3_600_000);
  });

  it('returns a message nothing in it dates as undated, with the problem, for the importer to date', async () => {
    const m = await parseMessage(bytes('From: A <a@example.org>\nSubject: x\n\nx\n'), 'eml');
    expect(m).toMatchObject({ date: null, dateProblem: 'no Date header', author: 'A' });
    const neither = await parseMessage(bytes('Subject: x\nMessage-ID: <n@example.org>\n\nbody\n'), 'eml');
    expect(neither).toMatchObject({
      date: null,
      dateProblem: 'no Date header',
      author: UNKNOWN_SENDER,
      repairs: ['no From header; the sender is unknown'],
    });
    const bad = await parseMessage(bytes('From: A <a@example.org>\nDate: at\tsome <x@example.org> point\n\nx\n'), 'eml');
    expect(bad).toMatchObject({ date: null, dateProblem: 'Date header unparseable ("at some [address hidden] point")' });
  });

  it('replaces NUL bytes in the header block by spaces and says so; the raw bytes keep them', async () => {
    const raw = bytes(`${HEAD}Subject: a\u0000b\u0000c\n\nx\n`);
    const m = await parseMessage(raw, 'eml');
    expect(m).toMatchObject({ subject: 'a b c', repairs: ['2 NUL bytes in the header block replaced by spaces'] });
    expect(m.raw).toBe(raw);
    expect(raw.filter((b) => b === 0)).toHaveLength(2);
  });

  it.each([
    ['empty input', new Uint8Array(0), /empty/],
    ['whitespace only', bytes('\n\n  \n'), /empty/],
    ['no headers', bytes('just some words\nand more\n'), /no header fields/],
    ['no mail header field', bytes('Note: a memo\nX-Colour: blue\n\nnot mail\n'), /no mail header field/],
    ['a PNG file', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), /no header fields/],
    ['huge header block', bytes(`${HEAD}X-Pad: ${'a'.repeat(MAX_HEADER_BYTES)}\n\nx\n`), /header block is over/],
  ])('rejects %s', async (_name, raw, pattern) => {
    expect(await reason(raw)).toMatch(pattern);
  });

  it('rejects a message over the size limit', async () => {
    const big = new Uint8Array(MAX_MESSAGE_BYTES + 1).fill(0x61);
    big.set(bytes(`${HEAD}\n`));
    expect(await reason(big)).toMatch(/over the \d+-byte limit/);
  });

  it('accepts NUL bytes in the body', async () => {
    expect((await parseMessage(bytes(`${HEAD}\nbinary\u0000junk\n`), 'eml')).author).toBe('Test Person');
  });
});

describe('htmlToText', () => {
  it('never keeps markup and drops dangerous elements with their contents', () => {
    const out = htmlToText('<div onmouseover="x()">a<script>b()</script><style>.c{}</style><iframe src=x>d</iframe>e</div><!-- f -->');
    expect(out).toBe('ae\n');
  });

  it('decodes entities once and keeps text that only looks like a tag', () => {
    expect(htmlToText('<p>1 &lt; 2 &amp;lt; 3 &#x41;&#66; a < b</p>')).toBe('1 < 2 &lt; 3 AB a < b\n');
  });

  it('drops the rest of an unterminated tag', () => {
    expect(htmlToText('safe <img src="x" onerror="alert(1)"')).toBe('safe\n');
  });
});
