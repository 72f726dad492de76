import { describe, expect, it } from 'vitest';
import { ADDRESS_PLACEHOLDER } from '../../../src/lib/mail/redact.ts';
import { cleanHeaderText, sanitizeMessage } from '../../../src/lib/mail/sanitize.ts';
import { parsedMessage } from '../../support/entries.ts';

const HEADER_NOTE = 'control characters in header fields replaced by spaces';

describe('sanitizeMessage repairs', () => {
  it('counts the control characters it replaced in the body, in words for one', () => {
    const one = sanitizeMessage(parsedMessage({ body: 'bell\u0007 here\n' }));
    expect(one.repairs).toEqual(['a control character in the body replaced by \ufffd (U+FFFD)']);
    const three = sanitizeMessage(parsedMessage({ body: '\u0007\u0008\u0007\n' }));
    expect(three.repairs).toEqual(['3 control characters in the body replaced by \ufffd (U+FFFD)']);
    expect(three.body).toBe('\ufffd\ufffd\ufffd\n');
  });

  it('adds no repairs key to a clean message, and keeps the repairs it already had', () => {
    const clean = sanitizeMessage(parsedMessage());
    expect(Object.hasOwn(clean, 'repairs')).toBe(false);
    const earlier = sanitizeMessage(parsedMessage({ repairs: ['date inferred from the mbox From line'] }));
    expect(earlier.repairs).toEqual(['date inferred from the mbox From line']);
    const both = sanitizeMessage(parsedMessage({ repairs: ['date inferred from the mbox From line'], subject: 'a\u001bb' }));
    expect(both.repairs).toEqual(['date inferred from the mbox From line', HEADER_NOTE]);
  });

  it('notes a control character in any one header field: author, subject or free-text In-Reply-To', () => {
    expect(sanitizeMessage(parsedMessage({ author: 'Jane\u0000 Sample' })).repairs).toEqual([HEADER_NOTE]);
    expect(sanitizeMessage(parsedMessage({ subject: 'copies\r\nBcc: x' })).repairs).toEqual([HEADER_NOTE]);
    expect(sanitizeMessage(parsedMessage({ inReplyToRaw: 'your message\u001b of Thu' })).repairs).toEqual([HEADER_NOTE]);
    // A tab is white space, not a fault.
    expect(sanitizeMessage(parsedMessage({ subject: 'copies\tand more' })).repairs).toBeUndefined();
  });
});

describe('sanitizeMessage header text', () => {
  it('puts author, subject and free-text In-Reply-To on one trimmed line', () => {
    const out = sanitizeMessage(
      parsedMessage({ author: ' Jane\r\n Sample ', subject: '\u0000copies\r\n', inReplyToRaw: 'your message of\r\n Thu\n' }),
    );
    expect(out.author).toBe('Jane  Sample');
    expect(out.subject).toBe('copies');
    expect(out.inReplyToRaw).toBe('your message of  Thu');
  });

  it('leaves out inReplyToRaw when the message had none', () => {
    expect(Object.hasOwn(sanitizeMessage(parsedMessage()), 'inReplyToRaw')).toBe(false);
  });

  it('names an author made only of control characters the unknown sender', () => {
    expect(sanitizeMessage(parsedMessage({ author: '\u0000\u001b' })).author).toBe('unknown sender');
    expect(sanitizeMessage(parsedMessage({ author: 'Jane Sample' })).author).toBe('Jane Sample');
  });

  it('trims what is left at either end', () => {
    expect(cleanHeaderText('\r\n subject \u0000')).toBe('subject');
  });
});

describe('sanitizeMessage addresses in the body', () => {
  const base = {
    messageId: 'own@example.org',
    aliases: ['alias@example.org'],
    references: ['root@example.org'],
    inReplyTo: 'parent@example.org',
  };
  const hidden = (body: string, overrides = {}) => sanitizeMessage(parsedMessage({ ...base, ...overrides, body })).body;

  it('hides an address that is no id of the message', () => {
    expect(hidden('write to jane@example.gov today\n')).toBe(`write to ${ADDRESS_PLACEHOLDER} today\n`);
  });

  it('keeps the message own id, its aliases, references and In-Reply-To', () => {
    for (const id of ['own@example.org', 'alias@example.org', 'root@example.org', 'parent@example.org']) {
      expect(hidden(`see <${id}> and jane@example.gov\n`)).toBe(`see <${id}> and ${ADDRESS_PLACEHOLDER}\n`);
    }
  });

  it('keeps an In-Reply-To id that is not among the references', () => {
    expect(hidden('see <only-parent@example.org>\n', { inReplyTo: 'only-parent@example.org', references: [] })).toBe(
      'see <only-parent@example.org>\n',
    );
  });

  it('hides an id-like token when the message has no parent', () => {
    expect(hidden('see <parent@example.org>\n', { inReplyTo: null, references: [] })).toBe(`see ${ADDRESS_PLACEHOLDER}\n`);
  });

  it('keeps the id an attribution line carries, and only in that form', () => {
    const body = 'In article <quoted.1@news.example.org>, Owen Sample wrote:\n> Quoted text.\n\nMy reply.\n';
    expect(hidden(body)).toBe(body);
    const plain = 'Mail quoted.1@news.example.org for it.\n';
    expect(hidden(plain)).toBe(`Mail ${ADDRESS_PLACEHOLDER} for it.\n`);
  });

  it('keeps a known id with a news-gateway suffix, not an unknown one', () => {
    expect(hidden('ref own@example.org.lists.linux.kernel\n')).toBe('ref own@example.org.lists.linux.kernel\n');
    expect(hidden('ref other@example.org.lists.linux.kernel\n')).toBe(`ref ${ADDRESS_PLACEHOLDER}\n`);
  });
});
