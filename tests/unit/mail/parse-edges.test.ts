// Edge cases of parse.ts: entities, HTML quirks, author names, header-block limits, NUL
// bytes, unreadable MIME, In-Reply-To/References junk, list names and derived ids. All mail
// here is invented for these tests.
import { describe, expect, it } from 'vitest';
import { reason } from './parse-reason.ts';
import { nomsgidId } from '../../../src/lib/mail/ids.ts';
import {
  decodeEntities,
  displayName,
  htmlToText,
  MAX_HEADER_BYTES,
  MAX_MESSAGE_BYTES,
  ParseError,
  parseMessage,
  UNKNOWN_SENDER,
} from '../../../src/lib/mail/parse.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const FROM = 'From: Ada Example <ada@example.org>\n';
const HEAD = `${FROM}Date: Mon, 1 Jul 2002 10:00:00 +0000\n`;
const parse = (text: string) => parseMessage(bytes(text), 'eml');

describe('decodeEntities, numeric references', () => {
  it('reads hex references with either x', () => {
    expect(decodeEntities('&#x3e;&#X3C;&#x41;')).toBe('><A');
  });

  it('keeps the highest code point and the first one after the surrogates', () => {
    expect(decodeEntities('&#x10FFFF;|&#xE000;|&#xD7FF;')).toBe('\u{10FFFF}|\uE000|\uD7FF');
  });

  it('replaces NUL, surrogates and code points past U+10FFFF with U+FFFD', () => {
    expect(decodeEntities('&#0;|&#xD800;|&#xDFFF;|&#1114112;')).toBe('\uFFFD|\uFFFD|\uFFFD|\uFFFD');
  });
});

describe('htmlToText quirks', () => {
  it('turns CR and CRLF inside <pre> into newlines', () => {
    expect(htmlToText('<pre>a\r\nb\rc</pre>')).toBe('a\nb\nc\n');
  });

  it('drops only a newline that directly follows <pre>', () => {
    expect(htmlToText('<pre>x\ny</pre>')).toBe('x\ny\n');
    expect(htmlToText('<pre>\nx</pre>')).toBe('x\n');
    // After an inner </pre>, the outer <pre> keeps its newline.
    expect(htmlToText('<pre>a<pre>b</pre>\nc</pre>')).toBe('a\n\nb\n\n\nc\n');
  });

  it('is empty, without a newline, when nothing is left', () => {
    expect(htmlToText('<p> </p><br>')).toBe('');
  });

  it('skips ">" inside quoted attribute values', () => {
    expect(htmlToText('<a title="1>0">one</a> <a title=\'2>1\'>two</a>')).toBe('one two\n');
  });

  it('ends a tag with an unclosed quote at its first ">"', () => {
    expect(htmlToText('<b>bold</b> <a title="oops>link</a>')).toBe('bold link\n');
  });

  it('collapses white space and drops spaces before a block ends', () => {
    expect(htmlToText('<p>a \n\t b</p>')).toBe('a b\n');
    expect(htmlToText('<p>a </p><p>b</p>')).toBe('a\n\nb\n');
  });

  it('drops comments, even with ">" inside or left unclosed', () => {
    expect(htmlToText('<p>x<!-- 1 > 0 -->y</p>')).toBe('xy\n');
    expect(htmlToText('text<!-- never closed')).toBe('text\n');
  });

  it('drops doctypes and processing instructions', () => {
    expect(htmlToText('<!DOCTYPE html><?xml version="1.0"?><p>x</p>')).toBe('x\n');
  });

  it('ignores a stray closing tag or a self-closed tag of a dropped element', () => {
    expect(htmlToText('a</style>b')).toBe('ab\n');
    expect(htmlToText('a<script src="x.js"/>b')).toBe('ab\n');
  });

  it('puts spaces between table cells, not before a row', () => {
    expect(htmlToText('<table><tr><th>name</th><th>size</th></tr><tr><td>eth0</td><td>1500</td></tr></table>')).toBe(
      'name  size\neth0  1500\n',
    );
  });
});

describe('displayName', () => {
  it('trims quotes and parentheses, collapses white space and removes addresses', () => {
    expect(displayName('"Ada Example"')).toBe('Ada Example');
    expect(displayName('Ada \t Example')).toBe('Ada Example');
    expect(displayName('Ada Example <ada@example.org>')).toBe('Ada Example');
  });

  it('is "unknown sender" when only punctuation is left', () => {
    expect(displayName('()')).toBe(UNKNOWN_SENDER);
    expect(displayName('"ada@example.org"')).toBe(UNKNOWN_SENDER);
  });
});

describe('ParseError', () => {
  it('is named ParseError', () => {
    expect(new ParseError('why').name).toBe('ParseError');
  });
});

describe('checks on the raw bytes', () => {
  it('calls blank input of spaces, tabs and line ends empty', async () => {
    expect(await reason(bytes(' \t\r\n\t '))).toBe('empty message');
  });

  it('accepts a message of exactly the size limit (then finds no header block end)', async () => {
    expect(await reason(new Uint8Array(MAX_MESSAGE_BYTES).fill(0x78))).toBe(`header block is over ${MAX_HEADER_BYTES} bytes`);
  });

  it('accepts a header block of exactly the limit, and not one byte more', async () => {
    const pad = (n: number) => 'x'.repeat(n - 'Subject: \n'.length);
    const m = await parse(`Subject: ${pad(MAX_HEADER_BYTES)}\n\nbody\n`);
    expect(m.subject).toBe(pad(MAX_HEADER_BYTES));
    expect(await reason(bytes(`Subject: ${pad(MAX_HEADER_BYTES + 1)}\n\nbody\n`))).toBe(`header block is over ${MAX_HEADER_BYTES} bytes`);
  });

  it('looks for the first field name in the first 1000 bytes, at the very start', async () => {
    expect(await reason(bytes(`${'X'.repeat(1200)}: v\n${FROM}\nbody\n`))).toBe('no header fields at the start of the message');
    expect(await reason(bytes(` ${FROM}\nbody\n`))).toBe('no header fields at the start of the message');
  });

  it('allows white space between a field name and its colon', async () => {
    expect((await parse(`Subject : spaced\n${FROM}\nbody\n`)).subject).toBe('spaced');
  });

  it('counts NUL bytes up to the end of the header block, past a blank-looking folded line', async () => {
    const m = await parse(`Subject: a\n \n${FROM}X-Junk: b\0\n\nbody\n`);
    expect(m.repairs).toEqual(['a NUL byte in the header block replaced by a space']);
  });

  it('counts no NUL byte of a CRLF body', async () => {
    const m = await parse(`Subject: a\r\n${FROM.replace('\n', '\r\n')}Date: Mon, 1 Jul 2002 10:00:00 +0000\r\n\r\nA\0B\r\n`);
    expect(m.repairs).toBeUndefined();
  });

  it('reports a header block that postal-mime finds too big across MIME parts', async () => {
    const part = `--b\nContent-Type: text/plain\nX-Pad: ${'x'.repeat(1000)}\n\nhi\n`;
    const raw = bytes(`${HEAD}Content-Type: multipart/mixed; boundary=b\n\n${part.repeat(300)}--b--\n`);
    expect(await reason(raw)).toBe(`not a readable message: Maximum header size of ${MAX_HEADER_BYTES * 4} bytes exceeded`);
  });
});

describe('bodies postal-mime cannot read', () => {
  const NO_BOUNDARY = `${HEAD}Subject: x\nContent-Type: multipart/mixed\n`;
  const REPAIR = 'MIME structure unreadable (a multipart without a boundary); the body is kept as plain text';

  it('keeps the body after the blank line as text, with its own leading blank line', async () => {
    const m = await parse(`${NO_BOUNDARY}\n\nline one\n`);
    expect(m.body).toBe('\nline one\n');
    expect(m.repairs).toEqual([REPAIR]);
  });

  it('starts the body after a CRLF blank line', async () => {
    const m = await parse(`${NO_BOUNDARY.replaceAll('\n', '\r\n')}\r\nline\r\n`);
    expect(m.body).toBe('line\r\n');
  });

  it('reads the body as UTF-8 when valid, else as Windows-1252', async () => {
    expect((await parse(`${NO_BOUNDARY}\ncaf\u00e9 \u2014 ok\n`)).body).toBe('caf\u00e9 \u2014 ok\n');
    const latin = Uint8Array.from([...bytes(`${NO_BOUNDARY}\ncaf`), 0xe9, 0x20, 0x96, 0x0a]);
    expect((await parseMessage(latin, 'eml')).body).toBe('caf\u00e9 \u2013\n');
  });

  it('repairs nothing when that body is empty or blank', async () => {
    expect(await parse(`${NO_BOUNDARY}\n`)).toMatchObject({ body: '' });
    expect((await parse(`${NO_BOUNDARY}\n`)).repairs).toBeUndefined();
    const blank = await parse(`${NO_BOUNDARY}\n  \n\n`);
    expect(blank.body).toBe('  \n\n');
    expect(blank.repairs).toBeUndefined();
  });

  it('does not count HTML-only or attachment-only mail as unreadable', async () => {
    const html = await parse(`${HEAD}Subject: x\nContent-Type: text/html\n\n<p>hi</p>\n`);
    expect(html.body).toBe('hi\n');
    expect(html.repairs).toBeUndefined();
    const attachment = await parse(
      `${HEAD}Subject: x\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\nAAECAwQ=\n`,
    );
    expect(attachment.body).toBe('');
    expect(attachment.repairs).toBeUndefined();
  });
});

describe('subjects', () => {
  it('turns a line break decoded from an encoded word, and the indent after it, into one space', async () => {
    expect((await parse(`${HEAD}Subject: =?utf-8?q?line_one=0A__line_two?=\n\nb\n`)).subject).toBe('line one line two');
  });

  it('is empty without a Subject header', async () => {
    expect((await parse(`${HEAD}\nb\n`)).subject).toBe('');
  });
});

describe('In-Reply-To', () => {
  it('is null, with no header kept, when missing', async () => {
    const m = await parse(`${HEAD}\nb\n`);
    expect(m.inReplyTo).toBeNull();
    expect(m).not.toHaveProperty('inReplyToRaw');
  });

  it('keeps a folded header as written, with single spaces', async () => {
    const m = await parse(`${HEAD}In-Reply-To: <p@example.org>\n  (Ann's  message)\n\nb\n`);
    expect(m).toMatchObject({ inReplyTo: 'p@example.org', inReplyToRaw: "<p@example.org> (Ann's message)" });
  });

  it('keeps a header with words before the id as written', async () => {
    const m = await parse(`${HEAD}In-Reply-To: your message <p@example.org>\n\nb\n`);
    expect(m).toMatchObject({ inReplyTo: 'p@example.org', inReplyToRaw: 'your message <p@example.org>' });
  });

  it('reads a bare id without brackets', async () => {
    const m = await parse(`${HEAD}In-Reply-To: p@example.net\n\nb\n`);
    expect(m).toMatchObject({ inReplyTo: 'p@example.net', inReplyToRaw: 'p@example.net' });
  });

  it('does not take a bare token that only looks like an archive-derived id', async () => {
    const m = await parse(`${HEAD}In-Reply-To: nomsgid.0123456789abcdef\n\nb\n`);
    expect(m).toMatchObject({ inReplyTo: null, inReplyToRaw: 'nomsgid.0123456789abcdef' });
  });
});

describe('References', () => {
  const refs = (n: number) => Array.from({ length: n }, (_, i) => `<r${i}@example.net>`).join('\n ');

  it('keeps twenty ids as they are', async () => {
    const m = await parse(`${HEAD}References: ${refs(20)}\n\nb\n`);
    expect(m.references).toEqual(Array.from({ length: 20 }, (_, i) => `r${i}@example.net`));
    expect(m.repairs).toBeUndefined();
  });

  it('cuts twenty-one ids to the first and the nineteen newest, and says so', async () => {
    const m = await parse(`${HEAD}References: ${refs(21)}\n\nb\n`);
    expect(m.references).toEqual(['r0@example.net', ...Array.from({ length: 19 }, (_, i) => `r${i + 2}@example.net`)]);
    expect(m.repairs).toEqual(['References cut from 21 to 20 ids (the first and the newest)']);
  });
});

describe('list names', () => {
  const list = async (header: string) => (await parse(`${HEAD}${header}\nb\n`)).list;

  it('reads a List-Id without brackets', async () => {
    expect(await list('List-Id: linux-kernel.vger.kernel.org\n')).toBe('linux-kernel');
  });

  it('reads the address inside the brackets of X-Mailing-List', async () => {
    expect(await list('X-Mailing-List: Kernel list <linux-kernel@vger.kernel.org>\n')).toBe('linux-kernel');
  });

  it('drops characters a list name cannot have', async () => {
    expect(await list('List-Id: Kernel hackers <Kernel Hackers.example.org>\n')).toBe('kernelhackers');
  });

  it('is null without list headers or when nothing is left of the name', async () => {
    expect(await list('')).toBeNull();
    expect(await list('List-Id: <!!!.example.org>\n')).toBeNull();
  });
});

describe('dates and derived ids from Received headers only', () => {
  it('does not date mail from a header that is not Received', async () => {
    const m = await parse(`${FROM}Subject: s\nX-Archived: archiver; Tue, 2 Jul 2002 09:00:00 +0000\n\nbody\n`);
    expect(m).toMatchObject({ date: null, dateProblem: 'no Date header' });
    expect(m.messageId).toBe(nomsgidId('Ada Example', '', 's', 'body\n'));
  });

  it('derives the id of undated mail from the newest Received header that has a date', async () => {
    const m = await parse(`${FROM}Subject: s\nReceived: from a by b\nReceived: from c by d; Mon, 1 Jul 2002 10:00:00 +0000\n\nbody\n`);
    expect(m.date).toBe('2002-07-01T10:00:00+00:00');
    expect(m.messageId).toBe(nomsgidId('Ada Example', '2002-07-01T10:00:00+00:00', 's', 'body\n'));
  });
});
