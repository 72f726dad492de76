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
