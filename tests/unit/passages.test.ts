import { describe, expect, it } from 'vitest';
import { paragraphLabel, parseRef } from '../../src/lib/passages.ts';

const SEED = 'Pine.LNX.4.44.0206271943340.24818-100000@alvie-mail.lanl.gov';

describe('passage references', () => {
  it('parse with and without a paragraph', () => {
    expect(parseRef(`${SEED}#p3`)).toEqual({ messageId: SEED, paragraph: 3 });
    expect(parseRef(`<${SEED}>`)).toEqual({ messageId: SEED, paragraph: null });
  });

  it('are labelled by the paragraphs their words stand in', () => {
    expect(paragraphLabel(4)).toBe('paragraph 4');
    expect(paragraphLabel(4, 4)).toBe('paragraph 4');
    expect(paragraphLabel(2, 4)).toBe('paragraphs 2–4');
    expect(paragraphLabel(undefined)).toBe('');
  });
});
