import { describe, expect, it } from 'vitest';
import { parseRef, resolvePassage } from '../../src/lib/passages.ts';
import { shippedArchive } from '../support/shipped.ts';

const SEED = 'Pine.LNX.4.44.0206271943340.24818-100000@alvie-mail.lanl.gov';
const archive = shippedArchive();

describe('passage references', () => {
  it('parse with and without a paragraph', () => {
    expect(parseRef(`${SEED}#p3`)).toEqual({ messageId: SEED, paragraph: 3 });
    expect(parseRef(`<${SEED}>`)).toEqual({ messageId: SEED, paragraph: null });
  });

  it('resolve to the paragraph holding the quoted words, whatever the line breaks', () => {
    const p = resolvePassage(archive, `${SEED}#p6`, 'TCP only performs as well as the slowest side of the connection');
    expect(p.message.author).toBe('Hurwitz Justin W.');
    expect(p.paragraph?.text).toContain('slowest side');
  });

  it('refuse a quote that is not in the paragraph, a missing paragraph or message', () => {
    expect(() => resolvePassage(archive, `${SEED}#p1`, 'TCP only performs as well')).toThrow(/does not contain/);
    expect(() => resolvePassage(archive, `${SEED}#p99`)).toThrow(/not 99/);
    expect(() => resolvePassage(archive, 'nobody@example.invalid#p1')).toThrow(/no message/);
    expect(() => resolvePassage(archive, SEED, 'anything')).toThrow(/needs a paragraph/);
  });
});
