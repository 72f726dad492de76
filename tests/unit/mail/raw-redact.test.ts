/**
 * redactRawMail piece by piece: quoted-printable UTF-8 read sequence by sequence, encoded
 * words in other charsets, base64 blocks re-wrapped at their own width. The hostile corpus
 * (hostile-mail.test.ts) checks the whole; these pin the edges.
 */
import { describe, expect, it } from 'vitest';
import { redactRawMail } from '../../../src/lib/mail/raw-redact.ts';

const HIDDEN = '[address hidden]';

describe('redactRawMail: quoted-printable bytes after an address', () => {
  // `seq` follows the domain, then "x": where it decodes to a letter or digit the domain runs
  // on through "x"; where it is not valid UTF-8 its bytes are read one by one as Latin-1.
  const cases: [string, string, string][] = [
    ['two bytes, last lead (U+07C0, a digit)', '=DF=80', `${HIDDEN} end`],
    ['two bytes, first lead (no-break space)', '=C2=A0', `${HIDDEN}=C2=A0x end`],
    ['two bytes, smallest code point (U+0080, a control)', '=C2=80', `${HIDDEN}=C2=80x end`],
    ['two bytes, Cyrillic a', '=D0=B0', `${HIDDEN} end`],
    ['three bytes, first lead (Devanagari a)', '=E0=A4=85', `${HIDDEN} end`],
    ['three bytes, last lead (fullwidth A)', '=EF=BC=A1', `${HIDDEN} end`],
    ['four bytes, first lead (an emoji)', '=F0=9F=98=80', `${HIDDEN}=F0=9F=98=80x end`],
    ['four bytes, a letter outside the BMP (bold A)', '=F0=9D=90=80', `${HIDDEN} end`],
    ['four bytes, last lead (private use)', '=F4=80=80=80', `${HIDDEN}=F4=80=80=80x end`],
    ['four bytes, last code point (a noncharacter)', '=F4=8F=BF=BF', `${HIDDEN}=F4=8F=BF=BFx end`],
    // Not UTF-8: the lead byte reads as a Latin-1 letter (Ã, à, ð, ô, í) and joins the domain.
    ['a lead byte without its continuation', '=C3!', `${HIDDEN}!x end`],
    ['an overlong three-byte é', '=E0=83=A9', `${HIDDEN}=83=A9x end`],
    ['an overlong four-byte fullwidth A', '=F0=8F=BC=A1', `${HIDDEN}=8F=BC=A1x end`],
    ['a code point past U+10FFFF', '=F4=90=80=80', `${HIDDEN}=90=80=80x end`],
    ['the first surrogate', '=ED=A0=80', `${HIDDEN}=A0=80x end`],
    ['the last surrogate', '=ED=BF=BF', `${HIDDEN}=BF=BFx end`],
  ];
  for (const [name, seq, rest] of cases) {
    it(name, () => {
      expect(redactRawMail(`mail a@example${seq}x end`)).toBe(`mail ${rest}`);
    });
  }
});

describe('redactRawMail: quoted-printable soft breaks and escapes', () => {
  it('reads =40 as the @ of an address', () => {
    expect(redactRawMail('write to jane=40example.org now\n')).toBe(`write to ${HIDDEN} now\n`);
  });

  it('takes only "=" before LF or CRLF as a soft break', () => {
    expect(redactRawMail('jo=X\ne@example.com\n')).toBe(`jo=X\n${HIDDEN}\n`);
    expect(redactRawMail('jane=\rx@example.org\n')).toBe(`jane=\r${HIDDEN}\n`);
    expect(redactRawMail('jo=\r\ne@example.com\n')).toBe(`${HIDDEN}\n`);
  });

  it('hides addresses without a keep test, and keeps the ones it names', () => {
    expect(redactRawMail('From: jane@example.org\n')).toBe(`From: ${HIDDEN}\n`);
    expect(redactRawMail('Id: <m1@example.org>\n', (t) => t === 'm1@example.org')).toBe('Id: <m1@example.org>\n');
  });
});

describe('redactRawMail: encoded words', () => {
  it('writes a Latin-1 word back in its own charset, as Latin-1 bytes', () => {
    const out = redactRawMail('From: =?iso-8859-1?q?J=E9r=F4me_=3Cjerome=40example.org=3E?=\n');
    expect(out).toBe(`From: =?iso-8859-1?B?${btoa('J\xe9r\xf4me [address hidden]')}?=\n`);
  });

  it('labels a word whose bytes are valid UTF-8 as utf-8', () => {
    expect(redactRawMail('From: =?us-ascii?q?jane=40example.org?=\n')).toBe(`From: =?utf-8?B?${btoa(HIDDEN)}?=\n`);
  });

  it('reads a base64 word with one stray character at the end', () => {
    const data = btoa('jane@example.org!!'); // 24 characters, no padding
    expect(data).toHaveLength(24);
    expect(redactRawMail(`Subject: =?utf-8?b?${data}A?=\n`)).toBe(`Subject: =?utf-8?B?${btoa(`${HIDDEN}!!`)}?=\n`);
  });
});

describe('redactRawMail: base64 blocks', () => {
  it('leaves lines that only look like base64 as written', () => {
    const mail = 'Subject: thanks\n\nThanks\nJane\n';
    expect(redactRawMail(mail)).toBe(mail);
  });

  it('re-wraps a CRLF block at the width of its first line', () => {
    const text = 'A longer body that names kim@example.com in the middle and goes on for a while.';
    const encoded = btoa(text);
    const block = encoded.match(/.{1,16}/g) ?? [];
    const out = redactRawMail(`Content-Transfer-Encoding: base64\r\n\r\n${block.join('\r\n')}\r\n`);
    const lines = out.split('\r\n').slice(2, -1);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines.slice(0, -1)) expect(line).toHaveLength(16);
    expect(atob(lines.join(''))).toBe(text.replace('kim@example.com', HIDDEN));
  });

  it('goes on to the next block after one it rewrote', () => {
    const one = btoa('from kim@example.com');
    const two = btoa('from lee@example.com');
    const lines = redactRawMail(`${one}\n--\n${two}\n`).split('\n');
    expect(lines[1]).toBe('--');
    expect(atob(lines[0] ?? '')).toBe(`from ${HIDDEN}`);
    expect(atob(lines[2] ?? '')).toBe(`from ${HIDDEN}`);
  });
});
