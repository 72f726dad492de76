import { describe, expect, it } from 'vitest';
import { sanitizeMessage } from '../../../src/lib/mail/sanitize.ts';
import { parsedMessage } from '../../support/entries.ts';

describe('sanitizeMessage repairs', () => {
  it('counts the control characters it replaced in the body, in words for one', () => {
    const one = sanitizeMessage(parsedMessage({ body: 'bell\u0007 here\n' }));
    expect(one.repairs).toEqual(['a control character in the body replaced by \ufffd (U+FFFD)']);
    const three = sanitizeMessage(parsedMessage({ body: '\u0007\u0008\u0007\n' }));
    expect(three.repairs).toEqual(['3 control characters in the body replaced by \ufffd (U+FFFD)']);
    expect(three.body).toBe('\ufffd\ufffd\ufffd\n');
  });
});
