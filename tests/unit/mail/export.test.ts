import { describe, expect, it } from 'vitest';
import { splitMbox } from '../../../src/lib/mail/mbox.ts';
import { toMail, toMboxrd, type ExportMessage } from '../../../src/lib/mail/export.ts';

const base: ExportMessage = {
  messageId: 'one.1@example.invalid',
  author: 'Ada Example',
  date: '2002-06-27T21:01:29-06:00',
  subject: 'Re: a subject',
  inReplyTo: 'zero.0@example.invalid',
  references: ['root.0@example.invalid', 'zero.0@example.invalid'],
  provenance: 'imported',
  body: 'Hello.\nFrom here on, a line that starts like a separator.\n>From an escaped one.\n',
};

describe('toMail', () => {
  it('writes the headers the entry knows, in the sender offset, and no address', () => {
    const mail = toMail(base);
    expect(mail).toContain('From: Ada Example\n');
    expect(mail).toContain('Date: Thu, 27 Jun 2002 21:01:29 -0600\n');
    expect(mail).toContain('In-Reply-To: <zero.0@example.invalid>\n');
    expect(mail).toContain('References: <root.0@example.invalid> <zero.0@example.invalid>\n');
    expect(mail).not.toMatch(/^From: .*@/m);
  });

  it('never lets a header value start a new header', () => {
    const mail = toMail({ ...base, subject: 'Hi\r\nBcc: victim', author: 'Eve\nX-Evil: 1' });
    expect(mail).not.toMatch(/^Bcc:/m);
    expect(mail).not.toMatch(/^X-Evil:/m);
  });
});

describe('toMboxrd', () => {
  it('escapes From lines so that splitting the file gives back the bodies', () => {
    const second = { ...base, messageId: 'two.2@example.invalid', body: 'From the second one.\n' };
    const mbox = toMboxrd([base, second]);
    expect(mbox).toContain('\n>From here on');
    expect(mbox).toContain('\n>>From an escaped one.');
    const { messages } = splitMbox(new TextEncoder().encode(mbox));
    expect(messages).toHaveLength(2);
    const text = new TextDecoder().decode(messages[0]?.raw);
    expect(text).toContain('\nFrom here on, a line');
    expect(text).toContain('\n>From an escaped one.');
  });
});

describe('toMail read back by a mail parser', () => {
  it('gives postal-mime the subject, ids, references and a UTF-8 text body', async () => {
    const { default: PostalMime } = await import('postal-mime');
    const body = 'Grüße from the receive side: 0.9 Gbit/s.\n';
    const parsed = await PostalMime.parse(toMail({ ...base, subject: 'Re: zero-copy, Größe', body }));
    expect(parsed.subject).toBe('Re: zero-copy, Größe');
    expect(parsed.messageId).toBe('<one.1@example.invalid>');
    expect(parsed.inReplyTo).toBe('<zero.0@example.invalid>');
    expect(parsed.references).toBe('<root.0@example.invalid> <zero.0@example.invalid>');
    expect(parsed.text).toBe(body);
    const header = (key: string) => parsed.headers.find((h) => h.key === key)?.value;
    expect(header('mime-version')).toBe('1.0');
    expect(header('content-type')).toBe('text/plain; charset=utf-8');
    expect(header('content-transfer-encoding')).toBe('8bit');
    expect(header('x-slowest-side-provenance')).toBe('imported');
  });

  it('leaves out In-Reply-To and References for a message that starts a thread', () => {
    const mail = toMail({ ...base, inReplyTo: null, references: [] });
    expect(mail).not.toMatch(/^In-Reply-To:/m);
    expect(mail).not.toMatch(/^References:/m);
  });

  it('turns each run of line breaks in a header value into one space', () => {
    const mail = toMail({ ...base, subject: 'one\r\n\r\ntwo\nthree' });
    expect(mail).toContain('Subject: one two three\n');
  });
});

describe('toMboxrd separator dates', () => {
  it('writes the From line in asctime form, in UTC, with a space-padded day and zero-padded time', () => {
    // 2002-06-27 21:01:29 at -06:00 is 03:01:29 UTC on Friday 28 June.
    expect(toMboxrd([base]).split('\n')[0]).toBe('From slowest-side Fri Jun 28 03:01:29 2002');
    const early = toMboxrd([{ ...base, date: '2002-01-05T04:03:02Z' }]).split('\n')[0];
    expect(early).toBe('From slowest-side Sat Jan  5 04:03:02 2002');
  });
});

describe('toMail and toMboxrd line endings and From lines', () => {
  it('writes only header lines before the blank line, also without a parent', () => {
    const mail = toMail({ ...base, inReplyTo: null, references: [] });
    const head = mail.slice(0, mail.indexOf('\n\n')).split('\n');
    for (const line of head) expect(line).toMatch(/^[A-Za-z-]+: /);
  });

  it('turns CRLF and lone CR in the body into LF', () => {
    expect(toMail({ ...base, body: 'one\r\ntwo\rthree\n' }).endsWith('\n\none\ntwo\nthree\n')).toBe(true);
  });

  it('escapes From only at the start of a line', () => {
    const mbox = toMboxrd([{ ...base, body: 'Mail From the list.\n' }]);
    expect(mbox).toContain('\nMail From the list.\n');
  });

  it('ends every message with one blank line, whether or not its body ends with a newline', () => {
    expect(toMboxrd([{ ...base, body: 'no newline' }]).endsWith('\nno newline\n\n')).toBe(true);
    expect(toMboxrd([{ ...base, body: 'newline\n' }]).endsWith('\nnewline\n\n')).toBe(true);
    expect(toMboxrd([{ ...base, body: 'newline\n' }]).endsWith('\n\n\n')).toBe(false);
  });
});
